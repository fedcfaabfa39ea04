//! Charset decisions of `text::decode_bytes` on the vectors of vietnamese.md and on whole
//! documents (our own writing) encoded in every charset.
use docbao::text::legacy::Legacy;
use docbao::text::{decode_bytes, decode_with_label, nfc, repair_mojibake};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::compose;

const ARTICLE: &str = "Tuyến đường sắt mới nối hai thành phố ven biển

Sáng nay, chuyến tàu đầu tiên của tuyến đường sắt ven biển đã rời ga lúc sáu giờ kém mười lăm. \
Hàng trăm người dân mang theo hoa, cờ và cả những chiếc bánh chưng nhỏ để tiễn đoàn tàu. \
Theo ban quản lý dự án, quãng đường dài hơn hai trăm cây số giờ chỉ còn mất khoảng ba tiếng \
rưỡi, thay vì gần bảy tiếng như trước đây.

Bà Nguyễn Thị Hoà, một người bán hàng ở chợ gần ga, kể rằng bà đã chờ ngày này suốt mười năm. \
\"Trước kia muốn lên tỉnh khám bệnh phải đi từ khuya, giờ thì sáng đi chiều về,\" bà nói. \
Ông Trần Quốc Tuấn, kỹ sư trưởng của công trình, cho biết đội thi công đã phải vượt qua nhiều \
đoạn đồi dốc và hai con sông lớn. Những cây cầu thép được lắp ráp ngay tại chỗ trong mùa khô.

Giá vé được công bố ở mức từ chín mươi nghìn đồng cho ghế ngồi mềm đến hai trăm rưỡi nghìn \
đồng cho giường nằm. Học sinh, sinh viên và người cao tuổi được giảm một phần ba giá vé. \
Ngành đường sắt dự kiến mỗi ngày chạy sáu đôi tàu, tăng lên mười đôi vào dịp nghỉ hè và Tết.

Các chuyên gia nhận xét tuyến đường này sẽ giúp giảm tai nạn giao thông trên quốc lộ, đồng \
thời mở thêm cơ hội cho du lịch biển. Tuy vậy, họ cũng lưu ý rằng việc bảo dưỡng đường ray \
ở vùng khí hậu mặn ẩm đòi hỏi chi phí không nhỏ, cần được tính toán kỹ ngay từ bây giờ.
ĐƯỜNG SẮT VIỆT NAM - KHỞI HÀNH ĐÚNG GIỜ";

const WESTERN: &str = "Le café de la gare est fermé le dimanche. Der Zug fährt um acht Uhr \
ab, und die Brücke über den Fluß ist schön. El niño comió en el jardín con su señora madre. \
La crème brûlée était délicieuse, très sucrée, à côté d'une tarte aux pommes.";

/// windows-1258 writes base letters with their non-tone marks composed and the tone as a
/// combining mark; encoding_rs can then encode each piece.
fn encode_1258(s: &str) -> Vec<u8> {
    let mut pieces = String::new();
    for c in s.chars() {
        let mut base: Option<char> = None;
        let mut tone = None;
        for d in std::iter::once(c).nfd() {
            match d {
                '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tone = Some(d),
                _ => base = Some(base.map_or(d, |b| compose(b, d).unwrap_or(b))),
            }
        }
        pieces.extend(base);
        pieces.extend(tone);
    }
    let (bytes, _, errors) = encoding_rs::WINDOWS_1258.encode(&pieces);
    assert!(!errors, "windows-1258 cannot write {s}");
    bytes.into_owned()
}

fn latin1(s: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(s).0.into_owned()
}

#[test]
fn vector_nfc_of_decomposed_and_1258_style() {
    assert_eq!(nfc("Vie\u{323}\u{302}t Nam"), "Vi\u{1EC7}t Nam");
    assert_eq!(nfc("Vi\u{EA}\u{323}t"), "Việt");
    assert_eq!(nfc("Vie\u{302}\u{323}t"), "Việt");
}

#[test]
fn vector_windows_1258_bytes() {
    let a = [
        0x54, 0x69, 0xEA, 0xEC, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xEA, 0xF2, 0x74,
    ];
    let b = [
        0xD0, 0xFD, 0xF5, 0xCC, 0x6E, 0x67, 0x20, 0x73, 0xE3, 0xEC, 0x74,
    ];
    let ct = Some("text/html; charset=windows-1258");
    assert_eq!(decode_bytes(&a, ct, None), "Tiếng Việt");
    assert_eq!(decode_bytes(&b, ct, None), "Đường sắt");
    assert_eq!(
        decode_with_label(&a, "windows-1258").as_deref(),
        Some("Tiếng Việt")
    );
    // Served as latin-1 or not labelled at all, the syllable score still finds them.
    assert_eq!(
        decode_bytes(&a, Some("text/html; charset=iso-8859-1"), None),
        "Tiếng Việt"
    );
    assert_eq!(decode_bytes(&b, None, Some("example.vn")), "Đường sắt");
    assert_eq!(encode_1258("Tiếng Việt"), a);
}

