//! `update` transitions: state in, state and effects out; no I/O, no clock.
use crate::tui_fixture;

use crossterm::event::{KeyCode, KeyModifiers};
use docbao::app::effect::BodyMode;
use docbao::app::state::{Connectivity, Filter, Pane};
use docbao::app::{Effect, Msg, update};
use docbao::feed::ArticleId;
use docbao::i18n::Lang;
use tui_fixture::*;

#[test]
fn ime_replacements_and_ctrl_h_edit_by_code_point() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    ch(&mut s, '/');
    assert_eq!(s.focus, Pane::Search);
    for c in ['v', 'i', 'e'] {
        ch(&mut s, c);
    }
    code(&mut s, KeyCode::Backspace);
    ch(&mut s, 'ê');
    press(&mut s, KeyCode::Char('h'), KeyModifiers::CONTROL);
    ch(&mut s, 'ệ');
    let fx = ch(&mut s, 't');
    assert_eq!(s.search.as_ref().unwrap().input, "việt");
    assert_eq!(last_search(&fx).unwrap().1, "việt");
    // Backspace removes one code point of a decomposed letter, not the whole cluster.
    let q = s.search.as_mut().unwrap();
    q.input = "e\u{302}".into();
    q.caret = q.input.len();
    code(&mut s, KeyCode::Backspace);
    assert_eq!(s.search.as_ref().unwrap().input, "e");
}

#[test]
fn paste_is_normalized_and_stale_results_dropped() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    ch(&mut s, '/');
    let fx = update(
        &mut s,
        Msg::Paste("Vie\u{323}\u{302}t\u{1b}]0;x\u{7}".into()),
    );
    let (old, q) = last_search(&fx).unwrap();
    assert_eq!(q, "Việt");
    let fx = ch(&mut s, 'z');
    let (new, _) = last_search(&fx).unwrap();
    let rows = s.articles.rows.clone();
    update(
        &mut s,
        Msg::SearchDone {
            req: old,
            rows: rows.clone(),
        },
    );
    assert!(
        s.search.as_ref().unwrap().rows.is_empty(),
        "a stale answer is dropped"
    );
    update(&mut s, Msg::SearchDone { req: new, rows });
    assert_eq!(s.search.as_ref().unwrap().rows.len(), 4);
    // Enter opens the selected result; Esc returns to the search.
    let fx = code(&mut s, KeyCode::Enter);
    assert_eq!(s.focus, Pane::Reader);
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadDetail { .. })));
    code(&mut s, KeyCode::Esc);
    assert_eq!(s.focus, Pane::Search);
}

#[test]
fn rating_is_shown_once_the_store_confirms_it_everywhere() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    code(&mut s, KeyCode::Enter);
    code(&mut s, KeyCode::Down);
    for (key, rating, before) in [('3', 3, 0), ('0', 0, 3)] {
        let fx = ch(&mut s, key);
        assert_eq!(
            fx,
            vec![Effect::SetRating {
                id: ArticleId(11),
                rating
            }]
        );
        // Not shown before it is on disk (a kill -9 now must not lose what the screen said).
        assert_eq!(s.articles.rows[1].rating, before);
        assert!(s.status.message.is_none());
        confirm_marks(&mut s, &fx);
        assert_eq!(s.articles.rows[1].rating, rating);
        assert!(s.status.message.is_some());
    }
    let fx = ch(&mut s, '2');
    assert_eq!(s.articles.rows[1].rating, 0, "unconfirmed");
    confirm_marks(&mut s, &fx);
    assert_eq!(s.articles.rows[1].rating, 2);
    // Rated in the reader: the reader's header and the list behind it both show it.
    let fx = code(&mut s, KeyCode::Enter);
    confirm_marks(&mut s, &fx);
    assert_eq!(s.focus, Pane::Reader);
    let fx = ch(&mut s, '4');
    assert_eq!(s.reader.as_ref().unwrap().row.rating, 2);
    confirm_marks(&mut s, &fx);
    assert_eq!(s.reader.as_ref().unwrap().row.rating, 4);
    assert_eq!(s.articles.rows[1].rating, 4);
    code(&mut s, KeyCode::Esc);
    // On the feed list there is no article to rate.
    code(&mut s, KeyCode::Esc);
    assert!(ch(&mut s, '5').is_empty());
}

