//! Every screen at 80x24 and 40x20 with Vietnamese content, through `TestBackend`.
use crate::tui_fixture;

use crossterm::event::KeyCode;
use docbao::app::state::{Connectivity, State};
use docbao::app::{Effect, Msg, update};
use docbao::i18n::Lang;
use docbao::runtime::body::wrap_body;
use tui_fixture::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 20)];

/// Runs the effects a test needs by hand: detail loads and body renders.
pub(crate) fn settle(s: &mut State, fx: Vec<Effect>, full: Option<&str>) {
    let mut queue = fx;
    while let Some(e) = queue.pop() {
        let more = match e {
            Effect::LoadDetail { req, id } => {
                let row = s
                    .reader
                    .as_ref()
                    .map(|r| r.row.clone())
                    .expect("reader open");
                assert_eq!(row.id, id);
                let mut d = detail(&row);
                if let Some(html) = full {
                    d.full = Some(docbao::store::StoredExtract {
                        html: html.to_string(),
                        meta: docbao::article::ArticleMeta {
                            site_name: Some("Tuổi Trẻ Online".into()),
                            rating: Some(docbao::article::PageRating {
                                value: 4.5,
                                best: 5.0,
                                count: Some(1024),
                            }),
                            views: Some(12345),
                            ..Default::default()
                        },
                        fetched_at: now(),
                    });
                }
                update(
                    s,
                    Msg::DetailLoaded {
                        req,
                        detail: Box::new(d),
                    },
                )
            }
            Effect::RenderBody {
                req,
                html,
                width,
                lang,
                ..
            } => update(
                s,
                Msg::BodyRendered {
                    req,
                    body: wrap_body(&html, width, lang),
                },
            ),
            // The store confirms the marks once written.
            Effect::SetRead { .. } | Effect::SetRating { .. } => confirm_marks(s, &[e]),
            _ => Vec::new(),
        };
        queue.extend(more);
    }
}

fn snap(name: &str, lang: Lang, (w, h): (u16, u16), state: &State) {
    let (screen, _) = draw(state);
    let lang = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen);
}

#[test]
fn feed_list() {
    for size in SIZES {
        for lang in [Lang::Vi, Lang::En] {
            let s = loaded_state(lang, size.0, size.1);
            snap("feeds", lang, size, &s);
        }
    }
}

#[test]
fn article_list_with_ratings_and_truncated_titles() {
    for size in SIZES {
        for lang in [Lang::Vi, Lang::En] {
            let mut s = loaded_state(lang, size.0, size.1);
            code(&mut s, KeyCode::Enter);
            snap("articles", lang, size, &s);
        }
    }
}

#[test]
fn article_list_ascii_ratings_offline() {
    for size in SIZES {
        let mut s = loaded_state(Lang::Vi, size.0, size.1);
        s.rating_style = docbao::config::RatingStyle::Ascii;
        s.connectivity = Connectivity::Forced;
        code(&mut s, KeyCode::Enter);
        snap("articles_ascii_offline", Lang::Vi, size, &s);
    }
}

#[test]
fn reader_with_full_text() {
    for size in SIZES {
        for lang in [Lang::Vi, Lang::En] {
            let mut s = loaded_state(lang, size.0, size.1);
            code(&mut s, KeyCode::Enter);
            let fx = code(&mut s, KeyCode::Enter);
            settle(&mut s, fx, Some(&body_html()));
            snap("reader", lang, size, &s);
        }
    }
}

#[test]
fn reader_summary_while_fetching() {
    for size in SIZES {
        let mut s = loaded_state(Lang::Vi, size.0, size.1);
        code(&mut s, KeyCode::Enter);
        // The second article: not rated, so the header says so.
        ch(&mut s, 'j');
        let fx = code(&mut s, KeyCode::Enter);
        settle(&mut s, fx, None);
        assert!(s.reader.as_ref().unwrap().fetching());
        snap("reader_fetching", Lang::Vi, size, &s);
    }
}

#[test]
fn search_with_results() {
    for size in SIZES {
        let mut s = loaded_state(Lang::Vi, size.0, size.1);
        ch(&mut s, '/');
        let mut last = Vec::new();
        for c in "duong sat".chars() {
            last = ch(&mut s, c);
        }
        let req = last
            .iter()
            .find_map(|e| match e {
                Effect::Search { req, query, .. } => {
                    assert_eq!(query, "duong sat");
                    Some(*req)
                }
                _ => None,
            })
            .unwrap();
        let rows = vec![s.articles.rows[0].clone()];
        update(&mut s, Msg::SearchDone { req, rows });
        snap("search", Lang::Vi, size, &s);
    }
}

#[test]
fn help_screen() {
    for size in SIZES {
        for lang in [Lang::Vi, Lang::En] {
            let mut s = loaded_state(lang, size.0, size.1);
            ch(&mut s, '?');
            snap("help", lang, size, &s);
        }
    }
}

