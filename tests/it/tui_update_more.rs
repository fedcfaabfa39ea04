//! More `update` transitions: moving between unread articles, what a refresh does to the
//! list and to retention, scrolling the help; hostile text in every field, drawn.
use crate::tui_fixture;

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
        let req = articles_req(&fx).expect("a refresh reloads the list");
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

/// Nothing a feed or a page sends reaches a cell as a control: not an escape sequence
/// (ESC, BEL, the one-byte CSI U+009B), not a bidi override or isolate that would reorder
/// the line. The state holds the raw text (as if the store had let it pass); every pane
/// that shows it is drawn, narrow and wide.
#[test]
fn hostile_text_in_every_field_never_reaches_a_cell() {
    const EVIL: &str = "A\u{1b}]0;T\u{7}\u{9b}2J\u{202e}B\u{2066}C\u{2069}";
    let forbidden =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    for (w, h) in [(80, 24), (130, 30)] {
        let mut s = State::new(Lang::Vi, now());
        update(
            &mut s,
            Msg::Resize {
                width: w,
                height: h,
            },
        );
        let mut fs = feeds();
        fs[0].title = format!("Nguồn {EVIL}");
        fs[0].category = Some(format!("Mục {EVIL}").into());
        let fx = update(&mut s, Msg::FeedsLoaded(fs.clone()));
        let req = articles_req(&fx).unwrap();
        let mut rows = articles(&fs);
        rows[0].title = format!("Tin {EVIL}");
        update(&mut s, Msg::ArticlesLoaded { req, rows });
        s.status.message = Some(format!("Tin nhắn {EVIL}"));
        s.status.error = Some(format!("Lỗi {EVIL}").into());
        let mut screens = vec![buffer(&s)];
        code(&mut s, KeyCode::Enter);
        screens.push(buffer(&s));
        let fx = code(&mut s, KeyCode::Enter);
        let req = detail_req(&fx).unwrap();
        let mut d = detail(&s.reader.as_ref().unwrap().row);
        d.author = Some(format!("Tác giả {EVIL}"));
        update(
            &mut s,
            Msg::DetailLoaded {
                req,
                detail: Box::new(d),
            },
        );
        screens.push(buffer(&s));
        ch(&mut s, '/');
        let q = s.search.as_mut().unwrap();
        q.input = format!("tìm {EVIL}");
        q.caret = q.input.len();
        q.rows = s.articles.rows.clone();
        screens.push(buffer(&s));
        for b in &screens {
            let shown: String = b.content.iter().map(|c| c.symbol()).collect();
            assert!(
                !shown.chars().any(forbidden),
                "{w}x{h}: a control reached the screen: {shown:?}"
            );
            assert!(
                shown.contains("Nguồn A") || shown.contains("Tin A"),
                "{shown}"
            );
        }
    }
}

/// The reader's header says a byline only when it adds to the source (the rule of `docbao
/// read`'s header): "Tuổi Trẻ Online" as the byline of Tuổi Trẻ Online is said once.
#[test]
fn a_byline_that_is_the_site_name_is_said_once_in_the_reader() {
    let header_text = |byline: &str| {
        let mut s = loaded_state(Lang::Vi, 80, 24);
        open_first(&mut s, true);
        let r = s.reader.as_mut().unwrap();
        let full = r.detail.as_mut().unwrap().full.as_mut().unwrap();
        full.meta.site_name = Some("Tuổi Trẻ Online".into());
        full.meta.byline = Some(byline.into());
        let r = s.reader.as_ref().unwrap();
        docbao::app::reader::header(&s, r, 78)
            .iter()
            .flat_map(|l| l.iter().map(|(_, t)| t.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(!header_text("tuổi trẻ online").contains("Tác giả"));
    assert!(header_text("Thu Hà").contains("Tác giả: Thu Hà"));
}

/// The piece's origin ("Theo TTXVN") shows in the reader's header as `docbao read` says it.
#[test]
fn the_source_a_page_names_is_in_the_reader_header() {
    let header_text = |lang: Lang, source: Option<&str>| {
        let mut s = loaded_state(lang, 80, 24);
        open_first(&mut s, true);
        let r = s.reader.as_mut().unwrap();
        let full = r.detail.as_mut().unwrap().full.as_mut().unwrap();
        full.meta.source = source.map(Into::into);
        let r = s.reader.as_ref().unwrap();
        docbao::app::reader::header(&s, r, 78)
            .iter()
            .flat_map(|l| l.iter().map(|(_, t)| t.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(header_text(Lang::Vi, Some("TTXVN")).contains("Theo TTXVN"));
    assert!(header_text(Lang::En, Some("TTXVN")).contains("Source: TTXVN"));
    let none = header_text(Lang::Vi, None);
    assert!(!none.contains("Theo "), "{none}");
}
