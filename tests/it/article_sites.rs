//! Extraction on fixture pages (our own writing) in the shapes of the big Vietnamese CMSs and
//! of the seed page: the body kept, the chrome gone, the metadata right.
use docbao::article::{Extracted, PageRating, body_text, extract};

fn page(name: &str) -> String {
    let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(name: &str, url: &str) -> (Extracted, String) {
    let ex = extract(&page(name), Some(url)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let text = body_text(&ex.html);
    (ex, text)
}

#[track_caller]
fn has_all(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "missing {w:?} in:\n{text}");
    }
}

#[track_caller]
fn has_none(text: &str, unwanted: &[&str]) {
    for u in unwanted {
        assert!(!text.contains(u), "unwanted {u:?} in:\n{text}");
    }
}

/// One fixture page: what its body must keep and drop, and its metadata.
struct Site<'a> {
    file: &'a str,
    url: &'a str,
    kept: &'a [&'a str],
    dropped: &'a [&'a str],
    byline: Option<&'a str>,
    published: &'a str,
}

/// Extracts `site`'s page and checks it; returns the extraction for further checks.
#[track_caller]
fn check(site: Site) -> Extracted {
    let (ex, text) = run(site.file, site.url);
    has_all(&text, site.kept);
    has_none(&text, site.dropped);
    if site.byline.is_some() {
        assert_eq!(ex.meta.byline.as_deref(), site.byline, "{}", site.file);
    }
    assert_eq!(
        ex.meta.published.as_deref(),
        Some(site.published),
        "{}",
        site.file
    );
    ex
}

#[test]
fn seed_page_keeps_the_article_and_drops_the_chrome() {
    let (ex, text) = run(
        "seed.html",
        "https://nongnghiepso.example.vn/hop-tac-xa-may-say.html",
    );
    has_all(
        &text,
        &[
            "Một hợp tác xã cà phê ở huyện Di Linh",
            "Theo ban điều hành",
            "Bà Nguyễn Thị Hạnh",
            "Tổng kinh phí đầu tư",
            "Hiện hợp tác xã đang thử nghiệm",
        ],
    );
    has_none(
        &text,
        &[
            "Lượt xem",
            "1,024",
            "lượt)",
            "Bài viết liên quan",
            "Giá cà phê hôm nay",
            "0913",
            "Chỉ đường",
            "Chat FB",
            "Chat Zalo",
            "Tin xem nhiều",
            "Trang chủ",
        ],
    );
    let title = "Hợp tác xã ở Lâm Đồng đưa máy sấy năng lượng mặt trời vào chế biến cà phê";
    assert!(
        !text.contains(title),
        "the title is repeated in the body:\n{text}"
    );
    // The caption appears once: as the picture's text, not again as paragraphs.
    assert!(!text.contains("Nhà sấy mái vòm của hợp tác xã"), "{text}");
    assert_eq!(
        ex.html.matches("Nhà sấy mái vòm của hợp tác xã").count(),
        1,
        "{}",
        ex.html
    );

    let m = &ex.meta;
    assert_eq!(m.title.as_deref(), Some(title));
    assert_eq!(m.published.as_deref(), Some("2020-08-22T00:00:00+07:00"));
    assert_eq!(m.views, Some(1705));
    assert_eq!(
        m.rating,
        Some(PageRating {
            value: 4.0,
            best: 5.0,
            count: Some(1024)
        })
    );
    assert_eq!(m.site_name.as_deref(), Some("Nông Nghiệp Số"));
    assert_eq!(m.lang.as_deref(), Some("vi"));
}

#[test]
fn vnexpress_body_inside_sidebar_with_date_and_signature() {
    let ex = check(Site {
        file: "vnexpress.html",
        url: "https://vnexpress.net/da-lat-xe-buyt-dien-4152233.html",
        kept: &[
            "Thành phố đưa mười xe buýt điện chạy thử",
            "Các xe mười sáu chỗ xuất phát từ chợ trung tâm",
            "Ông Trần Văn Lộc",
            "Nhiều tiểu thương ở chợ",
            "Sau giai đoạn thử nghiệm",
        ],
        dropped: &[
            "Lâm Đồng mở thêm tuyến xe khách đêm",
            "Ý kiến (12)",
            "Giá xăng giảm",
            "xe buýt điện\n",
        ],
        byline: Some("Minh Anh"),
        published: "2020-08-22T10:30:00+07:00",
    });
    assert_eq!(
        ex.meta.title.as_deref(),
        Some("Đà Lạt thử nghiệm xe buýt điện nối chợ với các khu du lịch")
    );
}

