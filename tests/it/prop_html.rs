//! Properties of HTML extraction and rendering on generated and mutated pages: no panic,
//! the text NFC and clean, wrapped lines never wider than the width.
use crate::fuzz;
use crate::prop_text::{hostile_piece, is_clean};
use docbao::article::{extract, render};
use docbao::i18n::Lang;
use docbao::text::width;
use proptest::collection::vec;
use proptest::prelude::*;

fn markup() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => hostile_piece(),
        2 => prop::sample::select(vec![
            "<p>", "</p>", "<div class=\"content\">", "</div>", "<article>", "</article>",
            "<h1>", "</h1>", "<ul><li>", "</li></ul>", "<ol><li>", "<blockquote>",
            "</blockquote>", "<pre>", "</pre>", "<table><tr><td>", "</td></tr></table>",
            "<a href=\"/bai\u{1b}]0;x\u{7}\">", "</a>", "<img src=\"a.jpg\" alt=\"Ảnh\">",
            "<br>", "<script>var a='<p>';</script>", "<style>p{}</style>", "<!--", "-->",
            "<meta name=\"author\" content=\"Lê\u{1b}[2J Văn\">", "<title>Tiêu đề\u{feff}</title>",
            "<code>", "</code>", "<figure><figcaption>", "</figcaption></figure>",
            "<div hidden>", "<noscript>", "</noscript>", "&", "<",
        ])
        .prop_map(str::to_owned),
        1 => "[a-zA-Zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđ ]{20,80}".prop_map(|s| format!("<p>{s}</p>")),
    ]
}

fn page() -> impl Strategy<Value = String> {
    vec(markup(), 0..60).prop_map(|parts| format!("<html><body>{}</body></html>", parts.concat()))
}

fn check_render(html: &str, w: usize) -> Result<(), TestCaseError> {
    let r = render(html, w, Lang::Vi);
    let limit = w.max(docbao::article::render::MIN_WIDTH);
    for line in &r.lines {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        prop_assert!(width(&text) <= limit, "{text:?} wider than {limit}");
        prop_assert!(is_clean(&text, false), "{text:?}");
    }
    for link in &r.links {
        prop_assert!(is_clean(link, false), "{link:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(fuzz::config(16))]

    #[test]
    fn prop_pages_extract_and_render_clean_within_the_width(html in page(), w in 1usize..120) {
        if let Ok(extracted) = extract(&html, Some("https://x.vn/bai")) {
            check_render(&extracted.html, w)?;
            for t in [&extracted.meta.title, &extracted.meta.byline].into_iter().flatten() {
                prop_assert!(is_clean(t, false), "{t:?}");
            }
        }
        check_render(&html, w)?;
    }

    #[test]
    fn prop_mutated_pages_never_panic(
        html in page(),
        cuts in vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..4),
        w in 1usize..120,
    ) {
        let mut bytes = html.into_bytes();
        for (a, b) in cuts {
            let (i, j) = (a.index(bytes.len() + 1), b.index(bytes.len() + 1));
            bytes.drain(i.min(j)..i.max(j));
        }
        let html = String::from_utf8_lossy(&bytes);
        let _ = extract(&html, None);
        check_render(&html, w)?;
    }
}
