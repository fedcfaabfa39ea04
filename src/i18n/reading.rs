//! Strings of the reader's reading aids (issue 10, part B): reading time, story versions,
//! link hints, the clipboard and saving. Functions, so word order can differ per language.
use super::Lang;

fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The list's compact column: "3ph" / "3m" (blank when unknown; 99 at most, so it fits).
pub fn minutes_short(lang: Lang, n: u32) -> String {
    match n {
        0 => String::new(),
        n => format!("{}{}", n.min(99), pick(lang, "ph", "m")),
    }
}

/// The reader's header: "3 phút đọc" / "3 min read".
pub fn minutes_long(lang: Lang, n: u32) -> String {
    format!("{n} {}", pick(lang, "phút đọc", "min read"))
}

/// After a story's title in the list: "+3 báo khác" / "+3 more papers" ("paper" alone).
pub fn more_papers(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Vi, n) => format!("+{n} báo khác"),
        (Lang::En, 1) => "+1 more paper".to_string(),
        (Lang::En, n) => format!("+{n} more papers"),
    }
}

/// The reader's title row on a story: "bản 2/4" / "version 2/4".
pub fn version_of(lang: Lang, at: usize, of: usize) -> String {
    format!("{} {at}/{of}", pick(lang, "bản", "version"))
}

/// The status bar after switching versions: which paper tells it now.
pub fn version_switched(lang: Lang, paper: &str, at: usize, of: usize) -> String {
    format!("{} · {paper}", version_of(lang, at, of))
}

pub fn only_version(lang: Lang) -> &'static str {
    pick(
        lang,
        "Không báo nào khác đưa tin này",
        "No other paper tells this story",
    )
}

/// What a hinted link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintTarget {
    Read,
    Browser,
    Copy,
}

/// The hint mode's prompt, with what was typed so far, and its keys.
pub fn hint_prompt(
    lang: Lang,
    target: HintTarget,
    typed: &str,
    count: usize,
) -> (String, &'static str) {
    let what = match target {
        HintTarget::Read => pick(lang, "đọc liên kết", "read link"),
        HintTarget::Browser => pick(
            lang,
            "mở liên kết trong trình duyệt",
            "open link in browser",
        ),
        HintTarget::Copy => pick(lang, "chép địa chỉ liên kết", "copy link address"),
    };
    let help = pick(
        lang,
        "số rồi Enter · o trình duyệt · y chép · Esc thôi",
        "number, Enter · o browser · y copy · Esc cancel",
    );
    (format!("{what} (1-{count}): {typed}_"), help)
}

pub fn no_links(lang: Lang) -> &'static str {
    pick(lang, "Bài này không có liên kết", "This text has no links")
}

pub fn no_such_link(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Không có liên kết số {n}"),
        Lang::En => format!("There is no link {n}"),
    }
}

pub fn fetching_page(lang: Lang) -> &'static str {
    pick(lang, "Đang tải trang…", "Fetching the page…")
}

/// The title row's mark on a followed page: how deep the history is.
pub fn page_depth(lang: Lang, depth: usize) -> String {
    format!("{} {depth}", pick(lang, "trang liên kết", "linked page"))
}

pub fn copied(lang: Lang, url: &str) -> String {
    format!("{}: {url}", pick(lang, "Đã chép", "Copied"))
}

pub fn clipboard_off(lang: Lang) -> &'static str {
    pick(
        lang,
        "Chép bị tắt (osc52 = false trong config.toml)",
        "Copying is off (osc52 = false in config.toml)",
    )
}

/// The save prompt's label.
pub fn save_prompt(lang: Lang) -> &'static str {
    pick(lang, "Lưu vào", "Save to")
}

pub fn save_help(lang: Lang) -> &'static str {
    pick(
        lang,
        ".md: Markdown, khác: văn bản · Enter lưu · Esc thôi",
        ".md: Markdown, else plain text · Enter saves · Esc cancels",
    )
}

pub fn saved_to(lang: Lang, path: &str) -> String {
    format!("{}: {path}", pick(lang, "Đã lưu", "Saved"))
}

pub fn exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Vi => format!("{path} đã có: Enter lần nữa để ghi đè, hoặc sửa tên"),
        Lang::En => format!("{path} exists: Enter again overwrites it, or change the name"),
    }
}

pub fn nothing_to_save(lang: Lang) -> &'static str {
    pick(lang, "Bài chưa tải xong", "The text has not loaded yet")
}

/// The header's notice when the feed's summary is shown in place of the page (`read
/// --summary`, and the reader's save of an article without its full text).
pub fn feed_summary(lang: Lang) -> &'static str {
    pick(lang, "Tóm tắt của nguồn tin", "The feed's summary")
}