#[test]
fn empty_cache() {
    for size in SIZES {
        for lang in [Lang::Vi, Lang::En] {
            let mut s = State::new(lang, now());
            update(
                &mut s,
                Msg::Resize {
                    width: size.0,
                    height: size.1,
                },
            );
            let fx = update(&mut s, Msg::FeedsLoaded(Vec::new()));
            if let Some(Effect::LoadArticles { req, .. }) = fx.first() {
                update(
                    &mut s,
                    Msg::ArticlesLoaded {
                        req: *req,
                        rows: Vec::new(),
                    },
                );
            }
            snap("empty", lang, size, &s);
        }
    }
}

#[test]
fn refresh_progress_and_lost_connection() {
    for size in SIZES {
        let mut s = loaded_state(Lang::Vi, size.0, size.1);
        ch(&mut s, 'R');
        update(
            &mut s,
            Msg::RefreshProgress {
                done: 12,
                total: 40,
            },
        );
        snap("refreshing", Lang::Vi, size, &s);
        update(
            &mut s,
            Msg::RefreshDone {
                ok: 0,
                failed: 40,
                new: 0,
                offline: true,
                error: Some("could not connect to 127.0.0.1: refused".into()),
            },
        );
        snap("lost", Lang::Vi, size, &s);
    }
}

#[test]
fn too_small() {
    let s = loaded_state(Lang::Vi, 29, 9);
    let (screen, _) = draw(&s);
    insta::assert_snapshot!("too_small_vi_29x9", screen);
}

#[test]
fn wide_layout_side_by_side() {
    let mut s = loaded_state(Lang::Vi, 130, 30);
    snap("wide_feeds", Lang::Vi, (130, 30), &s);
    code(&mut s, KeyCode::Enter);
    let fx = code(&mut s, KeyCode::Enter);
    settle(&mut s, fx, Some(&body_html()));
    snap("wide_reader", Lang::Vi, (130, 30), &s);
}

#[test]
fn a_failed_feed_says_why_when_selected() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    // All, Unread, Rated, the uncategorized feed, the heading, then BBC News.
    for _ in 0..5 {
        ch(&mut s, 'j');
    }
    let (screen, _) = draw(&s);
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("Lỗi: BBC News: HTTP 404 Not Found"),
        "{status}"
    );
    assert!(screen.contains(" ! BBC News"), "{screen}");
    // After a message, set apart from it as any error is.
    s.status.message = Some("Đã hủy".into());
    let (screen, _) = draw(&s);
    let status = screen.lines().last().unwrap();
    assert!(status.contains("Đã hủy · Lỗi: BBC News"), "{status}");
    // Elsewhere the status bar keeps its own messages.
    ch(&mut s, 'k');
    let (screen, _) = draw(&s);
    assert!(!screen.lines().last().unwrap().contains("404"), "{screen}");
}

#[test]
fn the_status_bar_follows_the_sync_then_the_refresh() {
    use docbao::feed::model::SyncStep;
    let mut s = loaded_state(Lang::Vi, 80, 24);
    let status = |s: &State| draw(s).0.lines().last().unwrap().to_owned();
    // A step that arrives with no refresh running is dropped.
    update(&mut s, Msg::SyncProgress(SyncStep::Connecting));
    assert_eq!(s.status.sync, None);
    let fx = ch(&mut s, 'R');
    assert!(fx.contains(&Effect::Refresh { feeds: None }), "{fx:?}");
    for (step, said) in [
        (SyncStep::Connecting, "Đồng bộ: đăng nhập"),
        (
            SyncStep::Pushing { done: 3, total: 12 },
            "Đồng bộ: gửi thay đổi 3/12",
        ),
        (SyncStep::Subscriptions, "Đồng bộ: nguồn tin"),
        (
            SyncStep::Items {
                done: 1200,
                total: Some(5000),
            },
            "Đồng bộ: bài mới 1.200/5.000",
        ),
        (SyncStep::States, "Đồng bộ: đã đọc, gắn sao"),
    ] {
        update(&mut s, Msg::SyncProgress(step));
        let line = status(&s);
        assert!(line.contains(said), "{line}");
        assert!(!line.contains("Đang làm mới"), "{line}");
    }
    update(&mut s, Msg::RefreshProgress { done: 1, total: 3 });
    let line = status(&s);
    assert!(line.contains("Đang làm mới 1/3"), "{line}");
    assert!(!line.contains("Đồng bộ"), "{line}");
    update(
        &mut s,
        Msg::RefreshDone {
            ok: 3,
            failed: 0,
            new: 4,
            offline: false,
            error: None,
        },
    );
    assert_eq!(s.status.sync, None);
}
