//! Bulk read marks with undo, feeds managed in the reader, the category tree and saved
//! searches as virtual feeds: `update` driven by keys, answered as the runner would, and
//! the prompts and the tree drawn at 80x24 and 40x20.
use crate::tui_fixture;

use crossterm::event::{KeyCode, KeyModifiers};
use docbao::app::manage::{Added, Edit};
use docbao::app::prompt::{Ask, Confirm};
use docbao::app::state::{FeedEntry, Pane, State};
use docbao::app::{Effect, Msg, update};
use docbao::feed::{ArticleId, FeedId};
use docbao::i18n::Lang;
use docbao::store::{SavedSearch, SavedSearchRow, Selection};
use tui_fixture::*;

fn typed(s: &mut State, text: &str) -> Vec<Effect> {
    let mut fx = Vec::new();
    for c in text.chars() {
        fx.extend(ch(s, c));
    }
    fx
}

fn marks(fx: &[Effect]) -> Vec<(Vec<Selection>, bool, bool)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Mark {
                selections,
                read,
                undo,
            } => Some((selections.clone(), *read, *undo)),
            _ => None,
        })
        .collect()
}

fn row_read(s: &State, id: i64) -> bool {
    s.articles
        .rows
        .iter()
        .find(|r| r.id == ArticleId(id))
        .map(|r| r.read)
        .expect("listed")
}

/// Selects feed-list row `i` from the top.
fn select(s: &mut State, i: usize) {
    s.focus = Pane::Feeds;
    ch(s, 'g');
    for _ in 0..i {
        ch(s, 'j');
    }
    assert_eq!(s.feed_sel, i);
}

fn snap(name: &str, s: &State) {
    let (screen, _) = draw(s);
    let lang = match s.lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    insta::assert_snapshot!(format!("{name}_{lang}_{}x{}", s.width, s.height), screen);
}

#[test]
fn mark_feed_read_then_undo_restores_exactly_what_changed() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    select(&mut s, 9); // Tuổi Trẻ
    let req = s.articles.req;
    let rows = articles(&feeds());
    update(&mut s, Msg::ArticlesLoaded { req, rows });
    let fx = ch(&mut s, 'A');
    assert_eq!(
        marks(&fx),
        vec![(vec![Selection::Feed(FeedId(1))], true, false)]
    );
    assert!(!row_read(&s, 10), "shown once on disk, not before");
    // The store changed only 10 (11 was read already).
    let fx = update(
        &mut s,
        Msg::Marked {
            changed: vec![ArticleId(10)],
            read: true,
            undo: false,
        },
    );
    assert!(fx.contains(&Effect::LoadFeeds), "the counts follow");
    assert!(row_read(&s, 10));
    let msg = s.status.message.clone().unwrap();
    assert!(
        msg.contains("1 bài") && msg.contains("U: hoàn tác"),
        "{msg}"
    );
    // Undo: exactly the ids changed, the other way; ratings are no part of it.
    let fx = ch(&mut s, 'U');
    assert_eq!(
        marks(&fx),
        vec![(vec![Selection::Ids(vec![ArticleId(10)])], false, true)]
    );
    update(
        &mut s,
        Msg::Marked {
            changed: vec![ArticleId(10)],
            read: false,
            undo: true,
        },
    );
    assert!(!row_read(&s, 10));
    assert!(row_read(&s, 11), "what was read before stays read");
    // A mark that changed nothing is not what U undoes.
    ch(&mut s, 'A');
    update(
        &mut s,
        Msg::Marked {
            changed: vec![ArticleId(10)],
            read: true,
            undo: false,
        },
    );
    update(
        &mut s,
        Msg::Marked {
            changed: vec![],
            read: true,
            undo: false,
        },
    );
    assert_eq!(
        marks(&ch(&mut s, 'U')),
        vec![(vec![Selection::Ids(vec![ArticleId(10)])], false, true)]
    );
    // One level: nothing left to undo.
    assert!(marks(&ch(&mut s, 'U')).is_empty());
    assert_eq!(s.status.message.as_deref(), Some("Không có gì để hoàn tác"));
}

#[test]
fn mark_all_asks_first_and_any_other_key_cancels() {
    let mut s = loaded_state(Lang::En, 80, 24);
    assert!(ch(&mut s, 'C').is_empty());
    assert!(matches!(
        s.prompt.as_ref().map(|p| &p.ask),
        Some(Ask::Confirm(Confirm::MarkAll))
    ));
    snap("confirm_mark_all", &s);
    assert!(ch(&mut s, 'n').is_empty());
    assert!(s.prompt.is_none());
    ch(&mut s, 'C');
    assert!(code(&mut s, KeyCode::Esc).is_empty());
    ch(&mut s, 'C');
    assert_eq!(
        marks(&ch(&mut s, 'y')),
        vec![(vec![Selection::All], true, false)]
    );
    // A on All (or Unread) is the same question.
    select(&mut s, 1);
    assert!(ch(&mut s, 'A').is_empty());
    assert!(s.prompt.is_some());
}