#[test]
fn vccorp_cms_drops_related_boxes_and_stock_widgets() {
    check(Site {
        file: "tuoitre.html",
        url: "https://tuoitre.vn/sinh-vien-can-tho-ong-hut-co-bang-2020082210.htm",
        kept: &[
            "Nhóm bạn trẻ thu mua cỏ bàng",
            "Ý tưởng bắt đầu từ chuyến thực tập",
            "Sau nhiều lần thử",
            "Trưởng nhóm Lê Hoàng Phúc",
        ],
        dropped: &[
            "Những chiếc giỏ cỏ bàng đi châu Âu",
            "VNM",
            "72.000",
            "Từ khóa",
            "Ống hút gạo",
        ],
        byline: Some("NGỌC TRÂN"),
        published: "2020-08-22T10:30:00+07:00",
    });
}

#[test]
fn dantri_drops_related_article_blocks_and_topics() {
    check(Site {
        file: "dantri.html",
        url: "https://dantri.com.vn/van-hoa/lang-gom-bat-trang-20200822103000.htm",
        kept: &[
            "Nhiều xưởng gốm trong làng",
            "Mỗi lớp kéo dài khoảng hai tiếng",
            "Chị Nguyễn Thu Trang",
            "Theo ban quản lý làng nghề",
        ],
        dropped: &["Những làng nghề ven đô", "Từ khóa", "Giá vàng hôm nay"],
        byline: Some("Thu Hà"),
        published: "2020-08-22T10:30:00+07:00",
    });
}

#[test]
fn vietnamnet_drops_small_articles_nested_in_the_body() {
    check(Site {
        file: "vietnamnet.html",
        url: "https://vietnamnet.vn/kinh-doanh/tom-cang-xanh-ben-tre-668001.html",
        kept: &[
            "Sau hai vụ lúa mất trắng",
            "Ông Võ Văn Tâm",
            "Theo phòng nông nghiệp huyện",
            "Khó khăn lớn nhất là con giống",
        ],
        dropped: &[
            "Mô hình lúa - tôm giúp",
            "Giá tôm càng xanh tăng",
            "Từ khóa",
        ],
        byline: Some("Phạm Hòa"),
        published: "2020-08-22T10:30:00+07:00",
    });
}

#[test]
fn znews_drops_inner_articles_and_tags() {
    check(Site {
        file: "znews.html",
        url: "https://znews.vn/thu-vien-sach-noi-hue-post1123456.html",
        kept: &[
            "Hơn ba trăm cuốn sách",
            "Thư viện do một nhóm sinh viên",
            "Người nghe chỉ cần gọi",
            "Nhóm mong có thêm người đọc",
        ],
        dropped: &["Những người đọc sách cho người mù", "Từ khóa", "Bài khác"],
        byline: Some("Hoài Nam"),
        published: "2020-08-22T10:30:00+07:00",
    });
}

#[test]
fn bbc_vietnamese_drops_related_and_top_stories() {
    let ex = check(Site {
        file: "bbc.html",
        url: "https://www.bbc.com/vietnamese/articles/c0ong2020",
        kept: &[
            "Anh Lò Văn Khánh",
            "Theo các kỹ sư nông nghiệp",
            "Dù vậy, người nuôi ong",
        ],
        dropped: &[
            "Mật ong rừng U Minh",
            "Tin chính",
            "Tin khác hôm nay",
            "© 2020 BBC",
        ],
        byline: None,
        published: "2020-08-22T03:30:00+00:00",
    });
    assert_eq!(ex.meta.site_name.as_deref(), Some("BBC News Tiếng Việt"));
}

#[test]
fn voa_vietnamese_drops_media_blocks() {
    check(Site {
        file: "voa.html",
        url: "https://www.voatiengviet.com/a/quy-hoc-bong-houston/5555555.html",
        kept: &[
            "Năm nay quỹ trao bốn mươi suất học bổng",
            "Người sáng lập quỹ",
            "Ngoài tiền học bổng",
        ],
        dropped: &["Sinh viên gốc Việt giành học bổng", "Chia sẻ"],
        byline: Some("Thanh Tâm"),
        published: "2020-08-22T10:30:00+07:00",
    });
}

#[test]
fn rules_apply_to_a_local_file_without_an_address() {
    let ex = extract(&page("vnexpress.html"), None).unwrap();
    assert_eq!(ex.meta.byline.as_deref(), Some("Minh Anh"));
    assert!(body_text(&ex.html).contains("Các xe mười sáu chỗ"));
}
