//! The metadata stage's rules that are data: who is not a writer, what a writer's line
//! starts with, where metadata never comes from, what labels a date line. Compared on the
//! folded text (lowercase, no marks, đ -> d) unless said otherwise.

/// Publishing systems and the companies that run them: a byline naming one is the CMS.
pub const CMS_VENDORS: &[&str] = &[
    "vccorp",
    "channelvn",
    "admicro",
    "eclick",
    "fpt online",
    "fptonline",
    "vnexpress cms",
    "wordpress",
    "joomla",
    "drupal",
    "blogger",
    "vbulletin",
    "xenforo",
    "ghost",
    "haravan",
    "sapo",
    "vietnamnet ict",
    "mobiedu",
];

/// Words that make a name an organisation, a desk or a team, whole words of the folded text.
pub const ORG_WORDS: &[&str] = &[
    "team",
    "news",
    "online",
    "media",
    "corp",
    "corporation",
    "jsc",
    "ltd",
    "group",
    "admin",
    "administrator",
    "editor",
    "editors",
    "editorial",
    "staff",
    "desk",
    "seo",
    "traffic",
    "marketing",
    "department",
    "channel",
    "newsroom",
    "webmaster",
    "bbt",
];

/// Leading words of an organisation's or a desk's name, lowercased with marks: folded,
/// "Báo" would be the given name "Bảo" and "Phòng" the name "Phong".
pub const ORG_STARTS: &[&str] = &[
    "báo ",
    "tạp chí ",
    "công ty ",
    "tập đoàn ",
    "ban ",
    "phòng ",
    "tòa soạn",
    "toà soạn",
    "cổng thông tin",
    "trang tin",
    "trang thông tin",
    "đài ",
    "kênh ",
    "chuyên trang",
    "biên tập",
    "quản trị",
    "công nghệ ",
    "thể thao ",
    "kinh doanh ",
    "giải trí ",
    "thời sự ",
    "nhóm ",
];

/// What a writer's line starts with before the names ("Tin, ảnh: Vũ Phương Thảo"). Longest
/// first; compared lowercased with marks. "Ảnh:" alone is a photo credit, not a writer.
pub const ROLE_PREFIXES: &[&str] = &[
    "bài, ảnh và clip:",
    "bài và ảnh:",
    "bài, ảnh:",
    "bài - ảnh:",
    "tin và ảnh:",
    "tin, ảnh:",
    "tin - ảnh:",
    "nhóm phóng viên:",
    "nhóm phóng viên",
    "nhóm pv:",
    "nhóm tác giả:",
    "phóng viên:",
    "tác giả:",
    "người viết:",
    "ghi chép của",
    "ghi chép:",
    "thực hiện:",
    "tường thuật:",
    "bài viết:",
    "bài:",
    "tin:",
    "pv:",
    "viết bởi",
    "written by",
    "posted by",
    "by ",
];

/// What names a source rather than a writer ("Theo VnExpress", "Nguồn: Reuters").
/// Lowercased with marks.
pub const SOURCE_PREFIXES: &[&str] = &["theo ", "nguồn:", "nguồn ", "source:", "via "];

/// A note after a writer's name that says how the piece was made, not who wrote it
/// ("Minh Anh (tổng hợp)"). Lowercased with marks, without the brackets.
pub const COMPILE_NOTES: &[&str] = &[
    "tổng hợp",
    "t/h",
    "th",
    "lược dịch",
    "dịch",
    "biên dịch",
    "thực hiện",
    "ghi",
    "ghi chép",
];

/// Words a signature never has, lowercased with marks: a short last line with one of them
/// is text, not a name. Only words that are no part of a Vietnamese name ("Liên", "Bình",
/// "Trang" are).
pub const NOT_NAMES: &[&str] = &[
    "tin",
    "xem",
    "video",
    "clip",
    "ảnh",
    "chia",
    "sẻ",
    "luận",
    "quảng",
    "cáo",
    "hệ",
    "kết",
    "thúc",
    "hotline",
    "email",
    "tags",
    "đọc",
    "thêm",
    "tiếp",
    "cảm",
    "ơn",
    "nhất",
    "the",
    "and",
    "of",
    "đây",
    "này",
    "được",
    "không",
    "hết",
    "kỳ",
    "phần",
    "follow",
    "us",
    "share",
    "subscribe",
    "newsletter",
    "advertisement",
    "comments",
    "related",
    "contact",
    "print",
    "more",
    "read",
];

/// Class or id fragments (folded, without separators) of blocks that are never a metadata
/// source: comments, forms, readers' opinions, tickers, related lists, menus.
pub const NO_META_ZONES: &[&str] = &[
    "comment",
    "binhluan",
    "ykien",
    "feedback",
    "reply",
    "ticker",
    "marquee",
    "breaking",
    "related",
    "lienquan",
    "tinkhac",
    "othernews",
    "mostread",
    "docnhieu",
    "xemnhieu",
    "tinmoi",
    "latest",
    "sidebar",
    "widget",
    "menu",
    "navbar",
    "footer",
    "form",
];

/// Elements that are never a metadata source. A `<header>` counts only outside the article.
pub const NO_META_TAGS: &[&str] = &["nav", "footer", "aside", "form", "textarea", "button"];

/// Headings of readers' blocks: the block they open is never a metadata source. Folded.
pub const READER_HEADINGS: &[&str] = &["y kien ban doc", "binh luan", "y kien", "comments"];

/// Labels of a date line, folded: such a line is the article's date, not a mention of one.
pub const DATE_LABELS: &[&str] = &[
    "ngay dang",
    "dang ngay",
    "dang luc",
    "xuat ban",
    "published",
    "posted",
    "cap nhat",
    "updated",
    "thu hai",
    "thu ba",
    "thu tu",
    "thu nam",
    "thu sau",
    "thu bay",
    "chu nhat",
];

/// Labels of a modification date: not the publication's when another date is there.
pub const UPDATE_LABELS: &[&str] = &["cap nhat", "updated", "sua lan cuoi", "last modified"];
