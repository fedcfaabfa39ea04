//! TUI speed: the first frame from a 10,000-article cache (open the store, load feeds and the
//! "All" list, render), a key press to its frame, and scrolling at the end of a 5 MB article
//! (wrapped once, then only the visible rows are drawn).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark that cannot set up stops, with the line that failed"
)]
use chrono::{Duration, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::app::state::{Pane, Reader, State};
use docbao::app::{Effect, Msg, update};
use docbao::feed::{ParsedFeed, ParsedItem};
use docbao::i18n::Lang;
use docbao::runtime::body::wrap_body;
use docbao::store::{ArticleQuery, Store, Validators};
use docbao::view::{self, ViewState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

mod harness;

const PARA: &str = "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ, \
    trình Quốc hội xem xét việc điều chỉnh chủ trương đầu tư dự án đường sắt tốc độ cao trên \
    trục Bắc - Nam.";

/// 10 feeds of 1,000 articles each, written once.
fn build_cache(path: &Path) {
    let mut store = Store::open(path).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
    for f in 0..10 {
        let (id, _) = store
            .add_feed(
                &format!("http://127.0.0.1/{f}.xml"),
                Some(&format!("Nguồn {f}")),
                Some("Tin Việt Nam"),
            )
            .unwrap();
        let items = (0..1000)
            .map(|i| ParsedItem {
                guid: Some(format!("{f}-{i}")),
                url: Some(format!("http://127.0.0.1/{f}/{i}.html")),
                title: format!("Bài {i} của nguồn {f}: đường sắt tốc độ cao Bắc - Nam"),
                author: None,
                published: Some(now - Duration::minutes((f * 1000 + i) as i64)),
                summary: Some(format!("<p>{PARA}</p>")),
                content: None,
            })
            .collect();
        let parsed = ParsedFeed {
            title: None,
            site_url: None,
            items,
        };
        store
            .save_fetch(id, &parsed, &Validators::default(), now)
            .unwrap();
    }
}

fn frame(state: &State, term: &mut Terminal<TestBackend>, vs: &mut ViewState) {
    let theme = docbao::theme::Theme::default();
    term.draw(|f| view::render(state, &theme, vs, f)).unwrap();
}

/// What the runner does before the first frame.
fn first_frame(path: &Path) -> (State, Terminal<TestBackend>, ViewState) {
    let store = Store::open(path).unwrap();
    let mut state = State::new(Lang::Vi, Utc::now());
    update(
        &mut state,
        Msg::Resize {
            width: 120,
            height: 40,
        },
    );
    let feeds = store.feeds().unwrap();
    for fx in update(&mut state, Msg::FeedsLoaded(feeds)) {
        if let Effect::LoadArticles { req, query } = fx {
            let rows = store.articles(&query).unwrap();
            update(&mut state, Msg::ArticlesLoaded { req, rows });
        }
    }
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut vs = ViewState::default();
    frame(&state, &mut term, &mut vs);
    (state, term, vs)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn main() {
    let mut h = harness::Harness::new("tui");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    build_cache(&path);
    assert_eq!(
        Store::open(&path)
            .unwrap()
            .articles(&ArticleQuery::default())
            .unwrap()
            .len(),
        10_000
    );

    h.group("tui", 10);
    h.bench("first frame, 10,000 cached articles", || {
        black_box(first_frame(&path))
    });

    let (mut state, mut term, mut vs) = first_frame(&path);
    update(&mut state, key(KeyCode::Enter));
    assert_eq!(state.focus, Pane::Articles);
    h.bench("key press to frame (move down in 10,000)", || {
        let fx = update(&mut state, key(KeyCode::Down));
        frame(&state, &mut term, &mut vs);
        black_box(fx)
    });

    // One story in three told by three papers: the list shows 3,334 rows, "+2 báo khác".
    let grouped: Vec<_> = Store::open(&path)
        .unwrap()
        .articles(&ArticleQuery::default())
        .unwrap()
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r.story = Some((i / 3) as i64);
            r
        })
        .collect();
    h.bench("group 10,000 rows into stories", || {
        black_box(docbao::app::stories::group(grouped.clone()))
    });
    let (mut state, mut term, mut vs) = first_frame(&path);
    update(&mut state, key(KeyCode::Enter));
    let req = state.articles.req;
    update(
        &mut state,
        Msg::ArticlesLoaded {
            req,
            rows: grouped.clone(),
        },
    );
    assert_eq!(state.articles.rows.len(), 3334);
    h.bench("key press to frame (move down, stories grouped)", || {
        let fx = update(&mut state, key(KeyCode::Down));
        frame(&state, &mut term, &mut vs);
        black_box(fx)
    });
    // Issue 10: a saved search every one of the 10,000 articles matches, opened from the
    // feed list: the key, the store's query (as the runner runs it), the list, a frame.
    let saved = {
        let mut store = Store::open(&path).unwrap();
        store
            .save_search(&docbao::store::SavedSearch {
                name: "Đường sắt".into(),
                query: "duong sat".into(),
                feed: None,
                unread_only: false,
                min_rating: 0,
                days: None,
            })
            .unwrap();
        store
    };
    let (mut state, mut term, mut vs) = first_frame(&path);
    update(
        &mut state,
        Msg::SavedLoaded(saved.saved_searches().unwrap()),
    );
    h.bench(
        "open a saved search of 10,000 (key, store, list, frame)",
        || {
            update(&mut state, key(KeyCode::Char('g')));
            let mut n = 0;
            for fx in update(&mut state, key(KeyCode::Char('j')))
                .into_iter()
                .chain(update(&mut state, key(KeyCode::Char('j'))))
                .chain(update(&mut state, key(KeyCode::Char('j'))))
            {
                if let Effect::LoadSaved { req, name, .. } = fx {
                    let rows = saved.saved_search_articles(&name, 20_000).unwrap();
                    n = rows.len();
                    update(&mut state, Msg::ArticlesLoaded { req, rows });
                }
            }
            assert_eq!(n, 10_000);
            frame(&state, &mut term, &mut vs);
        },
    );

    // A 5 MB article, wrapped once at the reader's width.
    let mut html = String::with_capacity(5_300_000);
    let mut i = 0;
    while html.len() < 5 * 1024 * 1024 {
        html.push_str(&format!("<p>Đoạn {i}. {PARA}</p>"));
        i += 1;
    }
    let mut state = State::new(Lang::Vi, Utc::now());
    update(
        &mut state,
        Msg::Resize {
            width: 80,
            height: 24,
        },
    );
    let row = Store::open(&path)
        .unwrap()
        .articles(&ArticleQuery {
            limit: Some(1),
            ..Default::default()
        })
        .unwrap()
        .remove(0);
    let width = docbao::layout::reader_text(state.shape()).unwrap().width;
    let started = Instant::now();
    let rendered = wrap_body(&html, width, Lang::Vi);
    eprintln!(
        "article::render of the 5 MB page at {width} columns, once: {:?} ({} lines; the \
         renderer keeps the first 2 MiB of HTML)",
        started.elapsed(),
        rendered.lines.len()
    );
    // All 5 MB as wrapped lines (past the renderer's cap), to scroll at its very end.
    let started = Instant::now();
    let mut lines = Vec::new();
    let mut bytes = 0;
    let mut i = 0;
    while bytes < 5 * 1024 * 1024 {
        let para = format!("Đoạn {i}. {PARA}");
        bytes += para.len();
        lines.extend(
            docbao::text::wrap::wrap(&para, width as usize)
                .into_iter()
                .map(ratatui::text::Line::raw),
        );
        lines.push(ratatui::text::Line::default());
        i += 1;
    }
    let body = docbao::app::WrappedBody {
        width,
        lines: std::sync::Arc::new(lines),
        links: std::sync::Arc::new(Vec::new()),
        placed: Default::default(),
    };
    eprintln!(
        "wrapping 5 MB of text once: {:?} ({} lines)",
        started.elapsed(),
        body.lines.len()
    );
    let mut reader = Reader::new(row, 0, false);
    reader.body = Some(body);
    reader.render_width = width;
    state.reader = Some(reader);
    state.focus = Pane::Reader;
    update(&mut state, key(KeyCode::End));
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut vs = ViewState::default();
    let mut up = true;
    h.bench("scroll at the end of a 5 MB article (key + frame)", || {
        let fx = update(
            &mut state,
            key(if up { KeyCode::Up } else { KeyCode::Down }),
        );
        up = !up;
        frame(&state, &mut term, &mut vs);
        black_box(fx)
    });
    // Hint mode at the end of the same article, its references lit on every frame.
    if let Some(r) = state.reader.as_mut() {
        let mut body = r.body.clone().unwrap();
        let mut lines = (*body.lines).clone();
        for l in lines.iter_mut().rev().take(40) {
            *l = ratatui::text::Line::raw(format!("{PARA} liên kết[1] và[12]"));
        }
        body.lines = std::sync::Arc::new(lines);
        body.links = std::sync::Arc::new(
            (1..=20)
                .map(|i| format!("http://127.0.0.1/{i}.html"))
                .collect(),
        );
        r.body = Some(body);
    }
    update(&mut state, key(KeyCode::Char('L')));
    assert!(state.reader.as_ref().unwrap().hints.is_some());
    let mut typed = false;
    h.bench("key press to frame in hint mode (5 MB article)", || {
        let fx = update(
            &mut state,
            key(if typed {
                KeyCode::Backspace
            } else {
                KeyCode::Char('1')
            }),
        );
        typed = !typed;
        frame(&state, &mut term, &mut vs);
        black_box(fx)
    });
}
