//! Vietnamese fixture content for the TUI tests (our own writing) and helpers that build a
//! state and render it to a `TestBackend`.
pub mod terminal;

use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::app::state::{Pane, State};
use docbao::app::{Effect, Msg, Saved, WrappedBody, update};
use docbao::feed::{ArticleId, FeedId};
use docbao::i18n::Lang;
use docbao::store::{ArticleDetail, ArticleRow, FeedRow};
use docbao::theme::Theme;
use docbao::view::{self, ViewState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::text::Line;
use std::sync::Arc;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap()
}

pub fn feed(id: i64, title: &str, category: Option<&str>, unread: i64, total: i64) -> FeedRow {
    FeedRow {
        id: FeedId(id),
        title: title.into(),
        url: format!("http://127.0.0.1/{id}.xml"),
        category: category.map(Into::into),
        unread,
        total,
        last_status: Some("ok".into()),
        last_refreshed: Some(now()),
        ..FeedRow::default()
    }
}

pub fn article(
    id: i64,
    feed: &FeedRow,
    title: &str,
    minutes_ago: i64,
    read: bool,
    rating: u8,
    full: bool,
) -> ArticleRow {
    ArticleRow {
        id: ArticleId(id),
        feed_id: feed.id,
        feed_title: feed.title.clone(),
        title: title.into(),
        url: Some(format!("http://127.0.0.1/bai/{id}.html")),
        published: Some(now() - chrono::Duration::minutes(minutes_ago)),
        read,
        rating,
        full_text: full,
        reading_minutes: 2,
        story: None,
    }
}

pub fn feeds() -> Vec<FeedRow> {
    vec![
        feed(1, "Tuổi Trẻ", Some("Tin Việt Nam"), 2, 30),
        feed(2, "Đời sống", Some("Tin Việt Nam"), 0, 12),
        feed(3, "An ninh", Some("Tin Việt Nam"), 5, 9),
        // The last refresh failed: marked in the list.
        FeedRow {
            last_status: Some("HTTP 404 Not Found".into()),
            ..feed(4, "BBC News", Some("International"), 1, 40)
        },
        // A name longer than the feed pane, with large counts: cut, never touching them.
        feed(
            6,
            "VnExpress – Thời sự và Chính trị trong ngày",
            Some("Tin Việt Nam"),
            1234,
            10_000,
        ),
        // A title with escape sequences (window title, clipboard): must never pass.
        feed(
            5,
            "Evil\u{1b}]0;pwned\u{7}\u{1b}]52;c;aGk=\u{7}",
            None,
            1,
            1,
        ),
    ]
}

pub const LONG_TITLE: &str = "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ dự án đường sắt tốc độ cao trên trục Bắc - Nam";

pub fn articles(feeds: &[FeedRow]) -> Vec<ArticleRow> {
    vec![
        article(10, &feeds[0], LONG_TITLE, 5, false, 4, true),
        // Decomposed input: "Việt Nam" with combining marks.
        article(
            11,
            &feeds[0],
            "Vie\u{323}\u{302}t Nam đón mùa du lịch hè",
            90,
            true,
            0,
            false,
        ),
        article(
            12,
            &feeds[1],
            "Giá xăng giảm nhẹ từ chiều nay",
            60 * 26,
            false,
            5,
            false,
        ),
        article(
            13,
            &feeds[3],
            "Markets rally after rate decision",
            60 * 24 * 40,
            true,
            1,
            true,
        ),
    ]
}

/// A state as after the first load: feeds, the "All" list, at `w`x`h`.
pub fn loaded_state(lang: Lang, w: u16, h: u16) -> State {
    let mut s = State::new(lang, now());
    update(
        &mut s,
        Msg::Resize {
            width: w,
            height: h,
        },
    );
    let fx = update(&mut s, Msg::FeedsLoaded(feeds()));
    let req = articles_req(&fx).expect("the first load asks for articles");
    let rows = articles(&feeds());
    update(&mut s, Msg::ArticlesLoaded { req, rows });
    s
}

pub fn detail(row: &ArticleRow) -> ArticleDetail {
    ArticleDetail {
        row: row.clone(),
        author: Some("Minh Anh".into()),
        summary: Some("<p>Tóm tắt: dự án đường sắt tốc độ cao được trình Quốc hội.</p>".into()),
        content: None,
        full: None,
    }
}

pub fn body_html() -> String {
    let mut html = String::new();
    for i in 1..=12 {
        html.push_str(&format!(
            "<p>Đoạn {i}. Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ, trình Quốc hội xem xét việc điều chỉnh chủ trương đầu tư dự án đường sắt tốc độ cao trên trục Bắc - Nam.</p>"
        ));
    }
    html.push_str("<p>Xem thêm <a href=\"http://127.0.0.1/lien-ket\">bài liên quan</a>.</p>");
    html
}

