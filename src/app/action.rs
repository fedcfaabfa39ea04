//! What a key can do. The names are those of the config file's `[keys]` table.
use crate::i18n::Lang;

/// Every action a key can be bound to.
///
/// Config names (`[keys]` in config.toml, e.g. `move_down = ["j", "down", "ctrl-n"]`):
/// `move_down`, `move_up`, `first`, `last`, `page_down`, `page_up`, `open`, `back`, `close`,
/// `quit`, `next_pane`, `refresh`, `refresh_all`, `rate_1` … `rate_5`, `rate_0`,
/// `toggle_read`, `next_unread`, `prev_unread`, `search`, `filter`, `sort`, `toggle_full`,
/// `open_browser`, `view_image`, `help`, `follow_link`, `copy_url`, `save_article`,
/// `next_version`; `mark_feed_read`, `mark_all_read`, `mark_above_read`, `undo_mark`,
/// `add_feed`, `remove_feed`, `rename_feed`, `move_feed`, `toggle_fold`, `save_search`. In
/// the picture viewer, `next_unread` and `prev_unread` (n, N) step through the article's
/// pictures.
///
/// Key syntax: a character (`j`, `Q`, `?`, `/`), or a name (`up`, `down`, `left`, `right`,
/// `home`, `end`, `pgup`, `pgdn`, `enter`, `esc`, `tab`, `backtab`, `space`, `backspace`,
/// `delete`, `insert`, `f1`…`f12`), optionally prefixed by `ctrl-`, `alt-`, `shift-`.
/// Binding an action replaces its default keys; a key bound by the user is taken away from
/// the action that had it by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    MoveDown,
    MoveUp,
    First,
    Last,
    PageDown,
    PageUp,
    Open,
    Back,
    Close,
    Quit,
    NextPane,
    Refresh,
    RefreshAll,
    Rate(u8),
    ToggleRead,
    NextUnread,
    PrevUnread,
    Search,
    Filter,
    Sort,
    ToggleFull,
    OpenBrowser,
    ViewImage,
    Help,
    FollowLink,
    CopyUrl,
    SaveArticle,
    NextVersion,
    MarkFeedRead,
    MarkAllRead,
    MarkAboveRead,
    UndoMark,
    AddFeed,
    RemoveFeed,
    RenameFeed,
    MoveFeed,
    ToggleFold,
    SaveSearch,
}

impl Action {
    /// Every action, in the order the help screen lists them.
    pub const ALL: [Action; 43] = [
        Action::MoveDown,
        Action::MoveUp,
        Action::First,
        Action::Last,
        Action::PageDown,
        Action::PageUp,
        Action::Open,
        Action::Back,
        Action::Close,
        Action::Quit,
        Action::NextPane,
        Action::Refresh,
        Action::RefreshAll,
        Action::Rate(1),
        Action::Rate(2),
        Action::Rate(3),
        Action::Rate(4),
        Action::Rate(5),
        Action::Rate(0),
        Action::ToggleRead,
        Action::NextUnread,
        Action::PrevUnread,
        Action::Search,
        Action::Filter,
        Action::Sort,
        Action::ToggleFull,
        Action::OpenBrowser,
        Action::ViewImage,
        Action::FollowLink,
        Action::CopyUrl,
        Action::SaveArticle,
        Action::NextVersion,
        Action::Help,
        Action::MarkFeedRead,
        Action::MarkAllRead,
        Action::MarkAboveRead,
        Action::UndoMark,
        Action::AddFeed,
        Action::RemoveFeed,
        Action::RenameFeed,
        Action::MoveFeed,
        Action::ToggleFold,
        Action::SaveSearch,
    ];

