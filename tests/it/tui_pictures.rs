//! Pictures in the reader without a terminal: `update` asks only for the pictures near the
//! viewport and asks again at a new width (the old requests dropped); answers draw half
//! blocks in the rows kept for them (snapshots at 80x24 and 40x20), a placeholder with the
//! caption until then, the caption alone when a picture fails; the viewer steps through
//! the article's pictures; kitty and sixel reach the terminal as their escape sequences.
use crate::tui_fixture::*;

use crossterm::event::KeyCode;
use docbao::app::pictures::{PictureConf, Shown, Slot};
use docbao::app::state::State;
use docbao::app::{Effect, Msg, update};
use docbao::feed::model::ArticleMeta;
use docbao::i18n::Lang;
use docbao::picture::detect::{Drawing, picker};
use docbao::picture::encode::{Picker, ProtocolType};
use docbao::runtime::body::wrap_body_with_pictures;
use docbao::store::StoredExtract;
use image::{ImageEncoder, RgbImage};
use std::sync::Arc;

pub const BASE: &str = "http://127.0.0.1:9/bai/cau.html";

/// A PNG made here: `w` x `h`, a gradient.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 3) as u8, (y * 5) as u8, 160]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// Never through tmux's passthrough, whether the tests run inside tmux or not.
pub fn fixed_picker(protocol: ProtocolType) -> Picker {
    picker(
        Drawing::On {
            protocol,
            font: Some((10, 20)),
        },
        false,
    )
    .unwrap()
}

/// A page with a lead picture and three figures far apart.
pub fn html() -> String {
    let p = "Người dân đổ về bờ sông từ sáng sớm để xem lễ thông xe cây cầu mới, công trình được \
             chờ đợi suốt nhiều năm qua của cả vùng đồng bằng ven biển phía nam.";
    let mut h = format!("<p>MỞ ĐẦU. {p}</p>");
    for (i, cap) in [
        "Cây cầu nhìn từ bờ bắc",
        "Xe qua cầu",
        "Pháo hoa đêm khánh thành",
    ]
    .iter()
    .enumerate()
    {
        h.push_str(&format!(
            "<figure><img src=\"/anh/{i}.png\" alt=\"{cap}\"></figure>"
        ));
        for _ in 0..12 {
            h.push_str(&format!("<p>{p}</p>"));
        }
    }
    h.push_str(&format!("<p>KẾT THÚC. {p}</p>"));
    h
}

/// Opens the first article with pictures on, its body laid out as the runner would;
/// returns the effects that followed.
pub fn open_with_pictures(w: u16, h: u16, max_rows: u16) -> (State, Vec<Effect>) {
    let mut s = loaded_state(Lang::Vi, w, h);
    s.pictures = Some(PictureConf { max_rows });
    code(&mut s, KeyCode::Enter);
    let fx = code(&mut s, KeyCode::Enter);
    let req = detail_req(&fx).unwrap();
    let mut d = detail(&s.reader.as_ref().unwrap().row);
    d.full = Some(StoredExtract {
        html: html(),
        meta: ArticleMeta {
            url: Some(BASE.into()),
            image: Some("/anh/dau.png".into()),
            ..ArticleMeta::default()
        },
        fetched_at: now(),
    });
    let fx = update(
        &mut s,
        Msg::DetailLoaded {
            req,
            detail: Box::new(d),
        },
    );
    let fx = answer_renders(&mut s, fx);
    (s, fx)
}

/// Answers the body renders among `fx`; returns every other effect and what the answers
/// asked for.
pub fn answer_renders(s: &mut State, fx: Vec<Effect>) -> Vec<Effect> {
    let mut out = Vec::new();
    for e in fx {
        match e {
            Effect::RenderBody {
                req,
                html,
                width,
                lang,
                pictures,
                lead,
                base,
            } => {
                assert!(pictures, "pictures are on");
                let body =
                    wrap_body_with_pictures(&html, width, lang, lead.as_deref(), base.as_deref());
                out.extend(update(s, Msg::BodyRendered { req, body }));
            }
            other => out.push(other),
        }
    }
    out
}