/// Renders `state` at its size; returns the screen as text and the view state.
pub fn draw(state: &State) -> (String, ViewState) {
    let mut term = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    let mut vs = ViewState::default();
    term.draw(|f| view::render(state, &Theme::default(), &mut vs, f))
        .unwrap();
    (format!("{}", term.backend()), vs)
}

pub fn buffer(state: &State) -> ratatui::buffer::Buffer {
    let mut term = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    let mut vs = ViewState::default();
    term.draw(|f| view::render(state, &Theme::default(), &mut vs, f))
        .unwrap();
    term.backend().buffer().clone()
}

/// Answers the store's confirmations of the marks among `fx`, as the runner does once
/// they are written; returns what those answers ask for.
pub fn confirm_marks(s: &mut State, fx: &[Effect]) -> Vec<Effect> {
    let mut more = Vec::new();
    for e in fx {
        let saved = match *e {
            Effect::SetRating { id, rating } => Saved::Rating { id, rating },
            Effect::SetRead { id, read } => Saved::Read { id, read },
            _ => continue,
        };
        more.extend(update(s, Msg::Saved(saved)));
    }
    more
}

// Driving `update` by keys, as the tests of `update` do.

pub fn press(s: &mut State, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    update(s, Msg::Key(KeyEvent::new(code, mods)))
}
pub fn ch(s: &mut State, c: char) -> Vec<Effect> {
    press(s, KeyCode::Char(c), KeyModifiers::NONE)
}
pub fn code(s: &mut State, c: KeyCode) -> Vec<Effect> {
    press(s, c, KeyModifiers::NONE)
}
pub fn last_search(fx: &[Effect]) -> Option<(u64, String)> {
    fx.iter().find_map(|e| match e {
        Effect::Search { req, query, .. } => Some((*req, query.clone())),
        _ => None,
    })
}
pub fn body(width: u16, n: usize) -> WrappedBody {
    WrappedBody {
        width,
        lines: Arc::new((0..n).map(|i| Line::raw(format!("dòng {i}"))).collect()),
        links: Arc::new(Vec::new()),
        placed: Default::default(),
    }
}

/// A body of `n` lines whose first lines hold `links` numbered references ("[1]" ...),
/// with the links listed, as the renderer ends a text.
pub fn linked_body(width: u16, n: usize, links: usize) -> WrappedBody {
    let mut lines: Vec<Line<'static>> = (0..n).map(|i| Line::raw(format!("dòng {i}"))).collect();
    for (i, line) in lines.iter_mut().enumerate().take(links) {
        *line = Line::raw(format!("Đoạn {i} có liên kết[{}] ở đây.", i + 1));
    }
    WrappedBody {
        width,
        lines: Arc::new(lines),
        links: Arc::new(
            (1..=links)
                .map(|i| format!("http://127.0.0.1/trang/{i}.html"))
                .collect(),
        ),
        placed: Default::default(),
    }
}

/// The request id of the article-list load among `fx`.
pub fn articles_req(fx: &[Effect]) -> Option<u64> {
    fx.iter().find_map(|e| match e {
        Effect::LoadArticles { req, .. } => Some(*req),
        _ => None,
    })
}

/// The request id of the detail load among `fx`.
pub fn detail_req(fx: &[Effect]) -> Option<u64> {
    fx.iter().find_map(|e| match e {
        Effect::LoadDetail { req, .. } => Some(*req),
        _ => None,
    })
}

/// The full-text fetch among `fx`: its request id and address.
pub fn full_text_fetch(fx: &[Effect]) -> Option<(u64, String)> {
    fx.iter().find_map(|e| match e {
        Effect::FetchFullText { req, url, .. } => Some((*req, url.clone())),
        _ => None,
    })
}

/// Opens the first article of the list and answers its detail load.
pub fn open_first(s: &mut State, with_full: bool) -> Vec<Effect> {
    code(s, KeyCode::Enter);
    let fx = code(s, KeyCode::Enter);
    assert_eq!(s.focus, Pane::Reader);
    let req = detail_req(&fx);
    let mut d = detail(&s.reader.as_ref().unwrap().row);
    if with_full {
        d.full = Some(docbao::store::StoredExtract {
            html: body_html(),
            meta: Default::default(),
            fetched_at: now(),
        });
    }
    let mut all = fx.clone();
    all.extend(update(
        s,
        Msg::DetailLoaded {
            req: req.unwrap(),
            detail: Box::new(d),
        },
    ));
    all
}