#[test]
fn mark_above_the_cursor_marks_the_rows_above_it() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    code(&mut s, KeyCode::Enter);
    assert_eq!(s.focus, Pane::Articles);
    // At the top: nothing above.
    assert!(marks(&ch(&mut s, 'M')).is_empty());
    ch(&mut s, 'j');
    ch(&mut s, 'j');
    let ids: Vec<ArticleId> = s.articles.rows[..2].iter().map(|r| r.id).collect();
    assert_eq!(
        marks(&ch(&mut s, 'M')),
        vec![(vec![Selection::Ids(ids)], true, false)]
    );
}

#[test]
fn a_filtered_list_or_a_search_is_marked_after_a_confirmation() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    select(&mut s, 5);
    code(&mut s, KeyCode::Enter);
    // Filter: rated only.
    ch(&mut s, 'f');
    let fx = ch(&mut s, 'f');
    let req = articles_req(&fx).unwrap();
    let rows: Vec<_> = articles(&feeds())
        .into_iter()
        .filter(|r| r.rating > 0)
        .collect();
    let ids: Vec<ArticleId> = rows.iter().map(|r| r.id).collect();
    update(&mut s, Msg::ArticlesLoaded { req, rows });
    assert!(ch(&mut s, 'A').is_empty(), "asks first");
    assert_eq!(
        s.prompt.as_ref().map(|p| &p.ask),
        Some(&Ask::Confirm(Confirm::MarkList(ids.clone())))
    );
    snap("confirm_mark_list", &s);
    assert_eq!(
        marks(&ch(&mut s, 'y')),
        vec![(vec![Selection::Ids(ids)], true, false)]
    );
    // In the search screen letters are typed: Ctrl+A marks its results.
    ch(&mut s, '/');
    typed(&mut s, "xăn");
    let (req, _) = last_search(&ch(&mut s, 'g')).unwrap();
    let rows = articles(&feeds())[2..4].to_vec();
    let ids: Vec<ArticleId> = rows.iter().map(|r| r.id).collect();
    update(&mut s, Msg::SearchDone { req, rows });
    assert!(press(&mut s, KeyCode::Char('a'), KeyModifiers::CONTROL).is_empty());
    assert_eq!(
        marks(&ch(&mut s, 'y')),
        vec![(vec![Selection::Ids(ids)], true, false)]
    );
}

#[test]
fn adding_a_feed_asks_for_a_url_and_says_what_happened() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    assert!(ch(&mut s, 'a').is_empty());
    typed(&mut s, "http://127.0.0.1/rss");
    snap("prompt_add_feed", &s);
    let fx = code(&mut s, KeyCode::Enter);
    assert_eq!(
        fx,
        vec![Effect::AddFeed {
            url: "http://127.0.0.1/rss".into()
        }]
    );
    assert!(s.adding && s.busy(), "the spinner turns while it is added");
    // Down right now: added anyway, with the reason.
    let fx = update(
        &mut s,
        Msg::FeedAdded(Ok(Added {
            id: FeedId(4),
            name: "BBC News".into(),
            added: true,
            down: Some("HTTP 503".into()),
        })),
    );
    assert!(fx.contains(&Effect::LoadFeeds));
    let msg = s.status.message.clone().unwrap();
    assert_eq!(msg, "Đã thêm: BBC News; chưa tải được: HTTP 503");
    // The new feed is selected once the list comes back, its articles asked for.
    let fx = update(&mut s, Msg::FeedsLoaded(feeds()));
    assert_eq!(s.selected_entry(), Some(&FeedEntry::Feed(1)));
    assert_eq!(s.feeds[1].id, FeedId(4));
    assert!(articles_req(&fx).is_some());
    // Refused: the reason as the error.
    ch(&mut s, 'a');
    typed(&mut s, "ftp://x");
    code(&mut s, KeyCode::Enter);
    update(
        &mut s,
        Msg::FeedAdded(Err("not an http or https URL: ftp://x".into())),
    );
    assert!(!s.adding);
    // Said first on the status line, even on a feed whose own failure is shown there.
    let (screen, _) = draw(&s);
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("Không thêm được: not an http or https URL"),
        "{status}"
    );
    // An empty answer does nothing.
    ch(&mut s, 'a');
    assert!(code(&mut s, KeyCode::Enter).is_empty());
}