/// The picture loads among `fx`: (req, index, url, cols, rows).
pub fn loads(fx: &[Effect]) -> Vec<(u64, usize, String, u16, u16)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::LoadPicture {
                req,
                index,
                url,
                cols,
                rows,
                ..
            } => Some((*req, *index, url.clone(), *cols, *rows)),
            _ => None,
        })
        .collect()
}

/// Answers every load of `fx` with a picture of `w` x `h` pixels prepared for `picker`.
pub fn answer_loads(s: &mut State, fx: &[Effect], picker: &Picker, (w, h): (u32, u32)) {
    let bytes = png(w, h);
    for (req, index, _, cols, rows) in loads(fx) {
        let p = docbao::picture::draw::prepare(picker, &bytes, cols, rows).unwrap();
        update(
            s,
            Msg::PictureReady {
                req,
                index,
                shown: Some(Shown(Arc::new(p))),
            },
        );
    }
}

fn half_blocks(screen: &str) -> usize {
    screen.chars().filter(|c| matches!(c, '▀' | '▄')).count()
}

#[test]
fn only_the_pictures_near_the_viewport_are_asked_for() {
    let (s, fx) = open_with_pictures(80, 24, 12);
    let got = loads(&fx);
    let urls: Vec<&str> = got.iter().map(|l| l.2.as_str()).collect();
    // The lead under the header and the first figure; the two further down wait.
    assert_eq!(
        urls,
        [
            "http://127.0.0.1:9/anh/dau.png",
            "http://127.0.0.1:9/anh/0.png"
        ]
    );
    // At most the text's width and `image_max_rows`.
    assert!(got.iter().all(|l| l.3 == 78 && l.4 == 12), "{got:?}");
    // Meanwhile a placeholder with the caption, and the text is already there.
    let (screen, _) = draw(&s);
    assert!(screen.contains("Đang tải ảnh"), "{screen}");
    assert!(screen.contains("MỞ ĐẦU"), "{screen}");
}

#[test]
fn scrolling_down_asks_for_the_next_pictures_once() {
    let (mut s, _) = open_with_pictures(80, 24, 12);
    let mut asked = Vec::new();
    for _ in 0..15 {
        let fx = code(&mut s, KeyCode::PageDown);
        asked.extend(loads(&fx).into_iter().map(|l| l.1));
    }
    asked.sort();
    let before = asked.len();
    asked.dedup();
    assert_eq!(before, asked.len(), "a picture was asked for twice");
    assert_eq!(asked, [2, 3], "the ones further down, once each");
}

