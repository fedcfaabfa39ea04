//! The reader's reading aids (issue 10, part B), through `update` and `TestBackend`:
//! the reading time in the header, link hints and followed pages with their history, the
//! copy key, the save prompt (stories: `tui_stories`). Snapshots at 80x24 and 40x20.
use crate::tui_fixture;
use crate::tui_snapshots::settle;

use crossterm::event::{KeyCode, KeyModifiers};
use docbao::app::save::SaveResult;
use docbao::app::state::{Pane, State};
use docbao::app::{Effect, Msg, update};
use docbao::feed::ArticleId;
use docbao::i18n::Lang;
use docbao::store::StoredExtract;
use tui_fixture::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 20)];

fn snap(name: &str, (w, h): (u16, u16), state: &State) {
    let (screen, _) = draw(state);
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
}

/// The first article open, its full text (with one link) rendered.
fn reading(w: u16, h: u16) -> State {
    let mut s = loaded_state(Lang::Vi, w, h);
    code(&mut s, KeyCode::Enter);
    let fx = code(&mut s, KeyCode::Enter);
    settle(&mut s, fx, Some(&body_html()));
    s
}

/// The reader with a body of `links` numbered links.
fn with_links(links: usize) -> State {
    let mut s = reading(80, 24);
    let r = s.reader.as_mut().unwrap();
    r.body = Some(linked_body(r.render_width, 30, links));
    s
}

fn fetch_page(fx: &[Effect]) -> Option<(u64, String)> {
    fx.iter().find_map(|e| match e {
        Effect::FetchPage { req, url } => Some((*req, url.clone())),
        _ => None,
    })
}

fn page(title: &str) -> Box<(StoredExtract, u32)> {
    Box::new((
        StoredExtract {
            html: "<p>Trang được liên kết: mưa lớn ở miền Trung, nước sông lên nhanh.</p>\
                   <p>Xem <a href=\"http://127.0.0.1/sau.html\">trang sau</a>.</p>"
                .into(),
            meta: docbao::article::ArticleMeta {
                title: Some(title.into()),
                site_name: Some("Báo Mẫu".into()),
                ..Default::default()
            },
            fetched_at: now(),
        },
        3,
    ))
}

#[test]
fn the_reader_header_says_the_reading_time() {
    for size in SIZES {
        let mut s = reading(size.0, size.1);
        s.reader.as_mut().unwrap().row.reading_minutes = 12;
        let (screen, _) = draw(&s);
        assert!(screen.contains("12 phút đọc"), "{screen}");
        snap("reader_reading_time_vi", size, &s);
    }
}

#[test]
fn hint_mode_snapshots() {
    for size in SIZES {
        let mut s = reading(size.0, size.1);
        let r = s.reader.as_mut().unwrap();
        r.body = Some(linked_body(r.render_width, 40, 3));
        r.scroll = 5;
        ch(&mut s, 'L');
        assert!(s.reader.as_ref().unwrap().hints.is_some());
        snap("hints_vi", size, &s);
    }
}

#[test]
fn hints_highlight_the_references_that_still_match() {
    let mut s = with_links(12);
    ch(&mut s, 'L');
    ch(&mut s, '1');
    let b = buffer(&s);
    // "[1]" and "[10]"-"[12]" match "1", "[2]" does not.
    let text: Vec<String> = (0..b.area.height)
        .map(|y| (0..b.area.width).map(|x| b[(x, y)].symbol()).collect())
        .collect();
    let (y2, line2) = text
        .iter()
        .enumerate()
        .find(|(_, l)| l.contains("[2]"))
        .unwrap();
    let x2 = line2.find("[2]").unwrap();
    let x2 = line2[..x2].chars().count() as u16;
    let plain = b[(x2, y2 as u16)].style();
    let (y1, line1) = text
        .iter()
        .enumerate()
        .find(|(_, l)| l.contains("[1]"))
        .unwrap();
    let x1 = line1[..line1.find("[1]").unwrap()].chars().count() as u16;
    assert_ne!(b[(x1, y1 as u16)].style(), plain);
    // Out of hint mode, [1] looks like [2].
    code(&mut s, KeyCode::Esc);
    assert_eq!(buffer(&s)[(x1, y1 as u16)].style(), plain);
}