#[test]
fn vector_legacy_bytes() {
    let tcvn1 = [0x54, 0x69, 0xD5, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xD6, 0x74];
    let tcvn2 = [0x54, 0x68, 0xF1, 0x20, 0x74, 0xAD, 0xED, 0x6E, 0x67];
    let viscii = [0x54, 0x69, 0xAA, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xAE, 0x74];
    let vni = [
        0x54, 0x69, 0x65, 0xE1, 0x6E, 0x67, 0x20, 0x56, 0x69, 0x65, 0xE4, 0x74,
    ];
    // The bytes as windows-1252 show what a naive reader would print.
    assert_eq!(encoding_rs::WINDOWS_1252.decode(&tcvn1).0, "TiÕng ViÖt");
    assert_eq!(encoding_rs::WINDOWS_1252.decode(&vni).0, "Tieáng Vieät");
    for (bytes, label, want) in [
        (&tcvn1[..], "tcvn3", "Tiếng Việt"),
        (&tcvn2[..], "tcvn3", "Thủ tướng"),
        (&viscii[..], "viscii", "Tiếng Việt"),
        (&vni[..], "vni", "Tiếng Việt"),
    ] {
        assert_eq!(decode_with_label(bytes, label).as_deref(), Some(want));
        let ct = format!("text/html; charset={label}");
        assert_eq!(
            decode_bytes(bytes, Some(&ct), None),
            want,
            "{label} declared"
        );
        assert_eq!(decode_bytes(bytes, None, None), want, "{label} sniffed");
        assert_eq!(
            decode_bytes(bytes, None, Some("báo.vn")),
            want,
            "{label} .vn"
        );
        let latin = Some("text/html; charset=ISO-8859-1");
        assert_eq!(decode_bytes(bytes, latin, None), want, "{label} as latin-1");
    }
}

#[test]
fn vector_mojibake() {
    assert_eq!(
        repair_mojibake("Tiáº¿ng Viá»‡t").as_deref(),
        Some("Tiếng Việt")
    );
    // UTF-8 bytes labelled windows-1252 read as UTF-8.
    let ct = Some("text/plain; charset=windows-1252");
    assert_eq!(
        decode_bytes("Tiếng Việt".as_bytes(), ct, None),
        "Tiếng Việt"
    );
    // Text that was already broken once and stored as UTF-8 is repaired.
    let broken = "Tiáº¿ng Viá»‡t".as_bytes();
    assert_eq!(
        decode_bytes(broken, Some("text/html; charset=utf-8"), None),
        "Tiếng Việt"
    );
}

#[test]
fn whole_document_in_every_charset() {
    let utf8 = ARTICLE.as_bytes().to_vec();
    let docs: Vec<(&str, Vec<u8>)> = vec![
        ("utf-8", utf8.clone()),
        ("windows-1258", encode_1258(ARTICLE)),
        ("tcvn3", Legacy::Tcvn3.encode(ARTICLE)),
        ("vni", Legacy::Vni.encode(ARTICLE)),
        ("viscii", Legacy::Viscii.encode(ARTICLE)),
    ];
    for (label, bytes) in &docs {
        assert_eq!(
            decode_with_label(bytes, label).as_deref(),
            Some(ARTICLE),
            "{label}"
        );
        let declared = format!("text/html; charset=\"{label}\"");
        assert_eq!(
            decode_bytes(bytes, Some(&declared), None),
            ARTICLE,
            "{label} declared"
        );
        assert_eq!(
            decode_bytes(bytes, None, Some("tin.vn")),
            ARTICLE,
            "{label} sniffed .vn"
        );
        assert_eq!(
            decode_bytes(bytes, None, Some("news.com")),
            ARTICLE,
            "{label} sniffed"
        );
        let wrong = Some("text/html; charset=iso-8859-1");
        assert_eq!(
            decode_bytes(bytes, wrong, None),
            ARTICLE,
            "{label} served as latin-1"
        );
        let wrong = Some("application/rss+xml; charset=windows-1252");
        assert_eq!(
            decode_bytes(bytes, wrong, None),
            ARTICLE,
            "{label} served as 1252"
        );
    }
}