#[test]
fn remove_rename_and_move_act_on_the_selected_feed() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    select(&mut s, 5); // BBC News, in International
    assert!(ch(&mut s, 'D').is_empty(), "asks first");
    snap("confirm_remove_feed", &s);
    assert!(ch(&mut s, 'n').is_empty());
    ch(&mut s, 'D');
    assert_eq!(
        ch(&mut s, 'y'),
        vec![Effect::EditFeeds(Edit::Remove(FeedId(4)))]
    );
    // Rename: the box starts with the title.
    ch(&mut s, 'c');
    assert_eq!(s.prompt.as_ref().unwrap().input, "BBC News");
    code(&mut s, KeyCode::Backspace);
    typed(&mut s, "s Việt");
    assert_eq!(
        code(&mut s, KeyCode::Enter),
        vec![Effect::EditFeeds(Edit::Rename(
            FeedId(4),
            Some("BBC News Việt".into())
        ))]
    );
    // Move: the box starts with the category path; a nested one is made on the fly.
    ch(&mut s, 'm');
    assert_eq!(s.prompt.as_ref().unwrap().input, "International");
    typed(&mut s, "/Anh");
    snap("prompt_move_feed", &s);
    assert_eq!(
        code(&mut s, KeyCode::Enter),
        vec![Effect::EditFeeds(Edit::Move(
            FeedId(4),
            Some("International/Anh".into())
        ))]
    );
    // Emptied: out of any category.
    ch(&mut s, 'm');
    press(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(
        code(&mut s, KeyCode::Enter),
        vec![Effect::EditFeeds(Edit::Move(FeedId(4), None))]
    );
    // Done: said, and the feed list reloaded.
    let fx = update(&mut s, Msg::Edited(Edit::Move(FeedId(4), None)));
    assert_eq!(fx, vec![Effect::LoadFeeds]);
    assert_eq!(s.status.message.as_deref(), Some("Đã bỏ khỏi mục"));
    // On a virtual feed these keys say what they need.
    select(&mut s, 0);
    assert!(ch(&mut s, 'c').is_empty() && s.prompt.is_none());
    assert!(s.status.message.is_some());
}

#[test]
fn removing_the_feed_shown_loads_another_list() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    select(&mut s, 5);
    code(&mut s, KeyCode::Enter);
    code(&mut s, KeyCode::Esc);
    update(&mut s, Msg::Edited(Edit::Remove(FeedId(4))));
    assert!(s.articles.rows.is_empty(), "its articles are gone");
    let rest: Vec<_> = feeds().into_iter().filter(|f| f.id != FeedId(4)).collect();
    let fx = update(&mut s, Msg::FeedsLoaded(rest));
    assert!(
        articles_req(&fx).is_some(),
        "the list follows the selection"
    );
}

fn nested() -> Vec<docbao::store::FeedRow> {
    let mut f = feeds();
    f.push(feed(
        7,
        "VnExpress Số hóa",
        Some("Tin Việt Nam/VnExpress"),
        3,
        8,
    ));
    f.push(feed(
        8,
        "VnExpress Thể thao",
        Some("Tin Việt Nam/VnExpress"),
        0,
        4,
    ));
    f
}

fn saved_rows() -> Vec<SavedSearchRow> {
    vec![SavedSearchRow {
        search: SavedSearch {
            name: "giá xăng".into(),
            query: "gia xang".into(),
            feed: None,
            unread_only: false,
            min_rating: 0,
            days: None,
        },
        unread: 3,
        total: 17,
    }]
}

