//! One story, many papers in the reader, through `update` and `TestBackend`: the list
//! shows a story once ("+2 báo khác"), the reader switches between its versions (from the
//! list, then from the cache), `mark_story_read`, and the reading-time column.
use crate::tui_fixture;
use crate::tui_snapshots::settle;

use crossterm::event::KeyCode;
use docbao::app::state::State;
use docbao::app::{Effect, Msg, update};
use docbao::feed::ArticleId;
use docbao::i18n::Lang;
use docbao::store::ArticleRow;
use tui_fixture::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 20)];

fn snap(name: &str, (w, h): (u16, u16), state: &State) {
    let (screen, _) = draw(state);
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
}

/// The fixture's list with articles 10, 12 and 14 telling one story (14 from a third
/// paper), and 11 alone.
fn story_rows() -> Vec<ArticleRow> {
    let f = feeds();
    let mut rows = articles(&f);
    rows[0].story = Some(10);
    rows[2].story = Some(10);
    let mut third = article(
        14,
        &f[2],
        "Thủ tướng giục hoàn thiện hồ sơ đường sắt cao tốc",
        30,
        false,
        0,
        false,
    );
    third.story = Some(10);
    third.reading_minutes = 7;
    rows.insert(1, third);
    rows
}

/// The article list (focus on it) loaded with [`story_rows`].
fn story_state(lang: Lang, w: u16, h: u16) -> State {
    let mut s = loaded_state(lang, w, h);
    let fx = code(&mut s, KeyCode::Enter);
    let req = articles_req(&fx).unwrap_or(s.articles.req);
    update(
        &mut s,
        Msg::ArticlesLoaded {
            req,
            rows: story_rows(),
        },
    );
    s
}

#[test]
fn a_story_shows_once_with_its_other_papers() {
    for size in SIZES {
        let s = story_state(Lang::Vi, size.0, size.1);
        // 10 and 12 and 14 are one row; 11 and 13 stay.
        let ids: Vec<i64> = s.articles.rows.iter().map(|r| r.id.0).collect();
        assert_eq!(ids, vec![10, 11, 13]);
        let (screen, _) = draw(&s);
        assert!(screen.contains("+2 báo khác"), "{screen}");
        snap("story_list_vi", size, &s);
    }
    let s = story_state(Lang::En, 80, 24);
    assert!(draw(&s).0.contains("+2 more papers"));
}

#[test]
fn the_reading_time_has_a_column_in_wide_lists() {
    let s = story_state(Lang::Vi, 80, 24);
    let (screen, _) = draw(&s);
    let row = screen.lines().find(|l| l.contains("Markets")).unwrap();
    assert!(row.contains(" 2ph "), "{row}");
    let s = story_state(Lang::En, 80, 24);
    let (screen, _) = draw(&s);
    assert!(screen.contains(" 2m "), "{screen}");
}

#[test]
fn v_cycles_the_versions_of_a_story() {
    let mut s = story_state(Lang::Vi, 80, 24);
    let fx = code(&mut s, KeyCode::Enter);
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(10));
    settle(&mut s, fx, Some(&body_html()));
    assert_eq!(s.reader.as_ref().unwrap().versions.len(), 3);
    assert!(draw(&s).0.contains("bản 1/3"));
    let fx = ch(&mut s, 'v');
    let r = s.reader.as_ref().unwrap();
    assert_eq!(r.row.id, ArticleId(14));
    assert_eq!(r.version, 1);
    assert!(fx.contains(&Effect::LoadDetail {
        req: r.detail_req,
        id: ArticleId(14)
    }));
    assert!(s.status.message.as_deref().unwrap().contains("An ninh"));
    // The versions are known: the story is not asked of the cache again.
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LoadStory { .. })),
        "{fx:?}"
    );
    ch(&mut s, 'v');
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(12));
    ch(&mut s, 'v');
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(10));
    // An article alone: v says so and stays.
    code(&mut s, KeyCode::Esc);
    ch(&mut s, 'j');
    code(&mut s, KeyCode::Enter);
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(11));
    let fx = ch(&mut s, 'v');
    assert!(fx.is_empty());
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(11));
}

#[test]
fn reading_one_version_marks_the_story_read_when_asked() {
    for on in [true, false] {
        let mut s = story_state(Lang::Vi, 80, 24);
        s.mark_story_read = on;
        let fx = code(&mut s, KeyCode::Enter);
        assert!(fx.contains(&Effect::SetRead {
            id: ArticleId(10),
            read: true
        }));
        let more = confirm_marks(&mut s, &fx);
        let asked: Vec<&Effect> = more
            .iter()
            .filter(|e| matches!(e, Effect::SetRead { .. }))
            .collect();
        if on {
            // The other versions, in the list's order.
            assert_eq!(
                asked,
                vec![
                    &Effect::SetRead {
                        id: ArticleId(14),
                        read: true
                    },
                    &Effect::SetRead {
                        id: ArticleId(12),
                        read: true
                    }
                ]
            );
            // Its confirmation asks for nothing more.
            let again = confirm_marks(&mut s, &more);
            assert!(!again.iter().any(|e| matches!(e, Effect::SetRead { .. })));
            assert!(s.articles.rows[0].read);
        } else {
            assert!(asked.is_empty());
            // The story's row now shows its unread version.
            assert_eq!(s.articles.rows[0].id, ArticleId(14));
            assert!(!s.articles.rows[0].read);
        }
    }
}

