//! Every string of the TUI in both languages. Fixed strings are [`T`] keys looked up with
//! [`tr`]; strings with numbers are functions here so word order can differ per language.
use super::Lang;
use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};

/// A fixed interface string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    Feeds,
    Reader,
    Search,
    Help,
    All,
    Unread,
    Rated,
    Online,
    Offline,
    OfflineAuto,
    Refreshing,
    SyncConnecting,
    SyncPushing,
    SyncSubscriptions,
    SyncItems,
    SyncStates,
    Loading,
    FetchingFull,
    NoFeeds,
    NoArticles,
    NoResults,
    NoMoreUnread,
    TypeToSearch,
    TooSmall,
    FilterAll,
    FilterUnread,
    FilterRated,
    SortNewest,
    SortRated,
    FullText,
    Summary,
    NoSummary,
    YourRating,
    NotRated,
    Views,
    By,
    HelpHint,
    HelpKeys,
    HelpActions,
    HelpSearchBox,
    HelpTheme,
    Cancelled,
    OpenedBrowser,
    NotHttp,
    NoUrl,
    NoPictures,
    Picture,
    PictureLoading,
    PictureMissing,
    OfflineNoFetch,
    SearchPrompt,
    ReadOnlyCache,
}

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: T) -> &'static str {
    let (vi, en) = pair(key);
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

fn pair(key: T) -> (&'static str, &'static str) {
    use T::*;
    match key {
        Feeds => ("Nguồn tin", "Feeds"),
        Reader => ("Đọc bài", "Reader"),
        Search => ("Tìm kiếm", "Search"),
        Help => ("Trợ giúp", "Help"),
        All => ("Tất cả", "All"),
        Unread => ("Chưa đọc", "Unread"),
        Rated => ("Đã chấm sao", "Rated"),
        Online => ("Trực tuyến", "Online"),
        Offline => ("Ngoại tuyến", "Offline"),
        OfflineAuto => ("Ngoại tuyến (mất kết nối)", "Offline (no connection)"),
        Refreshing => ("Đang làm mới", "Refreshing"),
        SyncConnecting => ("Đồng bộ: đăng nhập", "Sync: logging in"),
        SyncPushing => ("Đồng bộ: gửi thay đổi", "Sync: sending changes"),
        SyncSubscriptions => ("Đồng bộ: nguồn tin", "Sync: subscriptions"),
        SyncItems => ("Đồng bộ: bài mới", "Sync: new items"),
        SyncStates => ("Đồng bộ: đã đọc, gắn sao", "Sync: read and starred"),
        Loading => ("Đang tải…", "Loading…"),
        FetchingFull => ("Đang tải toàn văn…", "Fetching the full text…"),
        NoFeeds => (
            "Chưa có nguồn tin. Thêm bằng: docbao add URL",
            "No feeds yet. Add one with: docbao add URL",
        ),
        NoArticles => ("Không có bài viết.", "No articles."),
        NoMoreUnread => ("Không còn bài chưa đọc", "No unread articles left"),
        NoResults => ("Không tìm thấy.", "Nothing found."),
        TypeToSearch => (
            "Gõ để tìm (không cần dấu).",
            "Type to search (accents optional).",
        ),
        TooSmall => ("Cửa sổ quá nhỏ", "Window too small"),
        FilterAll => ("tất cả", "all"),
        FilterUnread => ("chưa đọc", "unread"),
        FilterRated => ("đã chấm sao", "rated"),
        SortNewest => ("mới nhất", "newest"),
        SortRated => ("sao cao nhất", "highest rated"),
        FullText => ("toàn văn", "full text"),
        Summary => ("tóm tắt", "summary"),
        NoSummary => (
            "(Nguồn tin không có tóm tắt cho bài này.)",
            "(The feed has no summary for this article.)",
        ),
        YourRating => ("Bạn chấm", "Your rating"),
        NotRated => ("chưa chấm", "not rated"),
        Views => ("lượt xem", "views"),
        By => ("Tác giả", "By"),
        HelpHint => ("? trợ giúp", "? help"),
        HelpKeys => ("Phím", "Keys"),
        HelpSearchBox => (
            "Trong ô tìm kiếm, và chuột",
            "In the search box, and the mouse",
        ),
        HelpActions => (
            "Tên hành động cho [keys] trong config.toml",
            "Action names for [keys] in config.toml",
        ),
        HelpTheme => (
            "Thành phần cho [theme] (tên màu hoặc #rrggbb)",
            "Elements for [theme] (colour names or #rrggbb)",
        ),
        Cancelled => ("Đã hủy", "Cancelled"),
        OpenedBrowser => ("Đã mở trong trình duyệt", "Opened in the browser"),
        NotHttp => (
            "Chỉ mở được địa chỉ http/https",
            "Only http/https addresses can be opened",
        ),
        NoUrl => ("Bài này không có địa chỉ", "This article has no address"),
        NoPictures => (
            "Bài này không có ảnh (hoặc ảnh đang tắt)",
            "This article has no pictures (or pictures are off)",
        ),
        Picture => ("Ảnh", "Picture"),
        PictureLoading => ("Đang tải ảnh…", "Loading the picture…"),
        PictureMissing => ("Không có ảnh này", "This picture is not available"),
        OfflineNoFetch => (
            "Ngoại tuyến: chỉ đọc từ bộ nhớ đệm",
            "Offline: reading from the cache only",
        ),
        SearchPrompt => ("Tìm", "Find"),
        ReadOnlyCache => (
            "Bộ nhớ đệm chỉ đọc được: mọi thay đổi sẽ không được lưu",
            "The cache is read-only: changes cannot be saved",
        ),
    }
}

