//! Text pipeline speed: decoding a ~200 KB Vietnamese page declared UTF-8, the same text in
//! TCVN3 bytes served as latin-1 (detection by syllable score), and wrapping a long article.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark that cannot set up stops, with the line that failed"
)]
use docbao::text::{self, legacy::Legacy};
use std::hint::black_box;

mod harness;

const PARAGRAPHS: [&str; 4] = [
    "Sáng nay, chuyến tàu đầu tiên của tuyến đường sắt ven biển đã rời ga lúc sáu giờ kém mười \
     lăm. Hàng trăm người dân mang theo hoa, cờ và cả những chiếc bánh chưng nhỏ để tiễn đoàn tàu.",
    "Bà Nguyễn Thị Hoà, một người bán hàng ở chợ gần ga, kể rằng bà đã chờ ngày này suốt mười \
     năm. Trước kia muốn lên tỉnh khám bệnh phải đi từ khuya, giờ thì sáng đi chiều về.",
    "Giá vé được công bố ở mức từ chín mươi nghìn đồng cho ghế ngồi mềm đến hai trăm rưỡi nghìn \
     đồng cho giường nằm. Học sinh, sinh viên và người cao tuổi được giảm một phần ba giá vé.",
    "Các chuyên gia nhận xét tuyến đường này sẽ giúp giảm tai nạn giao thông trên quốc lộ, đồng \
     thời mở thêm cơ hội cho du lịch biển, nhưng việc bảo dưỡng đường ray cần tính toán kỹ.",
];

/// A page of about `size` bytes: a head, then paragraphs of our own text.
fn page(size: usize) -> String {
    let mut s = String::from(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Tin tức</title></head><body>\n",
    );
    let mut i = 0;
    while s.len() < size {
        s.push_str("<p>");
        s.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        s.push_str("</p>\n");
        i += 1;
    }
    s.push_str("</body></html>\n");
    s
}

fn main() {
    let mut h = harness::Harness::new("text");
    let utf8 = page(200 * 1024);
    let tcvn = Legacy::Tcvn3.encode(&utf8);
    assert_eq!(
        text::decode_bytes(&tcvn, Some("text/html; charset=iso-8859-1"), None),
        utf8
    );
    h.bench("decode_bytes 200KB utf-8 declared", || {
        text::decode_bytes(
            black_box(utf8.as_bytes()),
            Some("text/html; charset=utf-8"),
            None,
        )
    });
    h.bench("decode_bytes 200KB TCVN3 served as latin-1", || {
        text::decode_bytes(
            black_box(&tcvn),
            Some("text/html; charset=iso-8859-1"),
            None,
        )
    });
    let one_mb = page(1024 * 1024);
    h.bench("decode_bytes 1MB utf-8 declared", || {
        text::decode_bytes(
            black_box(one_mb.as_bytes()),
            Some("text/html; charset=utf-8"),
            None,
        )
    });
    let article: String = PARAGRAPHS.repeat(25).join("\n\n");
    h.bench("wrap 40KB article at 80 columns", || {
        text::wrap_ranges(black_box(&article), 80)
    });
}