#[test]
fn declarations_inside_the_document() {
    let body = format!("<rss><title>{ARTICLE}</title></rss>");
    let xml = |enc: &str, bytes: Vec<u8>| {
        let mut doc = format!("<?xml version=\"1.0\" encoding=\"{enc}\"?>\n").into_bytes();
        doc.extend(bytes);
        doc
    };
    let want = format!("<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n{body}");
    let doc = xml("windows-1258", encode_1258(&body));
    assert_eq!(decode_bytes(&doc, Some("application/xml"), None), want);

    let html = |charset: &str, bytes: Vec<u8>| {
        let mut doc = format!("<html><head><meta charset=\"{charset}\"></head><body>").into_bytes();
        doc.extend(bytes);
        doc
    };
    for (label, bytes) in [
        ("TCVN3", Legacy::Tcvn3.encode(ARTICLE)),
        ("VISCII", Legacy::Viscii.encode(ARTICLE)),
        ("x-viet-vni", Legacy::Vni.encode(ARTICLE)),
    ] {
        let got = decode_bytes(&html(label, bytes), Some("text/html"), None);
        assert!(got.ends_with(ARTICLE), "{label}: {}", &got[..200]);
    }
    // A document cannot declare itself UTF-16 from inside: it is read as UTF-8.
    let doc = html("utf-16", ARTICLE.as_bytes().to_vec());
    assert!(decode_bytes(&doc, None, None).ends_with(ARTICLE));
    // The HTTP header wins over the document.
    let doc = html("windows-1252", ARTICLE.as_bytes().to_vec());
    assert!(decode_bytes(&doc, Some("text/html; charset=utf-8"), None).ends_with(ARTICLE));
}

#[test]
fn byte_order_marks() {
    let mut utf8 = vec![0xEF, 0xBB, 0xBF];
    utf8.extend_from_slice(ARTICLE.as_bytes());
    assert_eq!(
        decode_bytes(&utf8, Some("text/html; charset=iso-8859-1"), None),
        ARTICLE
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(decode_bytes(&utf16, None, None), ARTICLE);
}

#[test]
fn utf8_declared_but_not_utf8_is_detected_again() {
    let tcvn = Legacy::Tcvn3.encode(ARTICLE);
    assert_eq!(
        decode_bytes(&tcvn, Some("text/html; charset=utf-8"), None),
        ARTICLE
    );
    // A stray bad byte in a real UTF-8 page does not throw the page away.
    let mut almost = ARTICLE.as_bytes().to_vec();
    almost.insert(0, 0xFF);
    let got = decode_bytes(&almost, Some("text/html; charset=utf-8"), None);
    assert_eq!(got, format!("\u{FFFD}{ARTICLE}"));
}

#[test]
fn decomposed_utf8_comes_out_composed() {
    let decomposed: String = ARTICLE.nfd().collect();
    assert_ne!(decomposed, ARTICLE);
    assert_eq!(decode_bytes(decomposed.as_bytes(), None, None), ARTICLE);
}

#[test]
fn western_text_is_not_mistaken_for_vietnamese() {
    let bytes = latin1(WESTERN);
    assert_eq!(
        decode_bytes(&bytes, Some("text/html; charset=iso-8859-1"), None),
        WESTERN
    );
    assert_eq!(decode_bytes(&bytes, None, Some("example.fr")), WESTERN);
    assert_eq!(decode_bytes(&bytes, None, None), WESTERN);
    assert_eq!(decode_bytes(WESTERN.as_bytes(), None, None), WESTERN);
    assert_eq!(decode_bytes(b"plain ASCII", None, None), "plain ASCII");
    assert_eq!(
        decode_bytes(b"", Some("text/html; charset=tcvn3"), None),
        ""
    );
}

#[test]
fn unknown_labels() {
    assert_eq!(decode_with_label(b"abc", "no-such-charset"), None);
    // An unknown HTTP label falls through to the document and to sniffing.
    assert_eq!(
        decode_bytes(ARTICLE.as_bytes(), Some("text/html; charset=bogus"), None),
        ARTICLE
    );
}

/// UTF-16 without a byte order mark (no declaration can say UTF-16 from inside) is told by
/// its zero bytes; read as a single-byte charset it was one enormous text node.
#[test]
fn utf16_without_bom_is_recognised() {
    let page = format!("<html><body><p>{ARTICLE}</p></body></html>");
    let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(decode_bytes(&le, None, None), page);
    assert_eq!(decode_bytes(&be, None, None), page);
    // Plain ASCII with a few NULs is not UTF-16.
    let mostly = format!("{}\0\0", "a".repeat(200));
    assert_eq!(decode_bytes(mostly.as_bytes(), None, None), mostly);
}
