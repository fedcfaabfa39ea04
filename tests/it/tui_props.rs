//! `update` and `render` driven by random keys, pastes, resizes and runner messages, drawn
//! on a `TestBackend` at random sizes (1x1 to 300x100), sometimes before the state hears
//! of the new size. What must hold after every step: no panic; no control character in
//! any cell; the selections point into their lists (a category heading is a stop too:
//! it folds); scroll offsets within their text; Ctrl+C always ends the reader, and so does
//! Q outside the search box and the prompts.
use crate::fuzz;
use crate::tui_fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::app::state::{Pane, State};
use docbao::app::{Effect, Msg, Saved, update};
use docbao::i18n::Lang;
use docbao::store::{ArticleRow, FeedRow};
use proptest::prelude::*;
use tui_fixture::*;

#[derive(Debug, Clone)]
enum Op {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
    /// Draw at a size the state may not know yet.
    Draw(u16, u16),
    /// Answer the pending effect at this index (mod their number), as the runner would.
    Answer(usize),
    /// A fresh feed list of this many feeds (0 included).
    Feeds(usize),
    /// A list of this many articles for the newest load.
    Articles(usize),
    /// The refresh timer, then what arrived (this many feeds with news).
    Timer(usize),
    /// A step of the refresh's sync (any counts, a refresh running or not).
    Sync(usize, usize),
}

fn key() -> impl Strategy<Value = Op> {
    // With part B's keys (L y w v), the bulk marks (A C M U), feed management (a D c m z,
    // y to confirm) and Ctrl+S (save the search).
    let chars = "jkgG bhlqnNufst o?/rR123450xyzêệđ\u{301}LLywwv6789ACMUaDcmzyys";
    let codes = prop_oneof![
        proptest::sample::select(chars.chars().collect::<Vec<_>>()).prop_map(KeyCode::Char),
        proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
        ]),
    ];
    let mods = proptest::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    (codes, mods)
        // Ctrl+C ends the run: it is checked at the end.
        .prop_filter("not ctrl-c", |(c, m)| {
            !(m.contains(KeyModifiers::CONTROL) && *c == KeyCode::Char('c'))
        })
        .prop_map(|(c, m)| Op::Key(c, m))
}

/// Any size, or one where the panes are drawn (at least 30x10).
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![(1u16..=300, 1u16..=100), (30u16..=160, 10u16..=50)]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => key(),
        1 => "(tin|Việt|e\u{301}|\u{1b}\\[2J|\u{9b}31m|\r\n|\u{202e}|\u{7}| ){0,6}".prop_map(Op::Paste),
        2 => size().prop_map(|(w, h)| Op::Resize(w, h)),
        3 => size().prop_map(|(w, h)| Op::Draw(w, h)),
        4 => any::<usize>().prop_map(Op::Answer),
        1 => (0usize..12).prop_map(Op::Feeds),
        1 => (0usize..80).prop_map(Op::Articles),
        1 => (0usize..8).prop_map(Op::Timer),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Sync(a, b)),
    ]
}

fn many_feeds(n: usize) -> Vec<FeedRow> {
    let base = feeds();
    (0..n)
        .map(|i| {
            let mut f = base[i % base.len()].clone();
            f.id = docbao::feed::FeedId(i as i64 + 1);
            // Nested categories too ("Mục 1/Con"), for folding.
            f.category = (i % 3 != 0).then(|| match i % 5 {
                0 => format!("Mục {}/Con", i % 4).into(),
                _ => format!("Mục {}", i % 4).into(),
            });
            f
        })
        .collect()
}

/// Two saved searches, one with an escape in its name.
fn saved_searches() -> Vec<docbao::store::SavedSearchRow> {
    ["bão lũ", "giá vàng\u{1b}[31m"]
        .iter()
        .enumerate()
        .map(|(i, name)| docbao::store::SavedSearchRow {
            search: docbao::store::SavedSearch {
                name: name.to_string(),
                query: name.to_string(),
                feed: None,
                unread_only: false,
                min_rating: 0,
                days: None,
            },
            unread: i as i64 * 7,
            total: 40,
        })
        .collect()
}

