//! The reader's reading aids (issue 10, part B), through `update` and `TestBackend`:
//! reading time, story groups and their versions, link hints and followed pages with their
//! history, the copy key, the save prompt. Snapshots at 80x24 and 40x20.
use crate::tui_fixture;
use crate::tui_snapshots::settle;

use crossterm::event::{KeyCode, KeyModifiers};
use docbao::app::save::SaveResult;
use docbao::app::state::{Pane, State};
use docbao::app::{Effect, Msg, update};
use docbao::feed::ArticleId;
use docbao::i18n::Lang;
use docbao::store::{ArticleRow, StoredExtract};
use tui_fixture::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 20)];

fn snap(name: &str, (w, h): (u16, u16), state: &State) {
    let (screen, _) = draw(state);
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
}

/// The fixture's list with articles 10, 12 and 14 telling one story (14 from a third
/// paper), and 11 alone.
fn story_rows() -> Vec<ArticleRow> {
    let f = feeds();
    let mut rows = articles(&f);
    rows[0].story = Some(10);
    rows[2].story = Some(10);
    let mut third = article(
        14,
        &f[2],
        "Thủ tướng giục hoàn thiện hồ sơ đường sắt cao tốc",
        30,
        false,
        0,
        false,
    );
    third.story = Some(10);
    third.reading_minutes = 7;
    rows.insert(1, third);
    rows
}

/// The article list (focus on it) loaded with [`story_rows`].
fn story_state(lang: Lang, w: u16, h: u16) -> State {
    let mut s = loaded_state(lang, w, h);
    let fx = code(&mut s, KeyCode::Enter);
    let req = articles_req(&fx).unwrap_or(s.articles.req);
    update(
        &mut s,
        Msg::ArticlesLoaded {
            req,
            rows: story_rows(),
        },
    );
    s
}

/// The first article open, its full text (with one link) rendered.
fn reading(w: u16, h: u16) -> State {
    let mut s = loaded_state(Lang::Vi, w, h);
    code(&mut s, KeyCode::Enter);
    let fx = code(&mut s, KeyCode::Enter);
    settle(&mut s, fx, Some(&body_html()));
    s
}

/// The reader with a body of `links` numbered links.
fn with_links(links: usize) -> State {
    let mut s = reading(80, 24);
    let r = s.reader.as_mut().unwrap();
    r.body = Some(linked_body(r.render_width, 30, links));
    s
}

fn fetch_page(fx: &[Effect]) -> Option<(u64, String)> {
    fx.iter().find_map(|e| match e {
        Effect::FetchPage { req, url } => Some((*req, url.clone())),
        _ => None,
    })
}

fn page(title: &str) -> Box<(StoredExtract, u32)> {
    Box::new((
        StoredExtract {
            html: "<p>Trang được liên kết: mưa lớn ở miền Trung, nước sông lên nhanh.</p>\
                   <p>Xem <a href=\"http://127.0.0.1/sau.html\">trang sau</a>.</p>"
                .into(),
            meta: docbao::article::ArticleMeta {
                title: Some(title.into()),
                site_name: Some("Báo Mẫu".into()),
                ..Default::default()
            },
            fetched_at: now(),
        },
        3,
    ))
}

#[test]
fn a_story_shows_once_with_its_other_papers() {
    for size in SIZES {
        let s = story_state(Lang::Vi, size.0, size.1);
        // 10 and 12 and 14 are one row; 11 and 13 stay.
        let ids: Vec<i64> = s.articles.rows.iter().map(|r| r.id.0).collect();
        assert_eq!(ids, vec![10, 11, 13]);
        let (screen, _) = draw(&s);
        assert!(screen.contains("+2 báo khác"), "{screen}");
        snap("story_list_vi", size, &s);
    }
    let s = story_state(Lang::En, 80, 24);
    assert!(draw(&s).0.contains("+2 more papers"));
}

#[test]
fn the_reading_time_has_a_column_in_wide_lists() {
    let s = story_state(Lang::Vi, 80, 24);
    let (screen, _) = draw(&s);
    let row = screen.lines().find(|l| l.contains("Markets")).unwrap();
    assert!(row.contains(" 2ph "), "{row}");
    let s = story_state(Lang::En, 80, 24);
    let (screen, _) = draw(&s);
    assert!(screen.contains(" 2m "), "{screen}");
}

