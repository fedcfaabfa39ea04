//! More `update` transitions: moving between unread articles, what a refresh does to the
//! list and to retention, scrolling the help.
mod tui_fixture;

use crossterm::event::KeyCode;
use docbao::app::state::{Pane, State};
use docbao::app::{Effect, Msg, update};
use docbao::feed::ArticleId;
use docbao::i18n::Lang;
use tui_fixture::*;

#[test]
fn next_unread_wraps_around_and_says_when_there_is_none() {
    // Rows: 10 unread, 11 read, 12 unread, 13 read.
    let mut s = loaded_state(Lang::Vi, 80, 24);
    // From the feed list the selected article itself is the next unread.
    ch(&mut s, 'n');
    assert_eq!((s.focus, s.articles.sel), (Pane::Articles, 0));
    ch(&mut s, 'n');
    assert_eq!(s.articles.sel, 2);
    ch(&mut s, 'n');
    assert_eq!(s.articles.sel, 0, "past the end it starts again at the top");
    ch(&mut s, 'N');
    assert_eq!(s.articles.sel, 2, "before the top it goes on from the end");
    assert_eq!(s.status.message, None);
    for r in s.articles.rows.iter_mut() {
        r.read = true;
    }
    ch(&mut s, 'n');
    assert_eq!(s.articles.sel, 2);
    assert_eq!(s.status.message.as_deref(), Some("Không còn bài chưa đọc"));
}

#[test]
fn a_refresh_keeps_the_selected_article_or_the_top_of_the_list() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    code(&mut s, KeyCode::Enter);
    let feeds = feeds();
    let fresh = article(99, &feeds[0], "Tin mới sau khi làm mới", 1, false, 0, false);
    let reload = |s: &mut State| {
        let mut rows = vec![fresh.clone()];
        rows.extend(articles(&feeds));
        let fx = update(
            s,
            Msg::RefreshDone {
                ok: 1,
                failed: 0,
                new: 1,
                offline: false,
                error: None,
            },
        );
        let req = fx
            .iter()
            .find_map(|e| match e {
                Effect::LoadArticles { req, .. } => Some(*req),
                _ => None,
            })
            .expect("a refresh reloads the list");
        update(s, Msg::ArticlesLoaded { req, rows });
    };
    // At the top: the new article shows, selected.
    reload(&mut s);
    assert_eq!(s.articles.rows[s.articles.sel].id, ArticleId(99));
    // Further down: the same article stays selected where it moved to.
    code(&mut s, KeyCode::Down);
    code(&mut s, KeyCode::Down);
    let chosen = s.articles.rows[s.articles.sel].id;
    reload(&mut s);
    assert_eq!(s.articles.rows[s.articles.sel].id, chosen);
}

#[test]
fn help_scrolls_within_its_text() {
    let mut s = loaded_state(Lang::En, 40, 20);
    ch(&mut s, '?');
    let max = docbao::view::help::max_scroll(&s);
    assert!(max > 10, "the help is longer than a 40x20 screen");
    ch(&mut s, 'G');
    assert!(
        s.help,
        "G goes to the end of the help, it does not close it"
    );
    assert_eq!(s.help_scroll, max);
    ch(&mut s, 'j');
    assert_eq!(s.help_scroll, max);
    ch(&mut s, 'k');
    assert_eq!(s.help_scroll, max - 1);
    ch(&mut s, 'g');
    assert_eq!(s.help_scroll, 0);
    code(&mut s, KeyCode::Esc);
    assert!(!s.help);
}

#[test]
fn retention_waits_until_no_article_is_open() {
    let done = || Msg::RefreshDone {
        ok: 1,
        failed: 0,
        new: 0,
        offline: false,
        error: None,
    };
    // Nothing open: retention runs first, then the lists reload and see its result.
    let mut s = loaded_state(Lang::Vi, 80, 24);
    let fx = update(&mut s, done());
    assert_eq!(fx.first(), Some(&Effect::Prune), "{fx:?}");
    assert!(fx.contains(&Effect::LoadFeeds));
    // Reading: it could delete the open article (read, unrated, old) before the user
    // rates it, so it waits for the reader to close.
    let mut s = loaded_state(Lang::Vi, 80, 24);
    open_first(&mut s, true);
    let fx = update(&mut s, done());
    assert!(!fx.contains(&Effect::Prune), "{fx:?}");
    ch(&mut s, '5');
    let fx = code(&mut s, KeyCode::Esc);
    assert_eq!(fx.first(), Some(&Effect::Prune), "{fx:?}");
    assert!(fx.contains(&Effect::LoadFeeds));
    assert!(!code(&mut s, KeyCode::Esc).contains(&Effect::Prune), "once");
    // Or quitting from the reader runs it before the end.
    let mut s = loaded_state(Lang::Vi, 80, 24);
    open_first(&mut s, true);
    update(&mut s, done());
    assert_eq!(ch(&mut s, 'Q'), vec![Effect::Prune, Effect::Quit]);
}
