//! Extract plus render in process: a typical news page (about 150 KB: menus, sidebars, a
//! large inline script, twenty paragraphs) and the hostile pages of tests/article_hostile.rs.
//! Targets: typical median <= 5 ms; each hostile page < 2 s.
//!
//!     cargo bench --bench article
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark that cannot set up stops, with the line that failed"
)]
use docbao::article::{extract, render};
use docbao::i18n::Lang;
use std::hint::black_box;

mod harness;

fn typical_page() -> String {
    let mut h = String::from(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tỉnh mở rộng vùng trồng \
         cà phê đặc sản - Báo Mẫu</title><meta property=\"og:site_name\" content=\"Báo Mẫu\">\
         <meta property=\"article:published_time\" content=\"2020-08-22T10:30:00+07:00\">",
    );
    h.push_str(&format!(
        "<script>var cfg = {{{}}};</script>",
        "\"k\":\"giá trị cấu hình\",".repeat(2500)
    ));
    h.push_str("<style>");
    h.push_str(&".menu a { color: #333; padding: 4px } ".repeat(300));
    h.push_str("</style></head><body><header><nav class=\"menu\">");
    for i in 0..80 {
        h.push_str(&format!("<a href=\"/chuyen-muc-{i}\">Chuyên mục {i}</a> "));
    }
    h.push_str("</nav></header><div class=\"container\"><div class=\"main\"><article>");
    h.push_str("<h1>Tỉnh mở rộng vùng trồng cà phê đặc sản</h1><div class=\"meta\"><span class=\"date\">\
                Thứ bảy, 22/8/2020, 10:30 (GMT+7)</span> <span>Lượt xem: 1,705</span></div><div class=\"body\">");
    for i in 0..20 {
        h.push_str(&format!(
            "<p>Đoạn {i}: Nông dân ở các huyện vùng cao đã chuyển một phần diện tích sang giống cà phê \
             chè chất lượng cao, áp dụng quy trình hái chín và sơ chế ướt. Theo sở nông nghiệp, giá \
             bán cao hơn từ hai mươi đến ba mươi phần trăm so với cà phê thường, nhờ đó thu nhập của \
             nhiều hộ đã tăng rõ rệt. <a href=\"/bai-{i}\">Xem thêm chi tiết</a> về <b>chương trình</b> \
             hỗ trợ.</p>"
        ));
        if i % 5 == 4 {
            h.push_str(&format!(
                "<figure><img src=\"/anh-{i}.jpg\" alt=\"Ảnh {i}\"><figcaption>Vườn cà phê \
                                 số {i} vào mùa thu hoạch</figcaption></figure>"
            ));
        }
    }
    h.push_str("</div><div class=\"related\"><h3>Tin liên quan</h3><ul>");
    for i in 0..10 {
        h.push_str(&format!(
            "<li><a href=\"/lien-quan-{i}\">Bài liên quan số {i} về nông nghiệp</a></li>"
        ));
    }
    h.push_str("</ul></div></article></div><aside class=\"sidebar\">");
    for i in 0..60 {
        h.push_str(&format!(
            "<div class=\"item\"><a href=\"/tin-{i}\"><img src=\"/t{i}.jpg\" alt=\"\"><h4>Tin đọc nhiều số \
             {i} trong tuần</h4></a><p>Tóm tắt ngắn của tin số {i}.</p></div>"
        ));
    }
    h.push_str(
        "</aside></div><footer><p>Báo Mẫu - Giấy phép số 123</p><a href=\"tel:0913111111\">\
                0913.111111</a></footer></body></html>",
    );
    h
}

fn typical(h: &mut harness::Harness) {
    let page = typical_page();
    h.bench("extract_render_typical", || {
        let ex =
            extract(black_box(&page), Some("https://baomau.vn/ca-phe.html")).expect("extracts");
        black_box(render(&ex.html, 80, Lang::Vi))
    });
}

fn hostile(h: &mut harness::Harness) {
    let para = "<p>Đoạn văn nói về thời tiết miền Bắc, mưa rào rải rác và gió đông bắc cấp ba.</p>";
    let n = 100_000;
    let pages = [
        (
            "five_mb",
            format!(
                "<html><body><article>{}</article></body></html>",
                para.repeat(5 * 1024 * 1024 / para.len())
            ),
        ),
        (
            "nested_100k",
            format!(
                "<html><body>{}<p>lõi</p>{}{}</body></html>",
                "<div>".repeat(n),
                "</div>".repeat(n),
                para.repeat(5)
            ),
        ),
        (
            "table_1000x1000",
            format!(
                "<table>{}</table>{}",
                format!("<tr>{}</tr>", "<td>ô</td>".repeat(1000)).repeat(1000),
                para.repeat(5)
            ),
        ),
        (
            "huge_script_style",
            format!(
                "<html><head><style>{}</style><script>{}</script></head><body>{}</body></html>",
                "p { color: red } ".repeat(300_000),
                "var a = 1; ".repeat(400_000),
                para.repeat(10)
            ),
        ),
    ];
    h.group("hostile", 10);
    for (name, page) in &pages {
        h.bench(name, || {
            let html = match extract(black_box(page), Some("https://example.vn/x.html")) {
                Ok(ex) => ex.html,
                Err(_) => String::new(),
            };
            black_box(render(&html, 80, Lang::Vi))
        });
    }
}

fn main() {
    let mut h = harness::Harness::new("article");
    typical(&mut h);
    hostile(&mut h);
}