#[test]
fn the_reader_header_says_the_reading_time() {
    for size in SIZES {
        let mut s = reading(size.0, size.1);
        s.reader.as_mut().unwrap().row.reading_minutes = 12;
        let (screen, _) = draw(&s);
        assert!(screen.contains("12 phút đọc"), "{screen}");
        snap("reader_reading_time_vi", size, &s);
    }
}

#[test]
fn v_cycles_the_versions_of_a_story() {
    let mut s = story_state(Lang::Vi, 80, 24);
    let fx = code(&mut s, KeyCode::Enter);
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(10));
    settle(&mut s, fx, Some(&body_html()));
    assert_eq!(s.reader.as_ref().unwrap().versions.len(), 3);
    assert!(draw(&s).0.contains("bản 1/3"));
    let fx = ch(&mut s, 'v');
    let r = s.reader.as_ref().unwrap();
    assert_eq!(r.row.id, ArticleId(14));
    assert_eq!(r.version, 1);
    assert!(fx.contains(&Effect::LoadDetail {
        req: r.detail_req,
        id: ArticleId(14)
    }));
    assert!(s.status.message.as_deref().unwrap().contains("An ninh"));
    ch(&mut s, 'v');
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(12));
    ch(&mut s, 'v');
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(10));
    // An article alone: v says so and stays.
    code(&mut s, KeyCode::Esc);
    ch(&mut s, 'j');
    code(&mut s, KeyCode::Enter);
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(11));
    let fx = ch(&mut s, 'v');
    assert!(fx.is_empty());
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(11));
}

#[test]
fn reading_one_version_marks_the_story_read_when_asked() {
    for on in [true, false] {
        let mut s = story_state(Lang::Vi, 80, 24);
        s.mark_story_read = on;
        let fx = code(&mut s, KeyCode::Enter);
        assert!(fx.contains(&Effect::SetRead {
            id: ArticleId(10),
            read: true
        }));
        let more = confirm_marks(&mut s, &fx);
        let asked: Vec<&Effect> = more
            .iter()
            .filter(|e| matches!(e, Effect::SetRead { .. }))
            .collect();
        if on {
            // The other versions, in the list's order.
            assert_eq!(
                asked,
                vec![
                    &Effect::SetRead {
                        id: ArticleId(14),
                        read: true
                    },
                    &Effect::SetRead {
                        id: ArticleId(12),
                        read: true
                    }
                ]
            );
            // Its confirmation asks for nothing more.
            let again = confirm_marks(&mut s, &more);
            assert!(!again.iter().any(|e| matches!(e, Effect::SetRead { .. })));
            assert!(s.articles.rows[0].read);
        } else {
            assert!(asked.is_empty());
            // The story's row now shows its unread version.
            assert_eq!(s.articles.rows[0].id, ArticleId(14));
            assert!(!s.articles.rows[0].read);
        }
    }
}

#[test]
fn hint_mode_snapshots() {
    for size in SIZES {
        let mut s = reading(size.0, size.1);
        let r = s.reader.as_mut().unwrap();
        r.body = Some(linked_body(r.render_width, 40, 3));
        r.scroll = 5;
        ch(&mut s, 'L');
        assert!(s.reader.as_ref().unwrap().hints.is_some());
        snap("hints_vi", size, &s);
    }
}

#[test]
fn hints_highlight_the_references_that_still_match() {
    let mut s = with_links(12);
    ch(&mut s, 'L');
    ch(&mut s, '1');
    let b = buffer(&s);
    // "[1]" and "[10]"-"[12]" match "1", "[2]" does not.
    let text: Vec<String> = (0..b.area.height)
        .map(|y| (0..b.area.width).map(|x| b[(x, y)].symbol()).collect())
        .collect();
    let (y2, line2) = text
        .iter()
        .enumerate()
        .find(|(_, l)| l.contains("[2]"))
        .unwrap();
    let x2 = line2.find("[2]").unwrap();
    let x2 = line2[..x2].chars().count() as u16;
    let plain = b[(x2, y2 as u16)].style();
    let (y1, line1) = text
        .iter()
        .enumerate()
        .find(|(_, l)| l.contains("[1]"))
        .unwrap();
    let x1 = line1[..line1.find("[1]").unwrap()].chars().count() as u16;
    assert_ne!(b[(x1, y1 as u16)].style(), plain);
    // Out of hint mode, [1] looks like [2].
    code(&mut s, KeyCode::Esc);
    assert_eq!(buffer(&s)[(x1, y1 as u16)].style(), plain);
}