#[test]
fn a_hinted_link_is_read_in_docbao_and_esc_goes_back() {
    let mut s = with_links(3);
    let before = s.reader.as_ref().unwrap().body.clone();
    assert!(ch(&mut s, 'L').is_empty());
    // 3 links: "2" cannot grow into another label, so it is chosen at once.
    let fx = ch(&mut s, '2');
    let (req, url) = fetch_page(&fx).expect("the page is fetched");
    assert_eq!(url, "http://127.0.0.1/trang/2.html");
    let r = s.reader.as_ref().unwrap();
    assert!(r.hints.is_none() && r.fetching());
    assert_eq!(r.page.as_deref(), Some(url.as_str()));
    assert!(draw(&s).0.contains("Đang tải trang"));
    // A page is not an article: no rating, no read mark.
    assert!(ch(&mut s, '4').is_empty());
    let fx = update(
        &mut s,
        Msg::PageLoaded {
            req,
            result: Ok(page("Mưa lớn ở miền Trung")),
        },
    );
    settle(&mut s, fx, None);
    let (screen, _) = draw(&s);
    assert!(screen.contains("Mưa lớn ở miền Trung"), "{screen}");
    assert!(screen.contains("3 phút đọc"), "{screen}");
    assert!(screen.contains("trang liên kết 1"), "{screen}");
    assert!(!screen.contains("Bạn chấm"), "{screen}");
    // The page's own link, followed again, then Esc twice: the article, as it was.
    ch(&mut s, 'L');
    let fx = ch(&mut s, '1');
    let (req2, url2) = fetch_page(&fx).unwrap();
    assert_eq!(url2, "http://127.0.0.1/sau.html");
    assert_eq!(s.reader.as_ref().unwrap().history.len(), 2);
    // Esc while it loads cancels the fetch and goes back one page.
    let fx = code(&mut s, KeyCode::Esc);
    assert!(fx.contains(&Effect::CancelFetch));
    let stale = update(
        &mut s,
        Msg::PageLoaded {
            req: req2,
            result: Ok(page("Trễ")),
        },
    );
    assert!(stale.is_empty());
    assert!(s.reader.as_ref().unwrap().row.title.contains("Mưa lớn"));
    code(&mut s, KeyCode::Esc);
    let r = s.reader.as_ref().unwrap();
    assert_eq!(r.row.id, ArticleId(10));
    assert!(r.page.is_none() && r.history.is_empty());
    assert_eq!(r.body, before);
    assert_eq!(s.focus, Pane::Reader);
    // And the rating keys act on the article again.
    assert!(!ch(&mut s, '4').is_empty());
    code(&mut s, KeyCode::Esc);
    assert!(s.reader.is_none());
}

