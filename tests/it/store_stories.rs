//! One story, many papers: precision and recall of story grouping on fixtures of our own
//! writing. Each fixture is (story, outlet, title, lead): versions of one story by several
//! outlets (reworded), and different events on the same topic, within the window, that
//! must never be grouped. Run with `--nocapture` to see the figures.
use crate::store_support;

use docbao::arrival::Arrival;
use docbao::feed::{ArticleId, FeedId, ParsedItem};
use docbao::store::{ArticleQuery, PreparedFeed, Store};
use store_support::*;

/// (story label, outlet, hours after the first, title, lead). Same label: same event.
const FIXTURES: &[(&str, usize, i64, &str, &str)] = &[
    (
        "bao3",
        0,
        0,
        "Bão số 3 đổ bộ Quảng Ninh, gió giật cấp 14",
        "Trưa nay, bão số 3 đã đổ bộ vào vùng biển Quảng Ninh với sức gió mạnh nhất cấp 12, giật cấp 14, nhiều cây xanh bị quật đổ.",
    ),
    (
        "bao3",
        1,
        1,
        "Bão số 3 đổ bộ vào Quảng Ninh và Hải Phòng",
        "Bão số 3 đổ bộ vào đất liền Quảng Ninh - Hải Phòng lúc trưa nay, gió mạnh cấp 12, giật cấp 14, nhiều nơi mất điện.",
    ),
    (
        "bao3",
        2,
        3,
        "Quảng Ninh hứng chịu bão số 3, gió giật cấp 14",
        "Bão số 3 đã đổ bộ vào Quảng Ninh trưa nay với gió mạnh cấp 12, giật cấp 14; chính quyền sơ tán hàng nghìn hộ dân.",
    ),
    (
        "dsct",
        0,
        2,
        "Quốc hội thông qua chủ trương đầu tư đường sắt tốc độ cao Bắc - Nam",
        "Sáng nay, Quốc hội biểu quyết thông qua nghị quyết về chủ trương đầu tư dự án đường sắt tốc độ cao trên trục Bắc - Nam với tổng vốn hơn 67 tỷ USD.",
    ),
    (
        "dsct",
        3,
        4,
        "Chính thức thông qua dự án đường sắt tốc độ cao Bắc - Nam",
        "Quốc hội sáng nay đã thông qua chủ trương đầu tư dự án đường sắt tốc độ cao trên trục Bắc - Nam, tổng vốn đầu tư hơn 67 tỷ USD.",
    ),
    (
        "vang5",
        1,
        5,
        "Giá vàng hôm nay 5/11: vàng miếng tăng mạnh",
        "Sáng 5/11, giá vàng miếng trong nước tăng 500.000 đồng mỗi lượng, lên mức 86 triệu đồng.",
    ),
    (
        "vang5",
        4,
        6,
        "Giá vàng hôm nay 5/11 tăng 500.000 đồng mỗi lượng",
        "Giá vàng miếng sáng 5/11 được niêm yết ở mức 86 triệu đồng mỗi lượng, tăng 500.000 đồng so với hôm qua.",
    ),
    (
        "vang6",
        0,
        29,
        "Giá vàng hôm nay 6/11: vàng miếng giảm nhẹ",
        "Sáng 6/11, giá vàng miếng trong nước giảm 200.000 đồng mỗi lượng, xuống 85,8 triệu đồng.",
    ),
    (
        "chay-hd",
        2,
        7,
        "Cháy lớn tại xưởng gỗ ở Hà Đông, không có thương vong",
        "Khoảng 2 giờ sáng nay, một xưởng gỗ trên phố Ba La, quận Hà Đông bốc cháy dữ dội; lực lượng cứu hỏa mất 3 giờ để dập lửa.",
    ),
    (
        "chay-hd",
        5,
        8,
        "Hỏa hoạn thiêu rụi xưởng gỗ ở quận Hà Đông",
        "Một xưởng gỗ tại phố Ba La, quận Hà Đông bốc cháy dữ dội lúc 2 giờ sáng nay; không có thương vong, lực lượng cứu hỏa dập lửa sau 3 giờ.",
    ),
    (
        "chay-bd",
        3,
        9,
        "Cháy lớn tại xưởng gỗ ở Bình Dương, không có thương vong",
        "Khoảng 3 giờ sáng nay, một xưởng gỗ ở thị xã Tân Uyên, Bình Dương bốc cháy dữ dội; lực lượng cứu hỏa mất 4 giờ để dập lửa.",
    ),
    (
        "bd-luotdi",
        4,
        10,
        "Việt Nam thắng Thái Lan 2-1 ở chung kết lượt đi",
        "Đội tuyển Việt Nam đánh bại Thái Lan với tỷ số 2-1 trong trận chung kết lượt đi tối qua trên sân Việt Trì.",
    ),
    (
        "bd-luotdi",
        5,
        11,
        "Tuyển Việt Nam thắng Thái Lan 2-1, rộng cửa vô địch",
        "Tối qua trên sân Việt Trì, đội tuyển Việt Nam thắng Thái Lan 2-1 ở trận chung kết lượt đi.",
    ),
    (
        "bd-luotve",
        0,
        30,
        "Việt Nam hòa Thái Lan 1-1 ở chung kết lượt về",
        "Đội tuyển Việt Nam bị Thái Lan cầm hòa 1-1 trong trận chung kết lượt về tối qua trên sân Rajamangala.",
    ),
    (
        "mua-hn",
        1,
        12,
        "Hà Nội mưa lớn, nhiều tuyến phố ngập sâu",
        "Chiều nay, cơn mưa lớn kéo dài hai giờ khiến nhiều tuyến phố nội thành Hà Nội ngập sâu, giao thông ùn tắc.",
    ),
    (
        "mua-hcm",
        2,
        13,
        "TP HCM mưa lớn, nhiều tuyến phố ngập sâu",
        "Chiều nay, cơn mưa lớn kéo dài hai giờ khiến nhiều tuyến phố trung tâm TP HCM ngập sâu, giao thông ùn tắc.",
    ),
    (
        "dongdat-a",
        3,
        14,
        "Động đất mạnh 4,2 độ ở Kon Tum",
        "Trưa nay, một trận động đất mạnh 4,2 độ xảy ra tại huyện Kon Plông, tỉnh Kon Tum, người dân cảm nhận rung lắc rõ.",
    ),
    (
        "dongdat-b",
        4,
        20,
        "Động đất 3,5 độ ở Kon Tum",
        "Tối nay, một trận động đất 3,5 độ xảy ra tại huyện Kon Plông, tỉnh Kon Tum, chưa ghi nhận thiệt hại.",
    ),
    (
        "rate",
        5,
        15,
        "Central bank cuts its key interest rate by half a point",
        "The central bank cut its key interest rate by half a percentage point on Tuesday, citing slowing growth and easing inflation.",
    ),
    (
        "rate",
        1,
        16,
        "Central bank cuts key interest rate, citing slowing growth",
        "On Tuesday the central bank cut its key interest rate by half a percentage point, pointing to slowing growth and easing inflation.",
    ),
    (
        "tainan-a",
        2,
        17,
        "Tai nạn liên hoàn trên cao tốc Hà Nội - Hải Phòng, 3 người bị thương",
        "Sáng nay, năm ô tô đâm liên hoàn trên cao tốc Hà Nội - Hải Phòng khiến 3 người bị thương, giao thông ùn tắc nhiều km.",
    ),
    (
        "tainan-b",
        3,
        18,
        "Tai nạn liên hoàn trên cao tốc Pháp Vân - Cầu Giẽ, 2 người bị thương",
        "Sáng nay, bốn ô tô đâm liên hoàn trên cao tốc Pháp Vân - Cầu Giẽ khiến 2 người bị thương, giao thông ùn tắc nhiều km.",
    ),
];

