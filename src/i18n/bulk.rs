//! The strings of bulk marks, feed management, saved searches, prompts and the refresh
//! timer, in both languages. Names and reasons come as they are: the view cleans them.
use super::Lang;
use super::strings::number;

fn pick(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_owned(),
        Lang::En => en.to_owned(),
    }
}

pub fn marking(lang: Lang) -> String {
    pick(lang, "Đang đánh dấu…", "Marking…")
}

pub fn nothing(lang: Lang) -> String {
    pick(lang, "Không có bài nào để đánh dấu", "Nothing to mark")
}

pub fn no_undo(lang: Lang) -> String {
    pick(lang, "Không có gì để hoàn tác", "Nothing to undo")
}

/// "12 bài đã đánh dấu đã đọc (U: hoàn tác)".
pub fn marked(lang: Lang, n: usize, undo_keys: &str) -> String {
    let n = number(lang, n as u64);
    let hint = undo_keys.split(", ").next().unwrap_or("");
    match (lang, hint.is_empty()) {
        (Lang::Vi, false) => format!("Đã đánh dấu {n} bài đã đọc ({hint}: hoàn tác)"),
        (Lang::Vi, true) => format!("Đã đánh dấu {n} bài đã đọc"),
        (Lang::En, false) => format!("Marked {n} read ({hint}: undo)"),
        (Lang::En, true) => format!("Marked {n} read"),
    }
}

pub fn undone(lang: Lang, n: usize) -> String {
    let n = number(lang, n as u64);
    match lang {
        Lang::Vi => format!("Đã hoàn tác: {n} bài"),
        Lang::En => format!("Undone: {n} articles"),
    }
}

pub fn adding(lang: Lang) -> String {
    pick(lang, "Đang thêm nguồn…", "Adding the feed…")
}

/// What adding a feed gave: `added` false when subscribed already; `down`: added but not
/// fetched now, and why.
pub fn added(lang: Lang, name: &str, added: bool, down: Option<&str>) -> String {
    match (lang, added, down) {
        (Lang::Vi, false, _) => format!("Đã có sẵn: {name}"),
        (Lang::En, false, _) => format!("Already subscribed: {name}"),
        (Lang::Vi, true, None) => format!("Đã thêm: {name}"),
        (Lang::En, true, None) => format!("Added: {name}"),
        (Lang::Vi, true, Some(why)) => {
            format!("Đã thêm: {name}; chưa tải được: {}", why)
        }
        (Lang::En, true, Some(why)) => {
            format!("Added: {name}; not fetched now: {}", why)
        }
    }
}

pub fn not_added(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Vi => format!("Không thêm được: {why}"),
        Lang::En => format!("Not added: {why}"),
    }
}

pub fn choose_feed(lang: Lang) -> String {
    pick(
        lang,
        "Chọn một nguồn trong danh sách nguồn",
        "Select a feed in the feed list",
    )
}

pub fn nothing_to_save(lang: Lang) -> String {
    pick(lang, "Gõ một tìm kiếm trước đã", "Type a search first")
}

pub fn removed(lang: Lang) -> String {
    pick(lang, "Đã xóa nguồn", "Feed removed")
}

pub fn renamed(lang: Lang) -> String {
    pick(lang, "Đã đổi tên", "Renamed")
}

/// `None`: out of any category.
pub fn moved(lang: Lang, path: Option<&str>) -> String {
    match (lang, path) {
        (Lang::Vi, Some(p)) => format!("Đã chuyển sang {}", p),
        (Lang::En, Some(p)) => format!("Moved to {}", p),
        (_, None) => pick(lang, "Đã bỏ khỏi mục", "Moved out of its category"),
    }
}

pub fn search_saved(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã lưu tìm kiếm “{}”", name),
        Lang::En => format!("Search saved as “{}”", name),
    }
}

pub fn search_deleted(lang: Lang) -> String {
    pick(lang, "Đã xóa tìm kiếm đã lưu", "Saved search deleted")
}

pub fn ask_url(lang: Lang) -> String {
    pick(lang, "Thêm nguồn (URL): ", "Add a feed (URL): ")
}

pub fn ask_name(lang: Lang) -> String {
    pick(lang, "Tên mới: ", "New name: ")
}

pub fn ask_category(lang: Lang) -> String {
    pick(lang, "Chuyển sang mục (A/B): ", "Move to category (A/B): ")
}

pub fn ask_search_name(lang: Lang) -> String {
    pick(lang, "Lưu tìm kiếm với tên: ", "Save the search as: ")
}

fn yes(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => " [y/N]",
        Lang::En => " [y/N]",
    }
}

pub fn confirm_mark_all(lang: Lang) -> String {
    pick(lang, "Đánh dấu tất cả đã đọc?", "Mark everything read?") + yes(lang)
}

pub fn confirm_mark_list(lang: Lang, n: usize) -> String {
    let n = number(lang, n as u64);
    let y = yes(lang);
    match lang {
        Lang::Vi => format!("Đánh dấu {n} bài đã đọc?{y}"),
        Lang::En => format!("Mark {n} listed read?{y}"),
    }
}

pub fn confirm_remove(lang: Lang, name: &str) -> String {
    let y = yes(lang);
    match lang {
        Lang::Vi => format!("Xóa nguồn “{name}”?{y}"),
        Lang::En => format!("Remove “{name}”?{y}"),
    }
}

pub fn confirm_delete_search(lang: Lang, name: &str) -> String {
    let y = yes(lang);
    match lang {
        Lang::Vi => format!("Xóa tìm kiếm “{name}”?{y}"),
        Lang::En => format!("Delete the search “{name}”?{y}"),
    }
}

/// "5 bài mới: Tuổi Trẻ 3, VnExpress 2" (the feeds with the most first, as given).
pub fn arrived(lang: Lang, count: usize, feeds: &[(String, usize)]) -> String {
    let n = number(lang, count as u64);
    let list: Vec<String> = feeds
        .iter()
        .take(5)
        .map(|(name, k)| format!("{name} {}", number(lang, *k as u64)))
        .collect();
    let more = if feeds.len() > 5 { ", …" } else { "" };
    match lang {
        Lang::Vi => format!("{n} bài mới: {}{more}", list.join(", ")),
        Lang::En => format!("{n} new: {}{more}", list.join(", ")),
    }
}