#[test]
fn two_digit_labels_wait_for_enter_or_the_second_digit() {
    let mut s = with_links(12);
    ch(&mut s, 'L');
    assert!(ch(&mut s, '1').is_empty());
    let (_, url) = fetch_page(&ch(&mut s, '2')).unwrap();
    assert!(url.ends_with("/12.html"));
    let mut s = with_links(12);
    ch(&mut s, 'L');
    ch(&mut s, '1');
    let (_, url) = fetch_page(&code(&mut s, KeyCode::Enter)).unwrap();
    assert!(url.ends_with("/1.html"));
    // Backspace takes a digit back; 0 cannot start a label; Esc leaves and stays.
    let mut s = with_links(12);
    ch(&mut s, 'L');
    ch(&mut s, '0');
    ch(&mut s, '1');
    assert_eq!(
        s.reader.as_ref().unwrap().hints.as_ref().unwrap().typed,
        "1"
    );
    code(&mut s, KeyCode::Backspace);
    assert_eq!(s.reader.as_ref().unwrap().hints.as_ref().unwrap().typed, "");
    assert!(code(&mut s, KeyCode::Esc).is_empty());
    assert!(s.reader.as_ref().unwrap().hints.is_none());
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn in_hint_mode_o_opens_the_browser_and_y_copies() {
    let mut s = with_links(3);
    ch(&mut s, 'L');
    ch(&mut s, 'o');
    assert_eq!(
        ch(&mut s, '3'),
        vec![Effect::OpenBrowser {
            url: "http://127.0.0.1/trang/3.html".into()
        }]
    );
    ch(&mut s, 'L');
    ch(&mut s, 'y');
    assert_eq!(
        ch(&mut s, '1'),
        vec![Effect::Copy {
            text: "http://127.0.0.1/trang/1.html".into()
        }]
    );
    // Q still quits from hint mode.
    ch(&mut s, 'L');
    let fx = press(&mut s, KeyCode::Char('Q'), KeyModifiers::SHIFT);
    assert!(s.quit && fx.contains(&Effect::Quit));
}

#[test]
fn y_copies_the_address_shown_unless_osc52_is_off() {
    let mut s = reading(80, 24);
    assert_eq!(
        ch(&mut s, 'y'),
        vec![Effect::Copy {
            text: "http://127.0.0.1/bai/10.html".into()
        }]
    );
    assert!(s.status.message.as_deref().unwrap().starts_with("Đã chép"));
    s.osc52 = false;
    assert!(ch(&mut s, 'y').is_empty());
    assert!(s.status.message.as_deref().unwrap().contains("osc52"));
    // From the list: the selected article's.
    let mut s = loaded_state(Lang::En, 80, 24);
    code(&mut s, KeyCode::Enter);
    ch(&mut s, 'j');
    assert_eq!(
        ch(&mut s, 'y'),
        vec![Effect::Copy {
            text: "http://127.0.0.1/bai/11.html".into()
        }]
    );
}

#[test]
fn links_that_are_not_web_pages_and_pages_that_fail() {
    let mut s = with_links(2);
    let r = s.reader.as_mut().unwrap();
    let mut b = r.body.clone().unwrap();
    b.links = std::sync::Arc::new(vec![
        "mailto:toasoan@example.vn".into(),
        "http://127.0.0.1/x".into(),
    ]);
    r.body = Some(b);
    ch(&mut s, 'L');
    assert!(ch(&mut s, '1').is_empty());
    assert!(s.status.error.is_some());
    assert!(s.reader.as_ref().unwrap().page.is_none());
    // A page that cannot be read: said, and the reader stays on the article.
    ch(&mut s, 'L');
    let (req, _) = fetch_page(&ch(&mut s, '2')).unwrap();
    update(
        &mut s,
        Msg::PageLoaded {
            req,
            result: Err("HTTP 404".into()),
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert!(r.page.is_none() && r.history.is_empty() && r.body.is_some());
    assert_eq!(r.row.id, ArticleId(10));
    // Offline by choice: nothing is fetched.
    let mut s = with_links(2);
    s.connectivity = docbao::app::state::Connectivity::Forced;
    ch(&mut s, 'L');
    assert!(ch(&mut s, '2').is_empty());
    // No links: L says so.
    let mut s = with_links(0);
    ch(&mut s, 'L');
    assert!(s.reader.as_ref().unwrap().hints.is_none());
    assert!(s.status.message.is_some());
}

#[test]
fn save_prompt_snapshots() {
    for size in SIZES {
        let mut s = reading(size.0, size.1);
        s.save_dir = "/tmp/tai-ve".into();
        ch(&mut s, 'w');
        snap("save_prompt_vi", size, &s);
    }
}

#[test]
fn esc_and_a_key_read_together_as_an_alt_chord_are_both_keys() {
    // "\x1bq" in one read is Alt+q to the terminal library: an Alt chord the keymap does
    // not bind is Esc and then the key, so the prompt closes and the key acts; it is not
    // typed into the path.
    let mut s = reading(80, 24);
    s.save_dir = "/tmp/tai-ve".into();
    ch(&mut s, 'w');
    assert!(s.reader.as_ref().unwrap().save.is_some());
    let fx = press(&mut s, KeyCode::Char('4'), KeyModifiers::ALT);
    assert!(
        s.reader.as_ref().unwrap().save.is_none(),
        "the prompt is open"
    );
    assert!(
        matches!(fx[..], [Effect::SetRating { rating: 4, .. }]),
        "the key after Esc did not act: {fx:?}"
    );
    // Outside a prompt too: Esc leaves the reader, then j moves down the list.
    let sel = s.articles.sel;
    press(&mut s, KeyCode::Char('j'), KeyModifiers::ALT);
    assert_eq!(s.focus, Pane::Articles);
    assert_eq!(s.articles.sel, sel + 1);
    // Alt+Backspace (a word's deletion to many terminals) keeps a text box open.
    ch(&mut s, '/');
    for c in "mua".chars() {
        ch(&mut s, c);
    }
    press(&mut s, KeyCode::Backspace, KeyModifiers::ALT);
    assert_eq!(s.focus, Pane::Search);
    assert!(s.search.as_ref().is_some_and(|q| q.input.starts_with("mu")));
}

#[test]
fn save_proposes_a_path_and_never_overwrites_silently() {
    let mut s = reading(80, 24);
    s.save_dir = "/tmp/tai-ve".into();
    ch(&mut s, 'w');
    let input = s
        .reader
        .as_ref()
        .unwrap()
        .save
        .as_ref()
        .unwrap()
        .input
        .clone();
    assert!(
        input.starts_with("/tmp/tai-ve/thu-tuong-chinh-phu-yeu-cau"),
        "{input}"
    );
    assert!(input.ends_with(".md"));
    // Typing goes to the prompt, not to the keymap (q does not close, 4 does not rate).
    for _ in 0..2 {
        code(&mut s, KeyCode::Backspace);
    }
    for c in "txt4q".chars() {
        assert!(ch(&mut s, c).is_empty());
    }
    let path = s
        .reader
        .as_ref()
        .unwrap()
        .save
        .as_ref()
        .unwrap()
        .input
        .clone();
    assert!(path.ends_with(".txt4q"), "{path}");
    let fx = code(&mut s, KeyCode::Enter);
    let job = match &fx[..] {
        [Effect::SaveArticle(job)] => job.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(job.path, path);
    assert!(!job.overwrite);
    assert!(job.html.contains("Đoạn 1."));
    assert_eq!(job.source.as_deref(), Some("Tuổi Trẻ"));
    update(&mut s, Msg::SaveDone(SaveResult::Exists(path.clone())));
    assert!(s.status.message.as_deref().unwrap().contains("đã có"));
    // The same name again: the user's yes.
    let fx = code(&mut s, KeyCode::Enter);
    assert!(matches!(&fx[..], [Effect::SaveArticle(j)] if j.overwrite));
    update(&mut s, Msg::SaveDone(SaveResult::Saved(path.clone())));
    assert!(s.reader.as_ref().unwrap().save.is_none());
    assert!(s.status.message.as_deref().unwrap().starts_with("Đã lưu"));
    // Esc closes the prompt and stays in the reader.
    ch(&mut s, 'w');
    code(&mut s, KeyCode::Esc);
    assert!(s.reader.as_ref().unwrap().save.is_none());
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn a_followed_page_has_no_summary_to_switch_to() {
    let mut s = with_links(2);
    ch(&mut s, 'L');
    let (req, _) = fetch_page(&ch(&mut s, '2')).unwrap();
    update(
        &mut s,
        Msg::PageLoaded {
            req,
            result: Ok(page("Trang")),
        },
    );
    assert!(ch(&mut s, 't').is_empty());
    assert_eq!(s.reader.as_ref().unwrap().mode, docbao::app::BodyMode::Full);
}

#[test]
fn the_articles_pictures_wait_aside_while_a_page_is_read() {
    let mut s = with_links(2);
    s.reader.as_mut().unwrap().pictures.size = (7, 3);
    ch(&mut s, 'L');
    let (req, _) = fetch_page(&ch(&mut s, '2')).unwrap();
    assert_eq!(s.reader.as_ref().unwrap().pictures.size, (0, 0));
    update(
        &mut s,
        Msg::PageLoaded {
            req,
            result: Ok(page("Trang")),
        },
    );
    code(&mut s, KeyCode::Esc);
    assert_eq!(s.reader.as_ref().unwrap().pictures.size, (7, 3));
}

/// The spans of `hint_line` that stand out.
fn hinted(line: &ratatui::text::Line<'static>, typed: &str, links: usize) -> Vec<String> {
    use ratatui::style::{Modifier, Style};
    let hint = Style::default().add_modifier(Modifier::REVERSED);
    docbao::view::reader::hint_line(line, typed, links, hint)
        .spans
        .iter()
        .filter(|s| s.style.add_modifier.contains(Modifier::REVERSED))
        .map(|s| s.content.to_string())
        .collect()
}

#[test]
fn only_the_links_numbers_are_hints() {
    let line = ratatui::text::Line::from("Năm [2024] xem [1], [2] và [3]; [0] hay [12]");
    assert_eq!(hinted(&line, "", 2), vec!["[1]", "[2]"]);
    assert_eq!(hinted(&line, "2", 12), vec!["[2]"]);
    assert_eq!(hinted(&line, "1", 12), vec!["[1]", "[12]"]);
    assert!(hinted(&line, "", 0).is_empty());
}

proptest::proptest! {
    #![proptest_config(crate::fuzz::config(256))]

    /// Any text: the hinted line says the same text, and only link numbers (1 to the
    /// count) that begin with what was typed stand out.
    #[test]
    fn prop_hint_line_keeps_the_text(
        text in "([a-zđ ]{0,4}|\\[[0-9]{0,3}\\]?|[\\[\\]]){0,12}",
        typed in "[0-9]{0,2}",
        links in 0usize..40,
    ) {
        use ratatui::style::{Modifier, Style};
        let line = ratatui::text::Line::from(text.clone());
        let hint = Style::default().add_modifier(Modifier::REVERSED);
        let out = docbao::view::reader::hint_line(&line, &typed, links, hint);
        let joined: String = out.spans.iter().map(|s| s.content.as_ref()).collect();
        proptest::prop_assert_eq!(joined, text);
        for h in hinted(&line, &typed, links) {
            let n: usize = h.trim_start_matches('[').trim_end_matches(']').parse().unwrap();
            proptest::prop_assert!((1..=links).contains(&n), "{}", h);
            proptest::prop_assert!(n.to_string().starts_with(&typed), "{} {}", h, typed);
        }
    }
}