const OUTLETS: usize = 6;

fn build(arrival: &Arrival) -> (tempfile::TempDir, Store, Vec<(ArticleId, &'static str)>) {
    let (dir, _path, mut store) = temp_store();
    let feeds: Vec<FeedId> = (0..OUTLETS)
        .map(|i| {
            let url = format!("http://127.0.0.1/bao{i}.xml");
            store
                .add_feed(&url, Some(&format!("Báo {i}")), None)
                .unwrap()
                .0
        })
        .collect();
    let start = at("2026-11-05T01:00:00Z");
    let mut placed = Vec::new();
    // One fetch per fixture, in time order, as refreshes would bring them.
    for (i, &(story, outlet, hours, title, lead)) in FIXTURES.iter().enumerate() {
        let item = ParsedItem {
            guid: Some(format!("f{i}")),
            title: title.to_owned(),
            published: Some(start + chrono::Duration::hours(hours)),
            summary: Some(format!("<p>{lead}</p>")),
            ..ParsedItem::default()
        };
        let prepared = PreparedFeed::with_arrival(feed_of(vec![item]), "", "", arrival);
        let now = start + chrono::Duration::hours(hours);
        let outcome = store
            .save_prepared(feeds[outlet], prepared, &no_validators(), now)
            .unwrap();
        placed.push((outcome.new_ids[0], story));
    }
    (dir, store, placed)
}

/// (true positives, false positives, false negatives) over all pairs of articles.
fn pairs(store: &Store, placed: &[(ArticleId, &str)]) -> (usize, usize, usize) {
    let story = |id: ArticleId| store.article(id).unwrap().row.story;
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (i, &(a, sa)) in placed.iter().enumerate() {
        for &(b, sb) in &placed[i + 1..] {
            let grouped = story(a).is_some() && story(a) == story(b);
            match (sa == sb, grouped) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    eprintln!("false grouping: {sa} / {sb}");
                }
                (true, false) => {
                    fn_ += 1;
                    eprintln!("missed: {sa}");
                }
                (false, false) => {}
            }
        }
    }
    (tp, fp, fn_)
}

