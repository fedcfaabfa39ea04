//! Properties of the metadata stage on pages made of the pieces it reads: author blocks,
//! signatures, date lines with day-part words, comments, decorated titles. Whatever the mix,
//! extraction answers without a panic, a byline is a short single line, a date is RFC 3339.
use docbao::article::extract;
use docbao::text::parse_vi_date;
use proptest::prelude::*;

const DATE_BITS: &[&str] = &[
    "05/03/2024",
    "3/24/2024",
    "11:05",
    "7:12:35",
    "tối",
    "sáng",
    "trưa",
    "chiều",
    "đêm",
    "SA",
    "CH",
    "AM",
    "PM",
    "(GMT+7)",
    "+07:00",
    "Ngày đăng:",
    "Published on",
    "03-08-2011",
    "-",
    ",",
    "tới",
    "99",
    ":",
    "/",
    "2024-03-05T23:05:00Z",
    "hôm qua",
    "trước",
];

const PIECES: &[&str] = &[
    "<p style='text-align:right'><strong>NHẬT XUÂN - NGHI VŨ</strong></p>",
    "<p>Theo VnExpress</p>",
    "<p><em>Tin, ảnh: Vũ Phương Thảo</em></p>",
    "<p>Minh Anh (Theo Reuters)</p>",
    "<div class=author>Trần Thu Hà</div>",
    "<span class=date>05/03/2024 11:05 tối (GMT+7)</span>",
    "<div class=comment><span class=author>tuanna1</span><span class=time>06/03/2024</span></div>",
    "<h1>Giá lúa tăng ba tuần liền ở miền Tây</h1>",
    "<p>Giá lúa ở các tỉnh miền Tây tăng ba tuần liền, nông dân phấn khởi vì bán được giá cao hơn năm ngoái.</p>",
    "<meta name=author content='VCCorp.vn'>",
    "<meta property='article:published_time' content='2024-03-05'>",
    "<title>Giá lúa tăng - Zing News | Xã hội</title>",
    "<script type='application/ld+json'>{\"author\":{\"@type\":\"Organization\",\"name\":\"Báo Mẫu\"}}</script>",
    "<table><tr><td>H.V.</td></tr></table>",
    "<div class=ticker>",
    "</div>",
    "<form>",
    "(",
    "Theo",
    "<p>",
];

proptest! {
    #![proptest_config(crate::fuzz::config(64))]

    #[test]
    fn prop_any_date_text_parses_or_not_without_panic(bits in prop::collection::vec(prop::sample::select(DATE_BITS), 0..12)) {
        let now = chrono::DateTime::parse_from_rfc3339("2024-06-01T12:00:00+07:00").unwrap();
        let _ = parse_vi_date(&bits.join(" "), now);
        let _ = parse_vi_date(&bits.concat(), now);
    }

    #[test]
    fn prop_metadata_from_any_mix_of_pieces_is_sound(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..24)) {
        let html = format!("<html lang=vi><body>{}</body></html>", pieces.concat());
        if let Ok(ex) = extract(&html, Some("https://baomau.vn/a.html")) {
            if let Some(b) = &ex.meta.byline {
                prop_assert!(!b.is_empty() && b.chars().count() <= 100 && !b.contains('\n'), "{b:?}");
                prop_assert!(b != "tuanna1" && b != "VCCorp.vn", "{b:?}");
            }
            if let Some(p) = &ex.meta.published {
                prop_assert!(chrono::DateTime::parse_from_rfc3339(p).is_ok(), "{p}");
            }
            prop_assert_eq!(ex.evidence.iter().filter(|e| e.kept && e.field == "byline").count(), usize::from(ex.meta.byline.is_some()));
        }
    }
}

/// A name or line from a page or a feed: words, the site's own name, escapes, blanks.
fn header_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(proptest::string::string_regex(
        "(Tuổi Trẻ|Online|VnExpress|Đức|a@b\\.vn| |\\x1b\\[31m|\\x07|\\t|\\n|\u{200b}|[a-zđ]{1,5}){0,6}",
    )
    .unwrap())
}

