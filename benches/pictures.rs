//! Pictures in the reader at 200x60: scrolling an article with 20 decoded full-width
//! pictures (key + frame; half blocks and kitty) against the same article with pictures
//! off, the first paint of an article with pictures (placeholders) against without, and
//! what preparing one picture costs (decode, scale, encode; off the UI thread).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark that cannot set up stops, with the line that failed"
)]
use chrono::Utc;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::app::pictures::{PictureConf, Shown};
use docbao::app::state::{Pane, Reader, State};
use docbao::app::{Effect, Msg, WrappedBody, update};
use docbao::i18n::Lang;
use docbao::picture::detect::{Drawing, picker};
use docbao::picture::draw::prepare;
use docbao::picture::encode::ProtocolType;
use docbao::runtime::body::{wrap_body, wrap_body_with_pictures};
use docbao::store::ArticleRow;
use docbao::view::{self, ViewState};
use image::{ImageEncoder, RgbImage};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::sync::Arc;

mod harness;

const PARA: &str = "Người dân đổ về bờ sông từ sáng sớm để xem lễ thông xe cây cầu mới, công \
    trình được chờ đợi suốt nhiều năm qua của cả vùng đồng bằng ven biển phía nam.";
const W: u16 = 200;
const H: u16 = 60;

/// A 2000 x 1200 photo-sized PNG, a gradient.
fn photo() -> Vec<u8> {
    let (w, h) = (2000, 1200);
    let img = RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

fn html() -> String {
    let mut h = String::new();
    for i in 0..20 {
        h.push_str(&format!("<p>Đoạn {i}. {PARA}</p><p>{PARA}</p>"));
        h.push_str(&format!(
            "<figure><img src=\"/anh/{i}.png\" alt=\"Ảnh số {i}\"></figure>"
        ));
    }
    h
}

/// The reader open at 200x60 on an article of 20 pictures; `pictures`: drawn or off.
fn reader(pictures: bool) -> (State, WrappedBody) {
    let mut s = State::new(Lang::Vi, Utc::now());
    if pictures {
        // High enough for a full-width landscape picture.
        s.pictures = Some(PictureConf { max_rows: 40 });
    }
    update(
        &mut s,
        Msg::Resize {
            width: W,
            height: H,
        },
    );
    let width = docbao::layout::reader_text(s.shape()).unwrap().width;
    let body = if pictures {
        wrap_body_with_pictures(
            &html(),
            width,
            Lang::Vi,
            None,
            Some("http://127.0.0.1/bai.html"),
        )
    } else {
        wrap_body(&html(), width, Lang::Vi)
    };
    let row = ArticleRow {
        id: docbao::feed::ArticleId(1),
        feed_id: docbao::feed::FeedId(1),
        feed_title: "Báo Ảnh".into(),
        title: "Cầu mới thông xe".into(),
        url: None,
        published: None,
        read: true,
        rating: 0,
        full_text: true,
        reading_minutes: 2,
        story: None,
    };
    let mut reader = Reader::new(row, 0, false);
    reader.render_req = 7;
    reader.render_width = width;
    s.reader = Some(reader);
    s.focus = Pane::Reader;
    (s, body)
}

fn frame(state: &State, term: &mut Terminal<TestBackend>, vs: &mut ViewState) {
    let theme = docbao::theme::Theme::default();
    term.draw(|f| view::render(state, &theme, vs, f)).unwrap();
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Every picture load answered with `shown`.
fn answer_all(s: &mut State, fx: Vec<Effect>, protocol: ProtocolType, bytes: &[u8]) -> usize {
    let p = picker(
        Drawing::On {
            protocol,
            font: Some((10, 20)),
        },
        false,
    )
    .unwrap();
    let mut queue = fx;
    let mut n = 0;
    let mut cache: std::collections::HashMap<(u16, u16), Shown> = Default::default();
    while let Some(e) = queue.pop() {
        if let Effect::LoadPicture {
            req,
            index,
            cols,
            rows,
            ..
        } = e
        {
            let shown = cache
                .entry((cols, rows))
                .or_insert_with(|| Shown(Arc::new(prepare(&p, bytes, cols, rows).unwrap())))
                .clone();
            n += 1;
            queue.extend(update(
                s,
                Msg::PictureReady {
                    req,
                    index,
                    shown: Some(shown),
                },
            ));
        }
    }
    n
}

fn scroll_bench(
    h: &mut harness::Harness,
    name: &str,
    protocol: Option<ProtocolType>,
    bytes: &[u8],
) {
    let (mut s, body) = reader(protocol.is_some());
    let mut fx = update(&mut s, Msg::BodyRendered { req: 7, body });
    if let Some(protocol) = protocol {
        // Walk down the article so that every picture is asked for and decoded.
        let mut decoded = 0;
        for _ in 0..200 {
            decoded += answer_all(&mut s, std::mem::take(&mut fx), protocol, bytes);
            fx = update(&mut s, key(KeyCode::PageDown));
        }
        decoded += answer_all(&mut s, fx, protocol, bytes);
        assert_eq!(decoded, 20, "every picture decoded once");
    }
    // In the middle of the article, pictures on screen.
    update(&mut s, key(KeyCode::Home));
    for _ in 0..10 {
        update(&mut s, key(KeyCode::PageDown));
    }
    let mut term = Terminal::new(TestBackend::new(W, H)).unwrap();
    let mut vs = ViewState::default();
    frame(&s, &mut term, &mut vs);
    let mut down = true;
    h.bench(name, || {
        let fx = update(&mut s, key(if down { KeyCode::Down } else { KeyCode::Up }));
        down = !down;
        frame(&s, &mut term, &mut vs);
        black_box(fx)
    });
}

fn main() {
    let mut h = harness::Harness::new("pictures");
    let bytes = photo();
    h.group("pictures", 10);
    scroll_bench(
        &mut h,
        "scroll, 20 pictures off (key + frame)",
        None,
        &bytes,
    );
    scroll_bench(
        &mut h,
        "scroll, 20 decoded pictures, half blocks (key + frame)",
        Some(ProtocolType::Halfblocks),
        &bytes,
    );
    scroll_bench(
        &mut h,
        "scroll, 20 decoded pictures, kitty (key + frame)",
        Some(ProtocolType::Kitty),
        &bytes,
    );
    for pictures in [false, true] {
        let name = if pictures {
            "first paint, 20 pictures as placeholders"
        } else {
            "first paint, pictures off"
        };
        let (s, body) = reader(pictures);
        h.bench_with_setup(
            name,
            || {
                (
                    s.clone(),
                    body.clone(),
                    Terminal::new(TestBackend::new(W, H)).unwrap(),
                )
            },
            |(mut s, body, mut term)| {
                let fx = update(&mut s, Msg::BodyRendered { req: 7, body });
                let mut vs = ViewState::default();
                frame(&s, &mut term, &mut vs);
                black_box(fx)
            },
        );
    }
    let p = picker(
        Drawing::On {
            protocol: ProtocolType::Halfblocks,
            font: Some((10, 20)),
        },
        false,
    )
    .unwrap();
    h.bench(
        "prepare one 2000x1200 PNG for 100x40 cells (worker)",
        || black_box(prepare(&p, &bytes, 100, 40).unwrap()),
    );
}