    /// The name used in `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            Action::MoveDown => "move_down",
            Action::MoveUp => "move_up",
            Action::First => "first",
            Action::Last => "last",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::Open => "open",
            Action::Back => "back",
            Action::Close => "close",
            Action::Quit => "quit",
            Action::NextPane => "next_pane",
            Action::Refresh => "refresh",
            Action::RefreshAll => "refresh_all",
            Action::Rate(1) => "rate_1",
            Action::Rate(2) => "rate_2",
            Action::Rate(3) => "rate_3",
            Action::Rate(4) => "rate_4",
            Action::Rate(5) => "rate_5",
            Action::Rate(_) => "rate_0",
            Action::ToggleRead => "toggle_read",
            Action::NextUnread => "next_unread",
            Action::PrevUnread => "prev_unread",
            Action::Search => "search",
            Action::Filter => "filter",
            Action::Sort => "sort",
            Action::ToggleFull => "toggle_full",
            Action::OpenBrowser => "open_browser",
            Action::ViewImage => "view_image",
            Action::Help => "help",
            Action::FollowLink => "follow_link",
            Action::CopyUrl => "copy_url",
            Action::SaveArticle => "save_article",
            Action::NextVersion => "next_version",
            Action::MarkFeedRead => "mark_feed_read",
            Action::MarkAllRead => "mark_all_read",
            Action::MarkAboveRead => "mark_above_read",
            Action::UndoMark => "undo_mark",
            Action::AddFeed => "add_feed",
            Action::RemoveFeed => "remove_feed",
            Action::RenameFeed => "rename_feed",
            Action::MoveFeed => "move_feed",
            Action::ToggleFold => "toggle_fold",
            Action::SaveSearch => "save_search",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The default keys, in the syntax of `[keys]` (interface.md's table).
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Action::MoveDown => &["j", "down"],
            Action::MoveUp => &["k", "up"],
            Action::First => &["g", "home"],
            Action::Last => &["G", "end"],
            Action::PageDown => &["space", "pgdn"],
            Action::PageUp => &["b", "pgup"],
            Action::Open => &["enter", "l", "right"],
            Action::Back => &["h", "left", "esc"],
            Action::Close => &["q"],
            Action::Quit => &["Q", "ctrl-c"],
            Action::NextPane => &["tab"],
            Action::Refresh => &["r"],
            Action::RefreshAll => &["R"],
            Action::Rate(1) => &["1"],
            Action::Rate(2) => &["2"],
            Action::Rate(3) => &["3"],
            Action::Rate(4) => &["4"],
            Action::Rate(5) => &["5"],
            Action::Rate(_) => &["0"],
            Action::ToggleRead => &["u"],
            Action::NextUnread => &["n"],
            Action::PrevUnread => &["N"],
            Action::Search => &["/"],
            Action::Filter => &["f"],
            Action::Sort => &["s"],
            Action::ToggleFull => &["t"],
            Action::OpenBrowser => &["o"],
            Action::ViewImage => &["i"],
            Action::Help => &["?"],
            // Not newsboat's: it has no hint mode; `f` (browsers' hint key) is the filter.
            Action::FollowLink => &["L"],
            // Vim's yank.
            Action::CopyUrl => &["y"],
            // `s` (newsboat's save) sorts here: `w`, write.
            Action::SaveArticle => &["w"],
            Action::NextVersion => &["v"],
            // newsboat's A and C; the rest clash with neither it nor the table.
            // Ctrl+A also in the search box, whose letters are typed.
            Action::MarkFeedRead => &["A", "ctrl-a"],
            Action::MarkAllRead => &["C"],
            Action::MarkAboveRead => &["M"],
            Action::UndoMark => &["U"],
            Action::AddFeed => &["a"],
            Action::RemoveFeed => &["D"],
            Action::RenameFeed => &["c"],
            Action::MoveFeed => &["m"],
            Action::ToggleFold => &["z"],
            // Letters go to the search box: a chord.
            Action::SaveSearch => &["ctrl-s"],
        }
    }

    /// What the help screen says the action does.
    pub fn describe(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Action::MoveDown => ("xuống", "move down"),
            Action::MoveUp => ("lên", "move up"),
            Action::First => ("đầu danh sách", "first"),
            Action::Last => ("cuối danh sách", "last"),
            Action::PageDown => ("trang sau", "page down"),
            Action::PageUp => ("trang trước", "page up"),
            Action::Open => ("mở (nguồn → bài → đọc)", "open (feed → articles → article)"),
            Action::Back => ("quay lại; hủy tải", "back; cancels a fetch"),
            Action::Close => (
                "quay lại; thoát ở danh sách nguồn",
                "back; quits on the feed list",
            ),
            Action::Quit => ("thoát", "quit"),
            Action::NextPane => ("khung kế tiếp", "next pane"),
            Action::Refresh => ("làm mới nguồn này", "refresh this feed"),
            Action::RefreshAll => ("làm mới tất cả", "refresh all feeds"),
            Action::Rate(1) => ("chấm 1 sao", "rate 1 star"),
            Action::Rate(2) => ("chấm 2 sao", "rate 2 stars"),
            Action::Rate(3) => ("chấm 3 sao", "rate 3 stars"),
            Action::Rate(4) => ("chấm 4 sao", "rate 4 stars"),
            Action::Rate(5) => ("chấm 5 sao", "rate 5 stars"),
            Action::Rate(_) => ("xóa điểm", "clear the rating"),
            Action::ToggleRead => ("đã đọc / chưa đọc", "toggle read"),
            Action::NextUnread => (
                "bài chưa đọc kế tiếp; ảnh kế tiếp khi xem ảnh",
                "next unread; next picture in the viewer",
            ),
            Action::PrevUnread => (
                "bài chưa đọc trước; ảnh trước khi xem ảnh",
                "previous unread; previous picture in the viewer",
            ),
            Action::Search => ("tìm kiếm (không cần dấu)", "search (accents optional)"),
            Action::Filter => (
                "lọc: tất cả, chưa đọc, đã chấm",
                "filter: all, unread, rated",
            ),
            Action::Sort => (
                "sắp xếp: mới nhất, sao cao nhất",
                "sort: newest, highest rated",
            ),
            Action::ToggleFull => ("toàn văn / tóm tắt", "full text / the feed's summary"),
            Action::OpenBrowser => ("mở trong trình duyệt", "open in the browser"),
            Action::ViewImage => (
                "xem ảnh đang hiện, cỡ cả khung (Esc: trở lại)",
                "the picture in view, alone in the pane (Esc: back)",
            ),
            Action::Help => ("trợ giúp", "help"),
            Action::FollowLink => (
                "chọn liên kết theo số: đọc ở đây (o: trình duyệt, y: chép)",
                "pick a link by number: read it here (o: browser, y: copy)",
            ),
            Action::CopyUrl => (
                "chép địa chỉ bài (OSC 52)",
                "copy the article's address (OSC 52)",
            ),
            Action::SaveArticle => (
                "lưu bài ra tệp (.md hoặc văn bản)",
                "save the article to a file (.md or text)",
            ),
            Action::NextVersion => (
                "bản tin của báo khác (cùng sự kiện)",
                "the same story from another paper",
            ),
            Action::MarkFeedRead => (
                "đánh dấu đã đọc: nguồn này (danh sách lọc/tìm: hỏi trước)",
                "mark read: this feed (a filtered list or search: asks first)",
            ),
            Action::MarkAllRead => (
                "đánh dấu tất cả đã đọc (hỏi trước)",
                "mark everything read (asks first)",
            ),
            Action::MarkAboveRead => (
                "đánh dấu đã đọc mọi bài phía trên",
                "mark everything above read",
            ),
            Action::UndoMark => ("hoàn tác lần đánh dấu hàng loạt", "undo the last bulk mark"),
            Action::AddFeed => (
                "thêm nguồn (URL trang hoặc RSS)",
                "add a feed (a feed or page URL)",
            ),
            Action::RemoveFeed => (
                "xóa nguồn / tìm kiếm đã lưu (hỏi trước)",
                "remove a feed / saved search (asks first)",
            ),
            Action::RenameFeed => ("đổi tên nguồn", "rename the feed"),
            Action::MoveFeed => (
                "chuyển nguồn sang mục (A/B)",
                "move the feed to a category (A/B)",
            ),
            Action::ToggleFold => ("thu gọn / mở mục", "fold / unfold the category"),
            Action::SaveSearch => ("lưu tìm kiếm này", "save this search"),
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        assert_eq!(Action::from_name("fly"), None);
    }
}