#[test]
fn a_hinted_link_is_read_in_docbao_and_esc_goes_back() {
    let mut s = with_links(3);
    let before = s.reader.as_ref().unwrap().body.clone();
    assert!(ch(&mut s, 'L').is_empty());
    // 3 links: "2" cannot grow into another label, so it is chosen at once.
    let fx = ch(&mut s, '2');
    let (req, url) = fetch_page(&fx).expect("the page is fetched");
    assert_eq!(url, "http://127.0.0.1/trang/2.html");
    let r = s.reader.as_ref().unwrap();
    assert!(r.hints.is_none() && r.fetching());
    assert_eq!(r.page.as_deref(), Some(url.as_str()));
    assert!(draw(&s).0.contains("Đang tải trang"));
    // A page is not an article: no rating, no read mark.
    assert!(ch(&mut s, '4').is_empty());
    let fx = update(
        &mut s,
        Msg::PageLoaded {
            req,
            result: Ok(page("Mưa lớn ở miền Trung")),
        },
    );
    settle(&mut s, fx, None);
    let (screen, _) = draw(&s);
    assert!(screen.contains("Mưa lớn ở miền Trung"), "{screen}");
    assert!(screen.contains("3 phút đọc"), "{screen}");
    assert!(screen.contains("trang liên kết 1"), "{screen}");
    assert!(!screen.contains("Bạn chấm"), "{screen}");
    // The page's own link, followed again, then Esc twice: the article, as it was.
    ch(&mut s, 'L');
    let fx = ch(&mut s, '1');
    let (req2, url2) = fetch_page(&fx).unwrap();
    assert_eq!(url2, "http://127.0.0.1/sau.html");
    assert_eq!(s.reader.as_ref().unwrap().history.len(), 2);
    // Esc while it loads cancels the fetch and goes back one page.
    let fx = code(&mut s, KeyCode::Esc);
    assert!(fx.contains(&Effect::CancelFetch));
    let stale = update(
        &mut s,
        Msg::PageLoaded {
            req: req2,
            result: Ok(page("Trễ")),
        },
    );
    assert!(stale.is_empty());
    assert!(s.reader.as_ref().unwrap().row.title.contains("Mưa lớn"));
    code(&mut s, KeyCode::Esc);
    let r = s.reader.as_ref().unwrap();
    assert_eq!(r.row.id, ArticleId(10));
    assert!(r.page.is_none() && r.history.is_empty());
    assert_eq!(r.body, before);
    assert_eq!(s.focus, Pane::Reader);
    // And the rating keys act on the article again.
    assert!(!ch(&mut s, '4').is_empty());
    code(&mut s, KeyCode::Esc);
    assert!(s.reader.is_none());
}