/// What the runner would answer to `fx`.
fn answer(s: &mut State, fx: Effect) -> Vec<Effect> {
    let f = feeds();
    let msg = match fx {
        Effect::LoadFeeds => {
            let mut fx = update(s, Msg::FeedsLoaded(f));
            fx.extend(update(s, Msg::SavedLoaded(saved_searches())));
            return fx;
        }
        Effect::LoadArticles { req, .. } => Msg::ArticlesLoaded {
            req,
            rows: articles(&f),
        },
        Effect::LoadDetail { req, id } => {
            let row = s
                .reader
                .as_ref()
                .map(|r| r.row.clone())
                .unwrap_or_else(|| article(id.0, &f[0], "Tin", 1, false, 0, false));
            Msg::DetailLoaded {
                req,
                detail: Box::new(detail(&row)),
            }
        }
        Effect::RenderBody { req, width, .. } => Msg::BodyRendered {
            req,
            body: linked_body(width, 120, (req % 14) as usize),
        },
        // Pages follow, or fail (and the reader goes back), by turns.
        Effect::FetchPage { req, url } => Msg::PageLoaded {
            req,
            result: if req % 3 == 0 {
                Err("HTTP 404\u{1b}[2J".into())
            } else {
                Ok(Box::new((
                    docbao::store::StoredExtract {
                        html: body_html(),
                        meta: docbao::article::ArticleMeta {
                            title: Some(format!("Trang {url}\u{1b}]0;x\u{7}")),
                            ..Default::default()
                        },
                        fetched_at: now(),
                    },
                    (req % 5) as u32,
                )))
            },
        },
        Effect::LoadStory { story } => Msg::StoryLoaded {
            story,
            rows: s
                .articles
                .rows
                .iter()
                .filter(|r| r.story.is_some())
                .cloned()
                .collect(),
        },
        Effect::SaveArticle(job) => Msg::SaveDone(match job.path.len() % 3 {
            0 => docbao::app::save::SaveResult::Exists(job.path.clone()),
            1 => docbao::app::save::SaveResult::Saved(job.path.clone()),
            _ => docbao::app::save::SaveResult::Failed("đĩa đầy\u{1b}[2J".into()),
        }),
        Effect::FetchFullText { req, id, .. } => Msg::FullTextDone {
            req,
            id,
            result: Err("hết thời gian chờ\u{1b}[2J".into()),
            offline: req % 2 == 0,
        },
        Effect::Search { req, .. } => Msg::SearchDone {
            req,
            rows: articles(&f),
        },
        Effect::SetRating { id, rating } => Msg::Saved(Saved::Rating { id, rating }),
        Effect::SetRead { id, read } => Msg::Saved(Saved::Read { id, read }),
        Effect::Refresh { .. } | Effect::AutoRefresh => Msg::RefreshDone {
            ok: 1,
            failed: 1,
            new: 3,
            offline: false,
            error: Some("BBC News: HTTP 404\u{9b}2J".into()),
        },
        Effect::OpenBrowser { .. } => Msg::BrowserOpened(Err("không mở được".into())),
        Effect::Mark {
            selections,
            read,
            undo,
        } => Msg::Marked {
            changed: selections
                .iter()
                .flat_map(|sel| match sel {
                    docbao::store::Selection::Ids(ids) => ids.clone(),
                    _ => articles(&f).iter().map(|r| r.id).collect(),
                })
                .collect(),
            read,
            undo,
        },
        Effect::AddFeed { url } => Msg::FeedAdded(if url.len() % 2 == 0 {
            Ok(docbao::app::manage::Added {
                id: docbao::feed::FeedId(1),
                name: url,
                added: true,
                down: Some("HTTP 503\u{1b}[2J".into()),
            })
        } else {
            Err("không có nguồn\u{9b}2J".into())
        }),
        Effect::EditFeeds(edit) => Msg::Edited(edit),
        Effect::LoadSaved { req, .. } => Msg::ArticlesLoaded {
            req,
            rows: articles(&f),
        },
        Effect::LoadPicture { req, index, .. } => Msg::PictureReady {
            req,
            index,
            shown: None,
        },
        Effect::CancelFetch
        | Effect::CancelRefresh
        | Effect::Prune
        | Effect::Quit
        | Effect::Copy { .. }
        | Effect::DropPictures { .. } => {
            return Vec::new();
        }
    };
    update(s, msg)
}