#[test]
fn the_selection_follows_its_story_when_the_list_reloads() {
    let f = feeds();
    let mut s = story_state(Lang::Vi, 80, 24);
    let story = |id: i64, read: bool| ArticleRow {
        story: Some(10),
        ..article(id, &f[0], "Một sự kiện", id, read, 0, false)
    };
    let alone = |id: i64| article(id, &f[1], "Tin khác", id, false, 0, false);
    let req = s.articles.req;
    update(
        &mut s,
        Msg::ArticlesLoaded {
            req,
            rows: vec![alone(11), story(10, false), story(14, false), alone(13)],
        },
    );
    ch(&mut s, 'j');
    assert_eq!(s.articles.rows[s.articles.sel].id, ArticleId(10));
    // Reloaded (as after a refresh): 10 was read elsewhere, so 14 shows the story now,
    // lower down.
    let req = s.articles.req;
    update(
        &mut s,
        Msg::ArticlesLoaded {
            req,
            rows: vec![alone(13), alone(11), story(14, false), story(10, true)],
        },
    );
    let shown = &s.articles.rows[s.articles.sel];
    assert_eq!(shown.id, ArticleId(14), "{:?}", s.articles.rows);
}

#[test]
fn a_feed_list_gets_the_other_papers_versions_from_the_cache() {
    let f = feeds();
    let mut s = loaded_state(Lang::Vi, 80, 24);
    s.mark_story_read = true;
    code(&mut s, KeyCode::Enter);
    let mut row = s.articles.rows[0].clone();
    row.story = Some(10);
    s.articles.rows[0] = row.clone();
    // One version in this list: the reader asks the cache for the story.
    let fx = code(&mut s, KeyCode::Enter);
    assert!(fx.contains(&Effect::LoadStory { story: 10 }));
    assert!(s.reader.as_ref().unwrap().versions.is_empty());
    let other = ArticleRow {
        story: Some(10),
        ..article(20, &f[2], "Bản của báo khác", 3, false, 0, false)
    };
    update(
        &mut s,
        Msg::StoryLoaded {
            story: 10,
            rows: vec![other.clone(), row.clone()],
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert_eq!((r.versions.len(), r.version), (2, 1));
    assert!(draw(&s).0.contains("bản 2/2"));
    // Read here: the other paper's version is marked read too.
    let more = confirm_marks(&mut s, &fx);
    assert!(more.contains(&Effect::SetRead {
        id: ArticleId(20),
        read: true
    }));
    // v goes to it.
    ch(&mut s, 'v');
    assert_eq!(s.reader.as_ref().unwrap().row.id, ArticleId(20));
    // A late answer for another story changes nothing.
    update(
        &mut s,
        Msg::StoryLoaded {
            story: 99,
            rows: vec![],
        },
    );
    assert_eq!(s.reader.as_ref().unwrap().versions.len(), 2);
}

#[test]
fn bulk_marks_take_the_versions_a_story_row_stands_for() {
    use docbao::store::Selection;
    let mut s = story_state(Lang::Vi, 80, 24);
    // M below the story's row: its row and the two versions it stands for.
    code(&mut s, KeyCode::Down);
    let fx = ch(&mut s, 'M');
    let ids = fx.iter().find_map(|e| match e {
        Effect::Mark { selections, .. } => match &selections[..] {
            [Selection::Ids(ids)] => Some(ids.clone()),
            _ => None,
        },
        _ => None,
    });
    let mut ids: Vec<i64> = ids.expect("a mark").iter().map(|i| i.0).collect();
    ids.sort();
    assert_eq!(ids, vec![10, 12, 14]);
    // The store's answer reaches the hidden versions too (`v` and "+N" read them).
    update(
        &mut s,
        Msg::Marked {
            changed: [10, 12, 14].map(ArticleId).to_vec(),
            read: true,
            undo: false,
        },
    );
    let versions: Vec<&ArticleRow> = s.articles.stories.versions.values().flatten().collect();
    assert!(!versions.is_empty());
    assert!(versions.iter().all(|r| r.read), "{versions:?}");
    // Without mark_story_read, the row alone.
    let mut s = story_state(Lang::Vi, 80, 24);
    s.mark_story_read = false;
    code(&mut s, KeyCode::Down);
    let fx = ch(&mut s, 'M');
    assert!(fx.iter().any(|e| matches!(e,
        Effect::Mark { selections, .. } if selections == &[Selection::Ids(vec![ArticleId(10)])])));
}