proptest! {
    #![proptest_config(crate::fuzz::config(256))]

    /// Whatever the page and the feed say, the header has a title first, then only
    /// non-empty clean parts: no control character, no line break, and the writers never
    /// just the site's or the feed's name.
    #[test]
    fn prop_the_header_says_only_clean_non_empty_parts(
        title in header_text(),
        list_title in header_text(),
        site in header_text(),
        feed in header_text(),
        byline in header_text(),
        author in header_text(),
        notice in header_text(),
        minutes in 0u32..30,
    ) {
        use docbao::article::header::{Header, HeaderSource};
        use docbao::article::ArticleMeta;
        use docbao::i18n::Lang;
        let meta = ArticleMeta { title, site_name: site, byline, ..ArticleMeta::default() };
        for lang in [Lang::Vi, Lang::En] {
            let src = HeaderSource {
                meta: Some(&meta),
                title: list_title.as_deref(),
                feed: feed.as_deref(),
                author: author.as_deref(),
                date: None,
                reading_minutes: minutes,
                notice: notice.as_deref(),
            };
            let h = Header::new(src, lang);
            let lines = h.lines();
            prop_assert_eq!(&lines[0], &h.title);
            for line in &lines {
                prop_assert!(!line.trim().is_empty(), "{:?}", lines);
                prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
            }
            if let Some(b) = &h.byline {
                for name in [&meta.site_name, &feed].into_iter().flatten() {
                    prop_assert!(b.to_lowercase() != docbao::text::clean_line(name).trim().to_lowercase());
                }
            }
            prop_assert_eq!(h.reading.is_some(), minutes > 0);
        }
    }
}

/// Lines of an article's end: the writer's text, copyright and contact lines, and the
/// same words inside longer sentences.
const TAIL_LINES: &[&str] = &[
    "Người dân hai bên bờ cho biết quãng đường đi làm đã ngắn đi gần nửa giờ.",
    "© 2026 Báo Mẫu. All rights reserved.",
    "Bản quyền thuộc về Báo Mẫu. Ghi rõ nguồn khi đăng lại.",
    "Tel: 024 3825 1234 | Fax: 024 3825 5678",
    "Đường dây nóng: 0912 345 678",
    "Ông gọi đường dây nóng 0912 345 678 nhưng không ai nghe máy suốt buổi sáng hôm đó.",
    "Copyright",
    "Theo kế hoạch, hai đầu cầu sẽ có thêm công viên.",
];

proptest! {
    #![proptest_config(crate::fuzz::config(256))]

    /// The footer rule takes off only the end, at most 6 lines, and only a run that
    /// gives an address or numbers (a contact line).
    #[test]
    fn prop_the_footer_goes_only_from_the_end(
        picks in proptest::collection::vec(0..TAIL_LINES.len(), 0..14)
    ) {
        use dom_query::Document;
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let lines: Vec<&str> = picks.iter().map(|&i| TAIL_LINES[i]).collect();
        let html: String = lines.iter().map(|l| format!("<p>{l}</p>")).collect();
        let doc = Document::from(format!("<html><body>{html}</body></html>"));
        docbao::article::tail::drop_footer(&doc);
        let kept: Vec<String> = doc.select("p").iter().map(|p| norm(&p.text())).collect();
        let want: Vec<String> = lines.iter().map(|l| norm(l)).collect();
        prop_assert!(kept.len() <= want.len());
        prop_assert_eq!(&kept[..], &want[..kept.len()]);
        let gone = &want[kept.len()..];
        prop_assert!(gone.len() <= 6, "{:?}", gone);
        if !gone.is_empty() {
            prop_assert!(
                gone.iter().any(|l| l.contains("Tel") || l.contains("Đường dây nóng")),
                "{:?}",
                gone
            );
        }
    }
}
