//! Pages that are not (only) articles, in fixtures of our own writing under
//! tests/fixtures/kinds: what a reader wants from each comes out, and a page with no main
//! content says so instead of showing its menu or footer.
use docbao::article::{ArticleError, body_text, extract, render};
use docbao::i18n::Lang;

fn page(name: &str) -> String {
    let path = format!("{}/tests/fixtures/kinds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text_of(name: &str, url: &str) -> String {
    let ex = extract(&page(name), Some(url)).unwrap_or_else(|e| panic!("{name}: {e}"));
    body_text(&ex.html)
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

#[test]
fn a_forum_thread_gives_every_post_under_its_author() {
    let text = text_of(
        "forum-thread.html",
        "https://xeviet.example.vn/threads/xe-dien-di-duong-ngap.77/",
    );
    has_all(
        &text,
        &[
            "minhtuan",
            "sợ nước vào pin và động cơ",
            "hoanganh",
            "đạt chuẩn chống nước IP67",
            "thuha",
            "thay bộ điều khiển hết gần hai triệu",
        ],
    );
    // Each author is named right before their post.
    let order: Vec<usize> = ["minhtuan", "Chào các bác", "hoanganh", "Xe của mình"]
        .iter()
        .map(|w| text.find(w).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    has_none(
        &text,
        &[
            "Hôm qua lúc",
            "Trả lời",
            "Chủ đề mới",
            "Pin lithium",
            "bqt@",
        ],
    );
}

#[test]
fn a_product_page_gives_the_description_not_the_variant_table() {
    let text = text_of(
        "product.html",
        "https://quaque.example.vn/san-pham/non-la-hue-theu-hoa-sen",
    );
    has_all(
        &text,
        &[
            "chằm bằng lá non phơi sương ở làng Tây Hồ",
            "lồng hình hoa sen và mấy câu thơ",
            "Nên cất nón nơi khô ráo",
        ],
    );
    has_none(
        &text,
        &[
            "NL-03",
            "quai lụa màu đỏ đô",
            "Thêm vào giỏ",
            "0905 123 456",
        ],
    );
}

#[test]
fn a_listing_gives_its_items_with_titles_and_links_not_its_menu() {
    let ex = extract(
        &page("listing.html"),
        Some("https://hanhtrinh.example.vn/du-lich/"),
    )
    .unwrap();
    let text = body_text(&ex.html);
    has_all(
        &text,
        &[
            "Hà Giang mùa tam giác mạch nở rộ",
            "Lặn biển ngắm san hô ở Cù Lao Chàm",
            "Một buổi sáng ở chợ phiên Bắc Hà",
            "Côn Đảo vào mùa rùa đẻ trứng",
            "Miền Tây mùa nước nổi có gì vui",
            "Những quán cà phê trên đồi ở Đà Lạt",
            "Đêm canh rùa trên bãi cát.",
        ],
    );
    has_none(&text, &["Trang chủ", "Ẩm thực", "Trang sau", "toasoan@"]);
    assert!(
        ex.html
            .contains("href=\"https://hanhtrinh.example.vn/du-lich/con-dao-mua-rua-de.html\""),
        "{}",
        ex.html
    );
}

#[test]
fn a_documentation_page_gives_its_text_and_code() {
    let text = text_of("docs.html", "https://sotay.example.vn/docs/cai-dat.html");
    has_all(
        &text,
        &[
            "Sổ Tay chạy trên Linux, macOS và Windows.",
            "sudo apt install sotay",
            "sotay --version",
            "kiểm tra biến môi trường PATH",
        ],
    );
    has_none(&text, &["Mục lục", "Hỏi đáp", "Bản quyền 2024"]);
}

#[test]
fn a_page_with_only_a_menu_and_a_footer_has_no_article() {
    let got = extract(
        &page("menu-only.html"),
        Some("https://baomau.example.vn/bai-viet/123"),
    );
    assert_eq!(got.map(|e| e.html), Err(ArticleError::NothingFound));
}

#[test]
fn a_streamed_react_chunk_is_read() {
    let text = text_of("streamed.html", "https://phomoi.example.vn/lan-xe-dap");
    has_all(
        &text,
        &[
            "năm tuyến phố trong khu phố cổ sẽ dành một làn riêng cho xe đạp",
            "Ban quản lý phố cổ sẽ lấy ý kiến người dân",
        ],
    );
    has_none(&text, &["Đang tải"]);
}

#[test]
fn content_in_noscript_is_read_and_the_javascript_notice_is_not() {
    let text = text_of("noscript.html", "https://dichvucong.example.vn/huong-dan");
    has_all(
        &text,
        &[
            "nộp hồ sơ cấp đổi giấy phép lái xe trên cổng dịch vụ công",
            "trong vòng năm ngày làm việc",
        ],
    );
    has_none(&text, &["Vui lòng bật JavaScript"]);
}

#[test]
fn body_text_written_in_headings_is_kept() {
    let text = text_of(
        "heading-text.html",
        "https://thuvien.example.vn/ngay-hoi-doc-sach",
    );
    has_all(
        &text,
        &[
            "Hơn hai nghìn học sinh đã tới thư viện tỉnh",
            "Ban tổ chức dựng mười gian sách theo chủ đề",
            "Nhiều em nhỏ ngồi đọc say sưa",
        ],
    );
}

#[test]
fn a_caption_in_a_layout_table_is_shown_once_as_the_pictures() {
    let path = format!(
        "{}/tests/fixtures/corpus/layout-table-caption.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(path).unwrap();
    let ex = extract(
        &html,
        Some("https://dongbang.example.vn/xa-hoi/mua-nuoc-noi.html"),
    )
    .unwrap();
    let shown = render(&ex.html, 0, Lang::Vi).plain();
    for caption in [
        "Ngư dân gỡ cá linh khỏi lưới trên cánh đồng ngập nước ở xã Vĩnh Hội Đông",
        "Bông điên điển vàng rực dọc bờ kênh",
    ] {
        assert_eq!(shown.matches(caption).count(), 1, "{caption}:\n{shown}");
        assert!(
            ex.html.contains(&format!("alt=\"{caption}\"")),
            "{}",
            ex.html
        );
    }
}

/// Pieces of the shapes the page kinds look for, to be shuffled into hostile pages.
const PIECES: &[&str] = &[
    "<div class=card><a href=/a><h3>Tiêu đề một thẻ tin khá dài</h3></a></div>",
    "<a class=card href='#x'>Một thẻ tin chỉ là một liên kết</a>",
    "<article class=message><div class=bbWrapper>Bài viết trong diễn đàn.</div>",
    "<h4 class=message-name><span class=username>ai đó</span></h4></article>",
    "<div itemtype='https://schema.org/Product'><div itemprop=description>Mô tả",
    "<table class=variations><tr><td><select><option>Cỡ lớn</select></td></tr></table>",
    "<noscript><p>Nội dung cho trình duyệt không chạy script, đủ dài để được đọc.</p>",
    "</noscript>",
    "<div hidden id='S:0'><p>Phần được gửi sau.</p></div>",
    "<h2>Câu một của tiêu đề dài. Câu hai của tiêu đề dài nữa.</h2>",
    "<p>&gt;&gt; <a href=/b>Tin khác</a></p>",
    "<p><a href=/c>Tin một</a></p><p><a href=/d>Tin hai</a></p><p><a href=/e>Tin ba</a></p>",
    "<table><tr><td><img src=a.jpg></td></tr><tr><td>Chú thích</td></tr></table>",
    "<p>Địa chỉ: 1 phố Mẫu. Email: a@b.vn</p><p>© Bản quyền</p>",
    "<meta property='og:type' content='product'>",
    "<meta name=generator content=Sphinx><div class=rst-content>",
    "<script type='application/ld+json'>{\"@type\":[\"Product\",\"QAPage\"]}</script>",
    "<p>Một đoạn văn bình thường của bài báo, có dấu phẩy, và đủ chữ để được tính.</p>",
    "<ul><li>",
    "</li>",
    "</div>",
    "<div>",
    "<section>",
    "</section>",
    "<footer>",
    "</footer>",
];

proptest::proptest! {
    #![proptest_config(crate::fuzz::config(48))]

    /// Any arrangement of the shapes the page kinds read ends in an article or a plain
    /// error, never a panic.
    #[test]
    fn prop_page_kind_shapes_never_panic(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let body: String = picks.iter().map(|&i| PIECES[i]).collect();
        let html = format!("<html><head><title>t</title></head><body>{body}</body></html>");
        let got = extract(&html, Some("https://vidu.example.vn/trang"));
        proptest::prop_assert!(!matches!(got, Err(ArticleError::Panicked)));
    }
}