#[test]
fn two_digit_labels_wait_for_enter_or_the_second_digit() {
    let mut s = with_links(12);
    ch(&mut s, 'L');
    assert!(ch(&mut s, '1').is_empty());
    let (_, url) = fetch_page(&ch(&mut s, '2')).unwrap();
    assert!(url.ends_with("/12.html"));
    let mut s = with_links(12);
    ch(&mut s, 'L');
    ch(&mut s, '1');
    let (_, url) = fetch_page(&code(&mut s, KeyCode::Enter)).unwrap();
    assert!(url.ends_with("/1.html"));
    // Backspace takes a digit back; 0 cannot start a label; Esc leaves and stays.
    let mut s = with_links(12);
    ch(&mut s, 'L');
    ch(&mut s, '0');
    ch(&mut s, '1');
    assert_eq!(
        s.reader.as_ref().unwrap().hints.as_ref().unwrap().typed,
        "1"
    );
    code(&mut s, KeyCode::Backspace);
    assert_eq!(s.reader.as_ref().unwrap().hints.as_ref().unwrap().typed, "");
    assert!(code(&mut s, KeyCode::Esc).is_empty());
    assert!(s.reader.as_ref().unwrap().hints.is_none());
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn in_hint_mode_o_opens_the_browser_and_y_copies() {
    let mut s = with_links(3);
    ch(&mut s, 'L');
    ch(&mut s, 'o');
    assert_eq!(
        ch(&mut s, '3'),
        vec![Effect::OpenBrowser {
            url: "http://127.0.0.1/trang/3.html".into()
        }]
    );
    ch(&mut s, 'L');
    ch(&mut s, 'y');
    assert_eq!(
        ch(&mut s, '1'),
        vec![Effect::Copy {
            text: "http://127.0.0.1/trang/1.html".into()
        }]
    );
    // Q still quits from hint mode.
    ch(&mut s, 'L');
    let fx = press(&mut s, KeyCode::Char('Q'), KeyModifiers::SHIFT);
    assert!(s.quit && fx.contains(&Effect::Quit));
}

#[test]
fn y_copies_the_address_shown_unless_osc52_is_off() {
    let mut s = reading(80, 24);
    assert_eq!(
        ch(&mut s, 'y'),
        vec![Effect::Copy {
            text: "http://127.0.0.1/bai/10.html".into()
        }]
    );
    assert!(s.status.message.as_deref().unwrap().starts_with("Đã chép"));
    s.osc52 = false;
    assert!(ch(&mut s, 'y').is_empty());
    assert!(s.status.message.as_deref().unwrap().contains("osc52"));
    // From the list: the selected article's.
    let mut s = loaded_state(Lang::En, 80, 24);
    code(&mut s, KeyCode::Enter);
    ch(&mut s, 'j');
    assert_eq!(
        ch(&mut s, 'y'),
        vec![Effect::Copy {
            text: "http://127.0.0.1/bai/11.html".into()
        }]
    );
}

#[test]
fn links_that_are_not_web_pages_and_pages_that_fail() {
    let mut s = with_links(2);
    let r = s.reader.as_mut().unwrap();
    let mut b = r.body.clone().unwrap();
    b.links = std::sync::Arc::new(vec![
        "mailto:toasoan@example.vn".into(),
        "http://127.0.0.1/x".into(),
    ]);
    r.body = Some(b);
    ch(&mut s, 'L');
    assert!(ch(&mut s, '1').is_empty());
    assert!(s.status.error.is_some());
    assert!(s.reader.as_ref().unwrap().page.is_none());
    // A page that cannot be read: said, and the reader stays on the article.
    ch(&mut s, 'L');
    let (req, _) = fetch_page(&ch(&mut s, '2')).unwrap();
    update(
        &mut s,
        Msg::PageLoaded {
            req,
            result: Err("HTTP 404".into()),
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert!(r.page.is_none() && r.history.is_empty() && r.body.is_some());
    assert_eq!(r.row.id, ArticleId(10));
    // Offline by choice: nothing is fetched.
    let mut s = with_links(2);
    s.connectivity = docbao::app::state::Connectivity::Forced;
    ch(&mut s, 'L');
    assert!(ch(&mut s, '2').is_empty());
    // No links: L says so.
    let mut s = with_links(0);
    ch(&mut s, 'L');
    assert!(s.reader.as_ref().unwrap().hints.is_none());
    assert!(s.status.message.is_some());
}

#[test]
fn save_prompt_snapshots() {
    for size in SIZES {
        let mut s = reading(size.0, size.1);
        s.save_dir = "/tmp/tai-ve".into();
        ch(&mut s, 'w');
        snap("save_prompt_vi", size, &s);
    }
}

#[test]
fn save_proposes_a_path_and_never_overwrites_silently() {
    let mut s = reading(80, 24);
    s.save_dir = "/tmp/tai-ve".into();
    ch(&mut s, 'w');
    let input = s
        .reader
        .as_ref()
        .unwrap()
        .save
        .as_ref()
        .unwrap()
        .input
        .clone();
    assert!(
        input.starts_with("/tmp/tai-ve/thu-tuong-chinh-phu-yeu-cau"),
        "{input}"
    );
    assert!(input.ends_with(".md"));
    // Typing goes to the prompt, not to the keymap (q does not close, 4 does not rate).
    for _ in 0..2 {
        code(&mut s, KeyCode::Backspace);
    }
    for c in "txt4q".chars() {
        assert!(ch(&mut s, c).is_empty());
    }
    let path = s
        .reader
        .as_ref()
        .unwrap()
        .save
        .as_ref()
        .unwrap()
        .input
        .clone();
    assert!(path.ends_with(".txt4q"), "{path}");
    let fx = code(&mut s, KeyCode::Enter);
    let job = match &fx[..] {
        [Effect::SaveArticle(job)] => job.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(job.path, path);
    assert!(!job.overwrite);
    assert!(job.html.contains("Đoạn 1."));
    assert_eq!(job.source.as_deref(), Some("Tuổi Trẻ"));
    update(&mut s, Msg::SaveDone(SaveResult::Exists(path.clone())));
    assert!(s.status.message.as_deref().unwrap().contains("đã có"));
    // The same name again: the user's yes.
    let fx = code(&mut s, KeyCode::Enter);
    assert!(matches!(&fx[..], [Effect::SaveArticle(j)] if j.overwrite));
    update(&mut s, Msg::SaveDone(SaveResult::Saved(path.clone())));
    assert!(s.reader.as_ref().unwrap().save.is_none());
    assert!(s.status.message.as_deref().unwrap().starts_with("Đã lưu"));
    // Esc closes the prompt and stays in the reader.
    ch(&mut s, 'w');
    code(&mut s, KeyCode::Esc);
    assert!(s.reader.as_ref().unwrap().save.is_none());
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn the_selection_follows_its_story_when_the_list_reloads() {
    let f = feeds();
    let mut s = story_state(Lang::Vi, 80, 24);
    let story = |id: i64, read: bool| ArticleRow {
        story: Some(10),
        ..article(id, &f[0], "Một sự kiện", id, read, 0, false)
    };
    let alone = |id: i64| article(id, &f[1], "Tin khác", id, false, 0, false);
    let req = s.articles.req;
    update(
        &mut s,
        Msg::ArticlesLoaded {
            req,
            rows: vec![alone(11), story(10, false), story(14, false), alone(13)],
        },
    );
    ch(&mut s, 'j');
    assert_eq!(s.articles.rows[s.articles.sel].id, ArticleId(10));
    // Reloaded (as after a refresh): 10 was read elsewhere, so 14 shows the story now,
    // lower down.
    let req = s.articles.req;
    update(
        &mut s,
        Msg::ArticlesLoaded {
            req,
            rows: vec![alone(13), alone(11), story(14, false), story(10, true)],
        },
    );
    let shown = &s.articles.rows[s.articles.sel];
    assert_eq!(shown.id, ArticleId(14), "{:?}", s.articles.rows);
}

#[test]
fn a_followed_page_has_no_summary_to_switch_to() {
    let mut s = with_links(2);
    ch(&mut s, 'L');
    let (req, _) = fetch_page(&ch(&mut s, '2')).unwrap();
    update(
        &mut s,
        Msg::PageLoaded {
            req,
            result: Ok(page("Trang")),
        },
    );
    assert!(ch(&mut s, 't').is_empty());
    assert_eq!(s.reader.as_ref().unwrap().mode, docbao::app::BodyMode::Full);
}

#[test]
fn a_feed_list_gets_the_other_papers_versions_from_the_cache() {
    let f = feeds();
    let mut s = loaded_state(Lang::Vi, 80, 24);
    s.mark_story_read = true;
    code(&mut s, KeyCode::Enter);
    let mut row = s.articles.rows[0].clone();
    row.story = Some(10);
    s.articles.rows[0] = row.clone();
    // One version in this list: the reader asks the cache for the story.
    let fx = code(&mut s, KeyCode::Enter);
    assert!(fx.contains(&Effect::LoadStory { story: 10 }));
    assert!(s.reader.as_ref().unwrap().versions.is_empty());
    let other = ArticleRow {
        story: Some(10),
        ..article(20, &f[2], "Bản của báo khác", 3, false, 0, false)
    };
    update(
        &mut s,
        Msg::StoryLoaded {
            story: 10,
            rows: vec![other.clone(), row.clone()],
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert_eq!((r.versions.len(), r.version), (2, 1));
    assert!(draw(&s).0.contains("bản 2/2"));
    // Read here: the other paper's version is marked read too.
    let more = confirm_marks(&mut s, &fx);
    assert!(more.contains(&Effect::SetRead {
        id: ArticleId(20),
        read: true
    }));
    // v goes to it.
    ch(&mut s, 'v');
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(20));
    // A late answer for another story changes nothing.
    update(
        &mut s,
        Msg::StoryLoaded {
            story: 99,
            rows: vec![],
        },
    );
    assert_eq!(s.reader.as_ref().unwrap().versions.len(), 2);
}