#[test]
fn a_new_width_asks_again_and_drops_the_old_requests() {
    let (mut s, fx) = open_with_pictures(80, 24, 12);
    let old = loads(&fx)[0].0;
    let fx = update(
        &mut s,
        Msg::Resize {
            width: 50,
            height: 24,
        },
    );
    let fx = answer_renders(&mut s, fx);
    let drop = fx.iter().find_map(|e| match e {
        Effect::DropPictures { below } => Some(*below),
        _ => None,
    });
    let new = loads(&fx);
    assert!(!new.is_empty());
    assert!(new.iter().all(|l| l.3 == 48 && l.0 > old), "{new:?}");
    assert!(drop.is_some_and(|b| b > old && b <= new[0].0));
    // A late answer for the old width is stale: dropped.
    let p = fixed_picker(ProtocolType::Halfblocks);
    let stale = docbao::picture::draw::prepare(&p, &png(64, 48), 76, 12).unwrap();
    update(
        &mut s,
        Msg::PictureReady {
            req: old,
            index: 0,
            shown: Some(Shown(Arc::new(stale))),
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert!(!matches!(r.pictures.slots[0], Slot::Ready(_)));
}

#[test]
fn a_picture_that_fails_leaves_its_caption_and_the_text_moves_up() {
    let (mut s, fx) = open_with_pictures(80, 24, 12);
    for (req, index, ..) in loads(&fx) {
        update(
            &mut s,
            Msg::PictureReady {
                req,
                index,
                shown: None,
            },
        );
    }
    let (screen, _) = draw(&s);
    assert!(!screen.contains("Đang tải ảnh"), "{screen}");
    assert!(screen.contains("[Ảnh: Cây cầu nhìn từ bờ bắc]"), "{screen}");
}

fn snapshot(name: &str, w: u16, h: u16) {
    let (mut s, fx) = open_with_pictures(w, h, 8);
    answer_loads(
        &mut s,
        &fx,
        &fixed_picker(ProtocolType::Halfblocks),
        (800, 450),
    );
    let (screen, _) = draw(&s);
    assert!(half_blocks(&screen) > 100, "{screen}");
    insta::assert_snapshot!(name, screen);
}

#[test]
fn half_blocks_snapshot_80x24() {
    snapshot("pictures_vi_80x24", 80, 24);
}

#[test]
fn half_blocks_snapshot_40x20() {
    snapshot("pictures_vi_40x20", 40, 20);
}

#[test]
fn half_blocks_cells_carry_the_picture_colours() {
    let (mut s, fx) = open_with_pictures(80, 24, 8);
    answer_loads(
        &mut s,
        &fx,
        &fixed_picker(ProtocolType::Halfblocks),
        (160, 90),
    );
    let buf = buffer(&s);
    let blue: Vec<u8> = buf
        .content()
        .iter()
        .filter(|c| c.symbol() == "▀" || c.symbol() == "▄")
        .filter_map(|c| match c.fg {
            ratatui::style::Color::Rgb(_, _, b) => Some(b),
            _ => None,
        })
        .collect();
    assert!(blue.len() > 100);
    // The gradient's blue is 160 everywhere (scaling averages equal values).
    assert!(blue.iter().all(|&b| b.abs_diff(160) <= 1), "{blue:?}");
}

#[test]
fn the_viewer_steps_through_the_pictures_and_goes_back() {
    let (mut s, _) = open_with_pictures(80, 24, 12);
    let picker = fixed_picker(ProtocolType::Halfblocks);
    let fx = ch(&mut s, 'i');
    let l = loads(&fx);
    assert_eq!(l.len(), 1, "{fx:?}");
    // The lead is the picture in view; the viewer takes the pane (80 x 22, less a row).
    assert_eq!((l[0].1, l[0].3, l[0].4), (0, 80, 21));
    answer_loads(&mut s, &fx, &picker, (800, 450));
    let (screen, _) = draw(&s);
    assert!(screen.contains("1/4"), "{screen}");
    assert!(!screen.contains("MỞ ĐẦU"), "{screen}");
    // As large as the pane allows: 21 rows high, 74 columns at its shape.
    assert_eq!(half_blocks(&screen), 74 * 21, "{screen}");
    let fx = ch(&mut s, 'n');
    assert_eq!(loads(&fx)[0].1, 1);
    answer_loads(&mut s, &fx, &picker, (160, 90));
    let (screen, _) = draw(&s);
    assert!(
        screen.contains("2/4") && screen.contains("Cây cầu nhìn từ bờ bắc"),
        "{screen}"
    );
    ch(&mut s, 'N');
    ch(&mut s, 'N');
    let (screen, _) = draw(&s);
    assert!(screen.contains("1/4"), "{screen}");
    code(&mut s, KeyCode::Esc);
    let (screen, _) = draw(&s);
    assert!(screen.contains("MỞ ĐẦU"), "{screen}");
    assert!(s.reader.is_some(), "Esc closed the viewer only");
}

#[test]
fn without_pictures_the_view_key_says_so() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    open_first(&mut s, true);
    ch(&mut s, 'i');
    assert!(
        s.status
            .message
            .as_deref()
            .is_some_and(|m| m.contains("không có ảnh")),
        "{:?}",
        s.status
    );
}

/// What a terminal receives, kept.
#[derive(Clone, Default)]
struct Sink(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes a frame of `s` sends to a terminal.
fn frame_bytes(s: &State) -> Vec<u8> {
    use ratatui::backend::CrosstermBackend;
    use ratatui::{Terminal, TerminalOptions, Viewport};
    let area = ratatui::layout::Rect::new(0, 0, s.width, s.height);
    let sink = Sink::default();
    let mut term = Terminal::with_options(
        CrosstermBackend::new(sink.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .unwrap();
    let mut vs = docbao::view::ViewState::default();
    term.draw(|f| docbao::view::render(s, &docbao::theme::Theme::default(), &mut vs, f))
        .unwrap();
    drop(term);
    sink.0.lock().unwrap().clone()
}

fn with_protocol(protocol: ProtocolType) -> Vec<u8> {
    let (mut s, fx) = open_with_pictures(80, 24, 6);
    answer_loads(&mut s, &fx, &fixed_picker(protocol), (40, 30));
    frame_bytes(&s)
}

#[test]
fn kitty_reaches_the_terminal_as_a_graphics_command() {
    let out = with_protocol(ProtocolType::Kitty);
    let text = String::from_utf8_lossy(&out);
    // Transmitted once (a=T: transmit and show; f=32 RGBA or 24 RGB), then terminated.
    let start = text.find("\x1b_G").expect("no kitty APC");
    let cmd = &text[start..];
    let end = cmd.find("\x1b\\").expect("kitty command not terminated");
    let head = &cmd[..end.min(80)];
    assert!(head.contains("a=T") && head.contains("f="), "{head:?}");
    // The payload is base64.
    let payload = &cmd[cmd.find(';').unwrap() + 1..end];
    assert!(!payload.is_empty());
    assert!(
        payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    );
}

#[test]
fn sixel_reaches_the_terminal_as_a_dcs_image() {
    let out = with_protocol(ProtocolType::Sixel);
    let text = String::from_utf8_lossy(&out);
    let start = text.find("\x1bP").expect("no DCS");
    let dcs = &text[start..];
    let q = dcs.find('q').expect("not a sixel DCS");
    // Parameters before `q` are digits and semicolons only.
    assert!(
        dcs[2..q].bytes().all(|b| b.is_ascii_digit() || b == b';'),
        "{:?}",
        &dcs[..q]
    );
    let end = dcs.find("\x1b\\").expect("sixel not terminated");
    // Colour definitions (#n;2;r;g;b) and sixel data characters only.
    let body = &dcs[q + 1..end];
    assert!(body.contains('#'));
    assert!(
        body.bytes()
            .all(|b| (0x3f..=0x7e).contains(&b) || b"#;!$-\"0123456789".contains(&b)),
        "{body:?}"
    );
}

#[test]
fn a_resize_in_the_viewer_asks_for_the_viewer_and_the_text_apart() {
    let (mut s, fx) = open_with_pictures(80, 24, 12);
    let picker = fixed_picker(ProtocolType::Halfblocks);
    answer_loads(&mut s, &fx, &picker, (800, 450));
    ch(&mut s, 'i');
    let fx = update(
        &mut s,
        Msg::Resize {
            width: 60,
            height: 24,
        },
    );
    let fx = answer_renders(&mut s, fx);
    let l = loads(&fx);
    // The lead twice: for the text (58 wide) and for the viewer (the pane, 60 wide).
    let lead: Vec<_> = l.iter().filter(|l| l.1 == 0).collect();
    assert_eq!(lead.len(), 2, "{l:?}");
    assert_ne!(lead[0].0, lead[1].0, "one request id for both");
    answer_loads(&mut s, &fx, &picker, (800, 450));
    let r = s.reader.as_ref().unwrap();
    let Slot::Ready(text) = &r.pictures.slots[0] else {
        panic!("the text's lead is not ready: {:?}", r.pictures.slots[0]);
    };
    let Slot::Ready(alone) = &r.pictures.viewer.as_ref().unwrap().slot else {
        panic!("the viewer's picture is not ready");
    };
    assert!(text.0.cols <= 58 && text.0.rows <= 12);
    assert!(alone.0.rows > 12, "{:?}", alone.0);
}