#[test]
fn versions_of_one_story_are_grouped_and_different_events_never() {
    let arrival = Arrival {
        group_stories: true,
        ..Arrival::default()
    };
    let (_dir, store, placed) = build(&arrival);
    let (tp, fp, fn_) = pairs(&store, &placed);
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "story grouping: {tp} pairs right, {fp} false, {fn_} missed; precision {precision:.2}, recall {recall:.2}"
    );
    assert_eq!(fp, 0, "no false grouping of different events");
    assert!(recall >= 0.8, "recall {recall:.2}");
    // The story id is the same for every version, and null for an article alone.
    let alone = placed.iter().find(|(_, s)| *s == "vang6").unwrap().0;
    assert_eq!(store.article(alone).unwrap().row.story, None);
    let storm: Vec<Option<i64>> = placed
        .iter()
        .filter(|(_, s)| *s == "bao3")
        .map(|(id, _)| store.article(*id).unwrap().row.story)
        .collect();
    assert!(
        storm[0].is_some() && storm.iter().all(|s| *s == storm[0]),
        "{storm:?}"
    );
}

#[test]
fn without_group_stories_nothing_is_grouped() {
    let (_dir, store, _) = build(&Arrival::default());
    let rows = store.articles(&ArticleQuery::default()).unwrap();
    assert_eq!(rows.len(), FIXTURES.len());
    assert!(rows.iter().all(|r| r.story.is_none()));
}

#[test]
fn the_same_outlet_twice_and_versions_outside_the_window_stay_apart() {
    let arrival = Arrival {
        group_stories: true,
        ..Arrival::default()
    };
    let (_dir, path, mut store) = temp_store();
    let a = store
        .add_feed("http://127.0.0.1/a.xml", None, None)
        .unwrap()
        .0;
    let b = store
        .add_feed("http://127.0.0.1/b.xml", None, None)
        .unwrap()
        .0;
    let (_, _, title, lead) = (0, 0, FIXTURES[0].3, FIXTURES[0].4);
    let save = |store: &mut Store, feed, guid: &str, when: &str| {
        let item = ParsedItem {
            guid: Some(guid.into()),
            title: title.into(),
            published: Some(at(when)),
            summary: Some(lead.into()),
            ..ParsedItem::default()
        };
        let prepared = PreparedFeed::with_arrival(feed_of(vec![item]), "", "", &arrival);
        store
            .save_prepared(feed, prepared, &no_validators(), at(when))
            .unwrap()
            .new_ids[0]
    };
    let first = save(&mut store, a, "1", "2026-11-01T00:00:00Z");
    let same_feed = save(&mut store, a, "2", "2026-11-01T01:00:00Z");
    let late = save(&mut store, b, "3", "2026-11-03T00:00:00Z");
    for id in [first, same_feed, late] {
        assert_eq!(store.article(id).unwrap().row.story, None);
    }
    // A new process: the candidates' signatures come from their stored text.
    drop(store);
    let mut store = Store::open(&path).unwrap();
    let in_time = save(&mut store, b, "4", "2026-11-01T05:00:00Z");
    let story = store.article(in_time).unwrap().row.story;
    assert!(story.is_some());
    assert_eq!(store.article(first).unwrap().row.story, story);
}

/// The reader's versions of a story: every version in the cache, newest first.
#[test]
fn story_versions_lists_every_version_newest_first() {
    let arrival = Arrival {
        group_stories: true,
        ..Arrival::default()
    };
    let (_dir, store, placed) = build(&arrival);
    let storm: Vec<ArticleId> = placed
        .iter()
        .filter(|(_, s)| *s == "bao3")
        .map(|(id, _)| *id)
        .collect();
    let story = store.article(storm[0]).unwrap().row.story.unwrap();
    let versions = store.story_versions(story).unwrap();
    let mut ids: Vec<ArticleId> = versions.iter().map(|v| v.id).collect();
    assert!(versions.iter().all(|v| v.story == Some(story)));
    assert!(
        versions
            .windows(2)
            .all(|w| w[0].published >= w[1].published),
        "{versions:?}"
    );
    ids.sort();
    let mut want = storm.clone();
    want.sort();
    assert_eq!(ids, want);
    assert!(store.story_versions(-1).unwrap().is_empty());
}