fn check(s: &State) -> Result<(), TestCaseError> {
    prop_assert!(s.feed_sel < s.entries.len().max(1));
    if let Some(e) = s.selected_entry() {
        prop_assert!(e.selectable(), "a heading is selected: {e:?}");
    }
    prop_assert!(s.articles.sel < s.articles.rows.len().max(1));
    if let Some(q) = &s.search {
        prop_assert!(q.sel < q.rows.len().max(1));
        prop_assert!(q.input.is_char_boundary(q.caret) && q.caret <= q.input.len());
    }
    prop_assert!(s.help_scroll <= docbao::app::help::max_scroll(s));
    if let Some(r) = &s.reader {
        prop_assert!(r.versions.is_empty() || r.version < r.versions.len());
        prop_assert!(r.history.len() <= docbao::app::links::MAX_HISTORY);
        prop_assert!(r.scroll <= docbao::app::reader::max_scroll(s));
        if r.hints.is_some() {
            prop_assert!(r.body.as_ref().is_some_and(|b| !b.links.is_empty()));
        }
    }
    Ok(())
}

fn ends(mut s: State, k: KeyEvent) -> bool {
    let fx = update(&mut s, Msg::Key(k));
    s.quit && fx.contains(&Effect::Quit)
}

proptest! {
    #![proptest_config(fuzz::config(32))]

    #[test]
    fn prop_update_and_render_hold_their_invariants(
        (w, h) in size(),
        ops in proptest::collection::vec(op(), 1..40),
    ) {
        let mut s = loaded_state(Lang::Vi, w, h);
        let mut pending: Vec<Effect> = Vec::new();
        let mut size = (w, h);
        for op in ops {
            let fx = match op {
                Op::Key(c, m) => update(&mut s, Msg::Key(KeyEvent::new(c, m))),
                Op::Paste(p) => update(&mut s, Msg::Paste(p)),
                Op::Resize(w, h) => {
                    size = (w, h);
                    update(&mut s, Msg::Resize { width: w, height: h })
                }
                Op::Draw(w, h) => {
                    size = (w, h);
                    Vec::new()
                }
                Op::Answer(i) if !pending.is_empty() => {
                    let e = pending.remove(i % pending.len());
                    answer(&mut s, e)
                }
                Op::Answer(_) => Vec::new(),
                Op::Feeds(n) => update(&mut s, Msg::FeedsLoaded(many_feeds(n))),
                Op::Timer(n) => {
                    s.refresh_interval = 1;
                    let mut fx = update(&mut s, Msg::RefreshTimer);
                    let feeds = (0..n).map(|i| (format!("Nguồn\u{1b}[2J {i}"), i + 1)).collect();
                    fx.extend(update(&mut s, Msg::Arrived { count: n * 2, feeds }));
                    fx
                }
                Op::Sync(a, b) => {
                    use docbao::feed::model::SyncStep;
                    let step = match a % 5 {
                        0 => SyncStep::Connecting,
                        1 => SyncStep::Pushing { done: a, total: b },
                        2 => SyncStep::Subscriptions,
                        3 => SyncStep::Items { done: a, total: (b % 2 == 0).then_some(b) },
                        _ => SyncStep::States,
                    };
                    update(&mut s, Msg::SyncProgress(step))
                }
                Op::Articles(n) => {
                    let f = feeds();
                    let rows = (0..n)
                        .map(|i| ArticleRow {
                            // Stories of a few versions, in and out of order.
                            story: (i % 4 != 0).then_some((i % 5) as i64),
                            reading_minutes: (i * 37 % 140) as u32,
                            ..article(1000 + i as i64, &f[i % f.len()], LONG_TITLE, i as i64, i % 2 == 0, (i % 6) as u8, i % 3 == 0)
                        })
                        .collect();
                    let req = s.articles.req;
                    update(&mut s, Msg::ArticlesLoaded { req, rows })
                }
            };
            pending.extend(fx.into_iter().filter(|e| *e != Effect::Quit));
            check(&s)?;
            let b = crate::tui_sizes::draw_at(&s, size.0, size.1);
            for cell in &b.content {
                prop_assert!(
                    !cell.symbol().chars().any(char::is_control),
                    "a control in a cell: {:?}", cell.symbol()
                );
            }
            if s.quit {
                // q on the feed list: the end, as asked.
                return Ok(());
            }
        }
        prop_assert!(ends(s.clone(), KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        // Q is typed into the search box, the save prompt and the status-line prompts.
        let typing = s.focus == Pane::Search
            || s.reader.as_ref().is_some_and(|r| r.save.is_some())
            || s.prompt.is_some();
        if !typing || s.help {
            prop_assert!(ends(s.clone(), KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT)));
        }
    }
}
