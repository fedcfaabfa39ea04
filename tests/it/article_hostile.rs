//! Hostile pages, generated here: 5 MB of HTML, 100,000 nested elements, a 1,000 x 1,000
//! table, invalid UTF-8, huge inline scripts and styles. Extraction and rendering must return
//! (no panic, no hang) with bounded output. Their speed is measured in benches/article.rs.
use docbao::article::guard::MAX_HTML;
use docbao::article::{ArticleError, body_text, extract, render};
use docbao::i18n::Lang;

/// Extracts and renders; the results stay within the caps.
fn survive(html: &str) -> String {
    let ex = extract(html, Some("https://example.vn/bai-viet.html"));
    let html = match ex {
        Ok(ex) => {
            assert!(
                ex.html.len() <= 2 * MAX_HTML,
                "extract grew to {} bytes",
                ex.html.len()
            );
            ex.html
        }
        Err(_) => html.chars().take(10_000).collect(),
    };
    let r = render(&html, 80, Lang::Vi);
    let plain = r.plain();
    assert!(
        plain.len() <= 8 * MAX_HTML,
        "render grew to {} bytes",
        plain.len()
    );
    let _ = body_text(&html);
    plain
}

fn paragraph(i: usize) -> String {
    format!(
        "<p>Đoạn văn số {i} nói về thời tiết miền Bắc, mưa rào rải rác và gió đông bắc cấp ba.</p>\n"
    )
}

#[test]
fn five_megabytes_of_html() {
    let mut html = String::from("<html><body><article>");
    let mut i = 0;
    while html.len() < 5 * 1024 * 1024 {
        html.push_str(&paragraph(i));
        i += 1;
    }
    html.push_str("</article></body></html>");
    let out = survive(&html);
    assert!(
        out.contains("Đoạn văn số 0 "),
        "the start of the article is kept"
    );
}

#[test]
fn a_hundred_thousand_nested_elements() {
    let n = 100_000;
    let html = format!(
        "<html><body>{}<p>Lõi sâu nhất của trang.</p>{}{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n),
        paragraph(1).repeat(5)
    );
    assert!(
        survive(&html).contains("Đoạn văn số 1 "),
        "the text after the nesting stays"
    );
    let inline = format!("<p>{}chữ{}</p>", "<span>".repeat(n), "</span>".repeat(n));
    assert!(render(&inline, 40, Lang::Vi).plain().contains("chữ"));
}

#[test]
fn a_thousand_by_thousand_table() {
    let row = format!("<tr>{}</tr>", "<td>ô</td>".repeat(1000));
    let html = format!(
        "<html><body><table>{}</table>{}</body></html>",
        row.repeat(1000),
        paragraph(2).repeat(5)
    );
    // 11 MB: cut at the size cap inside the table, whose cells are what is left (more than
    // the 10,000 characters `survive` falls back to when extraction fails).
    let cells = survive(&html).matches('ô').count();
    assert!(cells >= 10_000, "{cells} cells kept");
}

#[test]
fn invalid_utf8_bytes() {
    let bad: &[u8] = &[
        0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x00, 0x1b, b'[', b'2', b'J',
    ];
    let mut bytes = b"<html><head><meta charset=\"utf-8\"></head><body><article>".to_vec();
    for i in 0..50 {
        bytes.extend_from_slice(paragraph(i).as_bytes());
        bytes.extend_from_slice(bad);
    }
    bytes.extend_from_slice(b"</article></body></html>");
    // Through the charset pipeline (which may judge such bytes not to be UTF-8 at all) and
    // decoded leniently: either way no panic and no control character comes out.
    let piped = docbao::text::decode_bytes(&bytes, Some("text/html; charset=utf-8"), None);
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    for html in [piped, lossy.clone()] {
        let out = survive(&html);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\0'),
            "control characters leaked"
        );
    }
    assert!(survive(&lossy).contains("Đoạn văn số 49"));
}

#[test]
fn huge_inline_scripts_and_styles() {
    let script = format!(
        "<script>var a = '{}';</script>",
        "<p>không phải bài</p>".repeat(200_000)
    );
    let style = format!("<style>{}</style>", "p { color: red } ".repeat(200_000));
    let html = format!(
        "<html><head>{style}{script}</head><body><article>{}</article>{script}</body></html>",
        paragraph(3).repeat(10)
    );
    let out = survive(&html);
    assert!(
        !out.contains("không phải bài") && !out.contains("color: red"),
        "{}",
        &out[..out.len().min(500)]
    );
    assert!(out.contains("Đoạn văn số 3"));
}

#[test]
fn garbage_and_empty_input_are_errors_not_panics() {
    for input in [
        "",
        "<",
        "</",
        "<!--",
        "<a",
        "\u{0}\u{0}",
        "<table><tr><td><table>",
        "<<<<>>>>",
    ] {
        assert_ne!(
            extract(input, None).err(),
            Some(ArticleError::Panicked),
            "{input:?}"
        );
        assert_ne!(
            extract(input, Some("not a url")).err(),
            Some(ArticleError::Panicked),
            "{input:?}"
        );
        let _ = render(input, 20, Lang::En);
        let _ = body_text(input);
    }
}