/// The fixed keys of the search box and the mouse, with what they do.
pub fn search_box_keys(lang: Lang) -> [(&'static str, &'static str); 7] {
    let pick = |vi: &'static str, en: &'static str| match lang {
        Lang::Vi => vi,
        Lang::En => en,
    };
    [
        ("Enter", pick("mở bài đã chọn", "open the selected article")),
        ("Esc", pick("đóng ô tìm kiếm", "close the search")),
        ("↑ ↓, Ctrl+p/n", pick("chọn kết quả", "select a result")),
        ("⌫, Ctrl+h", pick("xóa một ký tự", "delete one character")),
        ("Ctrl+u", pick("xóa cả ô", "clear the box")),
        ("← → Home End", pick("di chuyển con trỏ", "move the cursor")),
        (
            pick("Chuột", "Mouse"),
            pick(
                "lăn để cuộn; bấm để chọn, bấm lần nữa để mở",
                "wheel scrolls; click selects, click again opens",
            ),
        ),
    ]
}

/// A count with the language's thousands separator ("1.705" in Vietnamese, "1,705").
pub fn number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "5 phút trước" / "5 min ago", from the time held in the state (never the clock).
/// Past a week, the date in the reader's zone `tz`.
pub fn relative_time(
    lang: Lang,
    now: DateTime<Utc>,
    then: DateTime<Utc>,
    tz: FixedOffset,
) -> String {
    let secs = (now - then).num_seconds();
    let (vi, en) = match secs {
        s if s < 60 => return tr_pair(lang, "vừa xong", "just now"),
        s if s < 3600 => (
            format!("{} phút trước", s / 60),
            format!("{} min ago", s / 60),
        ),
        s if s < 86_400 => (
            format!("{} giờ trước", s / 3600),
            format!("{} h ago", s / 3600),
        ),
        s if s < 7 * 86_400 => {
            let d = s / 86_400;
            let en = if d == 1 {
                "1 day ago".into()
            } else {
                format!("{d} days ago")
            };
            (format!("{d} ngày trước"), en)
        }
        _ => {
            let d = then.with_timezone(&tz).date_naive();
            (
                format!("{}/{}/{}", d.day(), d.month(), d.year()),
                format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
            )
        }
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

fn tr_pair(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS_VI: [&str; 7] = [
    "Thứ hai",
    "Thứ ba",
    "Thứ tư",
    "Thứ năm",
    "Thứ sáu",
    "Thứ bảy",
    "Chủ nhật",
];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A full date in the reader's header: "Thứ bảy, 22/8/2020 10:30" / "Sat, 22 Aug 2020 10:30".
pub fn full_date(lang: Lang, t: DateTime<Utc>, tz: FixedOffset) -> String {
    let t = t.with_timezone(&tz);
    let wd = t.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Vi => format!(
            "{}, {}/{}/{} {:02}:{:02}",
            WEEKDAYS_VI[wd],
            t.day(),
            t.month(),
            t.year(),
            t.hour(),
            t.minute()
        ),
        Lang::En => format!(
            "{}, {} {} {} {:02}:{:02}",
            WEEKDAYS_EN[wd],
            t.day(),
            MONTHS[t.month0() as usize],
            t.year(),
            t.hour(),
            t.minute()
        ),
    }
}

/// "Làm mới 12/40" style progress.
pub fn progress(lang: Lang, done: usize, total: usize) -> String {
    let n = |x: usize| number(lang, x as u64);
    format!("{} {}/{}", tr(lang, T::Refreshing), n(done), n(total))
}

/// A sync step with its count: "Đồng bộ: bài mới 200/1.040", or "… 200" without a total.
pub fn counted(lang: Lang, step: T, done: Option<usize>, total: Option<usize>) -> String {
    let n = |x: usize| number(lang, x as u64);
    match (done, total) {
        (Some(d), Some(t)) => format!("{} {}/{}", tr(lang, step), n(d), n(t)),
        (Some(d), None) => format!("{} {}", tr(lang, step), n(d)),
        _ => tr(lang, step).to_owned(),
    }
}

/// The end of a refresh: "Làm mới xong: 38 nguồn, 2 lỗi, 15 bài mới".
pub fn refresh_done(lang: Lang, ok: usize, failed: usize, new: usize) -> String {
    let n = |x: usize| number(lang, x as u64);
    let (ok, failed, new) = (n(ok), n(failed), n(new));
    match lang {
        Lang::Vi => format!("Làm mới xong: {ok} nguồn, {failed} lỗi, {new} bài mới"),
        Lang::En => format!("Refreshed: {ok} feeds, {failed} failed, {new} new"),
    }
}

/// "12 kết quả" after a search; "200 kết quả đầu tiên" when the list stops at its limit.
pub fn results(lang: Lang, count: usize, capped: bool) -> String {
    let n = number(lang, count as u64);
    match (lang, capped) {
        (Lang::Vi, false) => format!("{n} kết quả"),
        (Lang::Vi, true) => format!("{n} kết quả đầu tiên"),
        (Lang::En, false) if count == 1 => "1 result".to_string(),
        (Lang::En, false) => format!("{n} results"),
        (Lang::En, true) => format!("the first {n} results"),
    }
}

/// "Đã chấm 4 sao" / "Rated 4 stars"; 0 clears.
pub fn rated(lang: Lang, n: u8) -> String {
    match (lang, n) {
        (Lang::Vi, 0) => "Đã xóa điểm".into(),
        (Lang::En, 0) => "Rating cleared".into(),
        (Lang::Vi, n) => format!("Đã chấm {n} sao"),
        (Lang::En, 1) => "Rated 1 star".into(),
        (Lang::En, n) => format!("Rated {n} stars"),
    }
}

/// "Lỗi: …" / "Error: …".
pub fn error(lang: Lang, msg: &str) -> String {
    match lang {
        Lang::Vi => format!("Lỗi: {msg}"),
        Lang::En => format!("Error: {msg}"),
    }
}

/// The message shown when the window is smaller than the minimum.
pub fn too_small(lang: Lang, w: u16, h: u16) -> String {
    format!("{} ({w}x{h} < 30x10)", tr(lang, T::TooSmall))
}

/// A number with one digit after the decimal mark, grouped as [`number`] groups: "4,5" /
/// "4.5", "1.024,5" / "1,024.5"; a whole number without the mark ("4").
pub fn decimal(lang: Lang, x: f64) -> String {
    // `as` saturates: NaN gives 0 and huge values the largest u64, never a panic.
    let tenths = (x.abs() * 10.0).round() as u64;
    let sign = if x < 0.0 && tenths > 0 { "-" } else { "" };
    let whole = number(lang, tenths / 10);
    let mark = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    match tenths % 10 {
        0 => format!("{sign}{whole}"),
        d => format!("{sign}{whole}{mark}{d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn numbers_group_per_language() {
        assert_eq!(number(Lang::Vi, 1705), "1.705");
        assert_eq!(number(Lang::En, 1_200_000), "1,200,000");
        assert_eq!(number(Lang::Vi, 12), "12");
        assert_eq!(results(Lang::En, 1, false), "1 result");
        assert_eq!(results(Lang::Vi, 200, true), "200 kết quả đầu tiên");
        // Counts in sentences are grouped too.
        assert_eq!(results(Lang::Vi, 1500, false), "1.500 kết quả");
        assert_eq!(progress(Lang::Vi, 12, 1040), "Đang làm mới 12/1.040");
        assert_eq!(
            counted(Lang::Vi, T::SyncItems, Some(200), Some(1040)),
            "Đồng bộ: bài mới 200/1.040"
        );
        assert_eq!(
            counted(Lang::En, T::SyncItems, Some(1200), None),
            "Sync: new items 1,200"
        );
        assert_eq!(
            counted(Lang::En, T::SyncStates, None, None),
            "Sync: read and starred"
        );
        assert_eq!(
            refresh_done(Lang::Vi, 38, 2, 4520),
            "Làm mới xong: 38 nguồn, 2 lỗi, 4.520 bài mới"
        );
        assert_eq!(
            refresh_done(Lang::En, 40, 0, 1200),
            "Refreshed: 40 feeds, 0 failed, 1,200 new"
        );
    }

    #[test]
    fn relative_times_in_both_languages() {
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
        let utc = FixedOffset::east_opt(0).unwrap();
        let tz = FixedOffset::east_opt(7 * 3600).unwrap();
        let five = now - chrono::Duration::minutes(5);
        assert_eq!(relative_time(Lang::Vi, now, five, tz), "5 phút trước");
        assert_eq!(relative_time(Lang::En, now, five, tz), "5 min ago");
        let old = Utc.with_ymd_and_hms(2020, 8, 22, 3, 30, 0).unwrap();
        assert_eq!(relative_time(Lang::Vi, now, old, tz), "22/8/2020");
        // 20:00 UTC on the 21st is already the 22nd in Hà Nội.
        let evening = Utc.with_ymd_and_hms(2020, 8, 21, 20, 0, 0).unwrap();
        assert_eq!(relative_time(Lang::Vi, now, evening, utc), "21/8/2020");
        assert_eq!(relative_time(Lang::Vi, now, evening, tz), "22/8/2020");
        assert_eq!(relative_time(Lang::En, now, evening, tz), "22 Aug 2020");
        assert_eq!(full_date(Lang::Vi, old, tz), "Thứ bảy, 22/8/2020 10:30");
    }
}