#[test]
fn nested_categories_are_a_tree_that_folds() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    update(&mut s, Msg::FeedsLoaded(nested()));
    let names: Vec<String> = s
        .entries
        .iter()
        .map(|e| match e {
            FeedEntry::Category(c) => format!("[{c}]"),
            FeedEntry::Feed(i) => s.feeds[*i].title.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    let at = names.iter().position(|n| n == "[Tin Việt Nam]").unwrap();
    assert_eq!(names[at + 5], "[Tin Việt Nam/VnExpress]", "{names:?}");
    assert_eq!(names[at + 6], "VnExpress Số hóa");
    // z on a feed folds its category; the cursor goes to the header.
    select(&mut s, at + 6);
    ch(&mut s, 'z');
    assert_eq!(
        s.selected_entry(),
        Some(&FeedEntry::Category("Tin Việt Nam/VnExpress".into()))
    );
    assert_eq!(s.entries.len(), names.len() - 2);
    // Folding the parent hides the child header too; Enter unfolds.
    select(&mut s, at);
    ch(&mut s, 'z');
    assert_eq!(s.entries.len(), at + 1, "{:?}", s.entries);
    snap("feed_tree_folded", &s);
    code(&mut s, KeyCode::Enter);
    assert_eq!(
        s.focus,
        Pane::Feeds,
        "Enter on a header folds, it opens nothing"
    );
    assert_eq!(s.entries.len(), names.len() - 2, "the child stays folded");
}

#[test]
fn tree_and_saved_searches_drawn() {
    for (w, h) in [(80, 24), (40, 20)] {
        let mut s = loaded_state(Lang::Vi, w, h);
        update(&mut s, Msg::FeedsLoaded(nested()));
        update(&mut s, Msg::SavedLoaded(saved_rows()));
        snap("feed_tree_saved", &s);
    }
}

#[test]
fn prompts_drawn_at_both_sizes() {
    for (w, h) in [(80, 24), (40, 20)] {
        for lang in [Lang::Vi, Lang::En] {
            let mut s = loaded_state(lang, w, h);
            ch(&mut s, 'a');
            // Longer than the line: its end stays in view, with the cursor.
            typed(&mut s, "https://127.0.0.1:8080/tin-tuc/thoi-su/rss.xml");
            snap("prompt_add_long", &s);
            code(&mut s, KeyCode::Esc);
            select(&mut s, 5);
            ch(&mut s, 'D');
            snap("prompt_remove", &s);
            code(&mut s, KeyCode::Esc);
            ch(&mut s, 'C');
            snap("prompt_mark_all", &s);
            code(&mut s, KeyCode::Esc);
            ch(&mut s, 'm');
            snap("prompt_move", &s);
            code(&mut s, KeyCode::Esc);
            ch(&mut s, '/');
            typed(&mut s, "bão");
            press(&mut s, KeyCode::Char('s'), KeyModifiers::CONTROL);
            snap("prompt_save_search", &s);
        }
    }
}

#[test]
fn saved_searches_are_virtual_feeds() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    update(&mut s, Msg::SavedLoaded(saved_rows()));
    assert_eq!(s.entries[3], FeedEntry::Saved("giá xăng".into()));
    select(&mut s, 3);
    let fx = code(&mut s, KeyCode::Enter);
    assert!(fx.is_empty(), "moving there asked already");
    select(&mut s, 2);
    let fx = ch(&mut s, 'j');
    let Some(Effect::LoadSaved { req, name, .. }) = fx.first().cloned() else {
        panic!("{fx:?}");
    };
    assert_eq!(name, "giá xăng");
    update(
        &mut s,
        Msg::ArticlesLoaded {
            req,
            rows: articles(&feeds())[2..3].to_vec(),
        },
    );
    assert_eq!(s.articles.rows.len(), 1);
    // The unread filter travels with it.
    code(&mut s, KeyCode::Enter);
    let fx = ch(&mut s, 'f');
    assert!(
        matches!(
            &fx[0],
            Effect::LoadSaved {
                unread_only: true,
                ..
            }
        ),
        "{fx:?}"
    );
    // Delete: from the feed list, after a confirmation.
    code(&mut s, KeyCode::Esc);
    ch(&mut s, 'D');
    snap("confirm_delete_search", &s);
    assert_eq!(
        ch(&mut s, 'y'),
        vec![Effect::EditFeeds(Edit::DeleteSearch("giá xăng".into()))]
    );
    update(&mut s, Msg::Edited(Edit::DeleteSearch("giá xăng".into())));
    assert!(
        s.articles.rows.is_empty(),
        "the list of a deleted search goes"
    );
}

#[test]
fn a_search_is_saved_under_a_name() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    ch(&mut s, '/');
    // Nothing typed: nothing to save.
    press(&mut s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.prompt.is_none());
    typed(&mut s, "giá xăng");
    press(&mut s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(
        s.prompt.as_ref().unwrap().input,
        "giá xăng",
        "named as typed"
    );
    snap("save_search_named_as_typed", &s);
    press(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typed(&mut s, "Xăng");
    let fx = code(&mut s, KeyCode::Enter);
    assert_eq!(
        fx,
        vec![Effect::EditFeeds(Edit::SaveSearch(SavedSearch {
            name: "Xăng".into(),
            query: "giá xăng".into(),
            feed: None,
            unread_only: false,
            min_rating: 0,
            days: None,
        }))]
    );
    assert_eq!(s.focus, Pane::Search, "the search stays open");
}

#[test]
fn pasted_text_goes_into_the_prompt_on_one_line() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    ch(&mut s, 'a');
    update(
        &mut s,
        Msg::Paste("http://127.0.0.1/\u{1b}[2Jrss\r\n".into()),
    );
    let input = s.prompt.as_ref().unwrap().input.clone();
    assert!(!input.chars().any(char::is_control), "{input:?}");
    assert!(input.starts_with("http://127.0.0.1/"));
    // Bounded, whatever is pasted.
    update(&mut s, Msg::Paste("x".repeat(100_000)));
    assert!(s.prompt.as_ref().unwrap().input.len() <= docbao::app::prompt::MAX_INPUT);
    draw(&s);
}