#[test]
fn opening_marks_read_and_fetches_the_full_text_in_the_background() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    let fx = open_first(&mut s, false);
    assert!(fx.contains(&Effect::SetRead {
        id: ArticleId(10),
        read: true
    }));
    assert!(
        fx.iter().any(|e| matches!(e, Effect::RenderBody { .. })),
        "the cache shows at once"
    );
    let (req, url) = full_text_fetch(&fx).expect("full text requested");
    assert_eq!(url, "http://127.0.0.1/bai/10.html");
    assert!(s.busy());
    // Success reloads the detail; the list shows the full-text mark.
    let fx = update(
        &mut s,
        Msg::FullTextDone {
            req,
            id: ArticleId(10),
            result: Ok(()),
            offline: false,
        },
    );
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadDetail { .. })));
    assert!(s.articles.rows[0].full_text);
}

#[test]
fn esc_cancels_the_fetch_and_connection_failures_go_offline() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    let fx = open_first(&mut s, false);
    let req = full_text_fetch(&fx).map(|(req, _)| req);
    let fx = update(
        &mut s,
        Msg::FullTextDone {
            req: req.unwrap(),
            id: ArticleId(10),
            result: Err("could not connect".into()),
            offline: true,
        },
    );
    assert!(fx.iter().all(|e| !matches!(e, Effect::LoadDetail { .. })));
    assert_eq!(s.connectivity, Connectivity::Lost);
    // The network is tried again on refresh; success brings it back.
    code(&mut s, KeyCode::Esc);
    let fx = ch(&mut s, 'R');
    assert!(fx.contains(&Effect::Refresh { feeds: None }));
    update(
        &mut s,
        Msg::RefreshDone {
            ok: 5,
            failed: 0,
            new: 2,
            offline: false,
            error: None,
        },
    );
    assert_eq!(s.connectivity, Connectivity::Online);

    let mut s = loaded_state(Lang::Vi, 80, 24);
    let fx = open_first(&mut s, false);
    assert!(fx.iter().any(|e| matches!(e, Effect::FetchFullText { .. })));
    let fx = code(&mut s, KeyCode::Esc);
    assert!(fx.contains(&Effect::CancelFetch));
    assert!(!s.busy());
}

#[test]
fn forced_offline_never_asks_for_the_network() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    s.connectivity = Connectivity::Forced;
    let fx = open_first(&mut s, false);
    assert!(
        fx.iter()
            .all(|e| !matches!(e, Effect::FetchFullText { .. }))
    );
    assert!(ch(&mut s, 'R').is_empty());
    assert!(s.status.error.is_some());
    // Ratings and read marks still save.
    assert_eq!(
        ch(&mut s, '5'),
        vec![Effect::SetRating {
            id: ArticleId(10),
            rating: 5
        }]
    );
}

#[test]
fn resize_rewraps_and_keeps_the_place() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    let fx = open_first(&mut s, true);
    let req = fx.iter().find_map(|e| match e {
        Effect::RenderBody { req, width, .. } => Some((*req, *width)),
        _ => None,
    });
    let (req, width) = req.unwrap();
    assert_eq!(width, 78);
    update(
        &mut s,
        Msg::BodyRendered {
            req,
            body: body(width, 400),
        },
    );
    for _ in 0..10 {
        code(&mut s, KeyCode::PageDown);
    }
    let before = s.reader.as_ref().unwrap().scroll;
    assert!(before > 100, "{before}");
    let fx = update(
        &mut s,
        Msg::Resize {
            width: 40,
            height: 20,
        },
    );
    let (req, width) = fx
        .iter()
        .find_map(|e| match e {
            Effect::RenderBody { req, width, .. } => Some((*req, *width)),
            _ => None,
        })
        .expect("a new width wraps again");
    assert_eq!(width, 38);
    update(
        &mut s,
        Msg::BodyRendered {
            req,
            body: body(width, 800),
        },
    );
    assert_eq!(s.reader.as_ref().unwrap().scroll, before * 2);
    // A resize that keeps the width asks for nothing.
    let fx = update(
        &mut s,
        Msg::Resize {
            width: 40,
            height: 30,
        },
    );
    assert!(fx.iter().all(|e| !matches!(e, Effect::RenderBody { .. })));
}

#[test]
fn toggle_between_full_text_and_summary() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    open_first(&mut s, true);
    let fx = ch(&mut s, 't');
    assert_eq!(s.reader.as_ref().unwrap().mode, BodyMode::Summary);
    let html = fx.iter().find_map(|e| match e {
        Effect::RenderBody { html, .. } => Some(html.clone()),
        _ => None,
    });
    assert!(html.unwrap().contains("Tóm tắt"));
    ch(&mut s, 't');
    assert_eq!(s.reader.as_ref().unwrap().mode, BodyMode::Full);
}

#[test]
fn back_to_full_text_tries_the_fetch_again() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    let (req, _) = full_text_fetch(&open_first(&mut s, false)).expect("full text requested");
    update(
        &mut s,
        Msg::FullTextDone {
            req,
            id: ArticleId(10),
            result: Err("HTTP 503".into()),
            offline: false,
        },
    );
    // The summary needs no fetch; the full text again asks for it.
    assert_eq!(full_text_fetch(&ch(&mut s, 't')), None);
    let (_, url) = full_text_fetch(&ch(&mut s, 't')).expect("the fetch tried again");
    assert_eq!(url, "http://127.0.0.1/bai/10.html");
    assert!(s.reader.as_ref().unwrap().fetching());
    // Forced offline, it is not tried.
    let mut s = loaded_state(Lang::Vi, 80, 24);
    s.connectivity = Connectivity::Forced;
    assert_eq!(full_text_fetch(&open_first(&mut s, false)), None);
    ch(&mut s, 't');
    assert_eq!(full_text_fetch(&ch(&mut s, 't')), None);
}

#[test]
fn quit_keys_filter_and_sort() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    code(&mut s, KeyCode::Enter);
    let fx = ch(&mut s, 'f');
    assert_eq!(s.articles.filter, Filter::Unread);
    // Said in the status bar, and kept in the list's title row.
    let label = docbao::i18n::tr(Lang::Vi, docbao::i18n::T::FilterUnread);
    assert_eq!(s.status.message.as_deref(), Some(label));
    s.status.message = None;
    assert!(
        draw(&s).0.lines().next().unwrap().contains(label),
        "{}",
        draw(&s).0
    );
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::LoadArticles { query, .. } if query.unread_only))
    );
    let fx = ch(&mut s, 'f');
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::LoadArticles { query, .. } if query.min_rating == 1))
    );
    let fx = ch(&mut s, 's');
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadArticles { query, .. } if query.sort == docbao::store::ArticleSort::HighestRated)));
    // q goes back, then quits from the feed list; Q quits from anywhere.
    assert!(ch(&mut s, 'q').is_empty());
    assert_eq!(s.focus, Pane::Feeds);
    assert_eq!(ch(&mut s, 'q'), vec![Effect::Quit]);
    let mut s = loaded_state(Lang::Vi, 80, 24);
    open_first(&mut s, true);
    assert!(ch(&mut s, 'Q').contains(&Effect::Quit));
    assert!(s.quit);
}

#[test]
fn feed_navigation_stops_on_categories_and_loads_lists() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    // All, Unread, Rated, Evil, [International], BBC News, [Tin Việt Nam], An ninh, ...
    for _ in 0..3 {
        code(&mut s, KeyCode::Down);
    }
    let fx = code(&mut s, KeyCode::Down);
    assert_eq!(
        s.feed_sel, 4,
        "a category header is a stop (it can be folded)"
    );
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LoadArticles { .. })),
        "a header has no list of its own: {fx:?}"
    );
    code(&mut s, KeyCode::Down);
    code(&mut s, KeyCode::Down);
    let fx = code(&mut s, KeyCode::Down);
    assert_eq!(s.feed_sel, 7);
    let q = fx.iter().find_map(|e| match e {
        Effect::LoadArticles { query, .. } => Some(query.clone()),
        _ => None,
    });
    assert_eq!(
        q.unwrap().feed.map(|f| f.0),
        Some(3),
        "An ninh comes first in Vietnamese order"
    );
    code(&mut s, KeyCode::Up);
    assert_eq!(s.feed_sel, 6);
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    code(&mut s, KeyCode::Enter);
    let (_, vs) = draw(&s);
    let (pane, index) = vs.hit(10, 3).expect("a row under the pointer");
    assert_eq!((pane, index), (Pane::Articles, 2));
    update(&mut s, Msg::Click { pane, index });
    assert_eq!(s.articles.sel, 2);
    // A second click on the selected row opens it.
    let fx = update(&mut s, Msg::Click { pane, index });
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadDetail { .. })));
    code(&mut s, KeyCode::Esc);
    update(
        &mut s,
        Msg::Wheel {
            pane: Pane::Articles,
            delta: 1,
        },
    );
    assert_eq!(s.articles.sel, 3);
}

#[test]
fn only_web_addresses_open_in_the_browser() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    code(&mut s, KeyCode::Enter);
    assert_eq!(
        ch(&mut s, 'o'),
        vec![Effect::OpenBrowser {
            url: "http://127.0.0.1/bai/10.html".into()
        }]
    );
    s.articles.rows[0].url = Some("file:///etc/passwd".into());
    assert!(ch(&mut s, 'o').is_empty());
    assert!(s.status.error.is_some());
    s.articles.rows[0].url = Some("javascript:alert(1)".into());
    assert!(ch(&mut s, 'o').is_empty());
}

#[test]
fn time_comes_from_the_state() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    code(&mut s, KeyCode::Enter);
    assert!(draw(&s).0.contains("5 phút trước"));
    update(&mut s, Msg::Clock(now() + chrono::Duration::minutes(10)));
    assert!(draw(&s).0.contains("15 phút trước"));
    let mut e = loaded_state(Lang::En, 80, 24);
    code(&mut e, KeyCode::Enter);
    assert!(draw(&e).0.contains("5 min ago"));
}

#[test]
fn search_cursor_sits_at_the_caret_and_selection_is_styled() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut s = loaded_state(Lang::Vi, 80, 24);
    ch(&mut s, '/');
    for c in "đường".chars() {
        ch(&mut s, c);
    }
    code(&mut s, KeyCode::Left);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut vs = docbao::view::ViewState::default();
    let theme = docbao::theme::Theme::default();
    term.draw(|f| docbao::view::render(&s, &theme, &mut vs, f))
        .unwrap();
    // Box at row 1; text starts at column 1; "đườn" is 4 columns.
    assert_eq!(
        term.get_cursor_position().unwrap(),
        ratatui::layout::Position::new(5, 2)
    );

    let mut s = loaded_state(Lang::Vi, 80, 24);
    code(&mut s, KeyCode::Enter);
    let buf = buffer(&s);
    let selected = &buf[(5, 1)];
    assert!(
        selected
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert!(
        !buf[(5, 2)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
}

#[test]
fn rebinding_changes_keys_and_help() {
    let mut s = loaded_state(Lang::En, 80, 24);
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("move_down".to_string(), vec!["ctrl-n".to_string()]);
    s.keymap = docbao::app::keymap::KeyMap::from_config(&keys).unwrap();
    code(&mut s, KeyCode::Enter);
    ch(&mut s, 'j');
    assert_eq!(s.articles.sel, 0);
    press(&mut s, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(s.articles.sel, 1);
    ch(&mut s, '?');
    assert!(draw(&s).0.contains("Ctrl+n"));
}

#[test]
fn search_matches_are_marked_in_titles() {
    use ratatui::style::Modifier;
    let mut s = loaded_state(Lang::Vi, 80, 24);
    ch(&mut s, '/');
    let mut fx = Vec::new();
    for c in "duong sat".chars() {
        fx = ch(&mut s, c);
    }
    let (req, _) = last_search(&fx).unwrap();
    let mut row = s.articles.rows[1].clone();
    row.title = "Vie\u{323}\u{302}t Nam: Đường sắt tốc độ cao".into();
    update(
        &mut s,
        Msg::SearchDone {
            req,
            rows: vec![row],
        },
    );
    let buf = buffer(&s);
    // Row 5 holds the first result; the title starts at column 3.
    let line: String = (0..40).map(|x| buf[(x, 5)].symbol().to_string()).collect();
    assert!(line.contains("Việt Nam: Đường sắt tốc"), "{line}");
    let col = |text: &str| 3 + docbao::text::wrap::width(text) as u16;
    let marked = |x: u16| buf[(x, 5)].modifier.contains(Modifier::UNDERLINED);
    assert!(!marked(col("Việt Nam: ") - 1));
    assert!(marked(col("Việt Nam: ")), "Đ of Đường");
    assert!(marked(col("Việt Nam: Đường sắ")), "t of sắt");
    assert!(!marked(col("Việt Nam: Đường sắt ")), "tốc is no match");
}

/// The reader and `docbao read` show the same feed text in place of the page: the longer of
/// the feed's content and summary, never an empty one.
#[test]
fn without_the_page_the_feed_text_is_the_fuller_one() {
    use docbao::app::reader::body_html;
    let rows = articles(&feeds());
    let mut d = detail(&rows[0]);
    d.content = Some("<p>Ngắn.</p>".into());
    let summary = d.summary.clone().unwrap();
    assert_eq!(body_html(&d, BodyMode::Full), Some(summary.as_str()));
    assert_eq!(body_html(&d, BodyMode::Summary), Some(summary.as_str()));
    d.summary = Some("   ".into());
    assert_eq!(body_html(&d, BodyMode::Summary), Some("<p>Ngắn.</p>"));
    d.content = None;
    assert_eq!(body_html(&d, BodyMode::Full), None);
}
