//! The article's pictures in the reader: where each one stands among the rows (the body
//! is laid out with rows kept for it), which ones to ask the runner for (only those near
//! the viewport), their state as the runner answers, and the viewer that shows one picture
//! alone. Pure: the runner fetches, caches, decodes and encodes, and says so with
//! [`super::Msg::PictureReady`].
use super::effect::Effect;
use super::{Pane, State};
use crate::feed::ArticleId;
use crate::layout;
use crate::picture::ImageRef;
use crate::picture::draw::Prepared;
use std::sync::Arc;

/// How the reader draws pictures; `None` in the state when they are off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureConf {
    /// `image_max_rows`.
    pub max_rows: u16,
}

/// Where the pictures of one wrapped body stand.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placed {
    /// Every picture of the article in page order, the lead first (`picture::list`).
    pub images: Arc<Vec<ImageRef>>,
    /// Pictures above a body line, in line order.
    pub anchors: Arc<Vec<Anchor>>,
    /// The picture shown under the header (an index into `images`).
    pub lead: Option<usize>,
}

/// A picture drawn above body line `line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub line: usize,
    pub image: usize,
}

/// A picture ready to draw, shared (compared by identity: it is never changed).
#[derive(Clone)]
pub struct Shown(pub Arc<Prepared>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// One picture's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Slot {
    /// Not asked for yet (far from the viewport).
    #[default]
    Idle,
    /// Asked for: a placeholder with the caption takes its rows meanwhile.
    Loading,
    Ready(Shown),
    /// Not cached offline, unreachable, or not a picture: the caption alone.
    Failed,
}

/// The pictures of the open article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pictures {
    pub slots: Vec<Slot>,
    /// The cells the slots were asked for (cols, rows): another size asks again.
    pub size: (u16, u16),
    /// The request id of the slots' current size: answers for another are stale.
    pub req: u64,
    pub viewer: Option<Viewer>,
}

/// One picture alone, over the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Viewer {
    pub index: usize,
    pub slot: Slot,
    pub size: (u16, u16),
    pub req: u64,
}

/// A run of rows of the reader below the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// Body lines `start..end`.
    Lines(usize, usize),
    /// `rows` rows of picture `image`.
    Picture { image: usize, rows: u16 },
    /// The lead picture's caption, on one row.
    Caption(usize),
}

impl Block {
    pub fn rows(self) -> usize {
        match self {
            Block::Lines(a, b) => b - a,
            Block::Picture { rows, .. } => rows as usize,
            Block::Caption(_) => 1,
        }
    }
}

/// The cells a picture in the body may take at this state's size.
pub fn slot_size(s: &State) -> Option<(u16, u16)> {
    let conf = s.pictures?;
    let text = layout::reader_text(s.shape())?;
    let rows = conf.max_rows.min(text.height.saturating_sub(2)).max(1);
    Some((text.width.max(1), rows))
}

/// The cells of the viewer: the reader pane's text area, less a row for the caption.
pub fn viewer_size(s: &State) -> Option<(u16, u16)> {
    s.pictures?;
    // The reader's pane as when it has the focus (the viewer shows only then).
    let a = layout::areas(layout::Shape {
        focus: Pane::Reader,
        reader_open: true,
        help: false,
        ..s.shape()
    });
    let inner = layout::inner(a.reader?, a.wide);
    Some((inner.width.max(1), inner.height.saturating_sub(1).max(1)))
}

/// The rows a slot takes: its picture's, none when it failed, the full slot meanwhile.
fn slot_rows(pics: &Pictures, image: usize, size: (u16, u16)) -> u16 {
    match pics.slots.get(image) {
        Some(Slot::Ready(p)) => p.0.rows,
        Some(Slot::Failed) | None => 0,
        Some(Slot::Idle | Slot::Loading) => size.1,
    }
}

/// The blocks of the open article below its header, for a body of `lines` lines.
pub fn blocks(s: &State, lines: usize, placed: &Placed, pics: &Pictures) -> Vec<Block> {
    match slot_size(s) {
        Some(size) => blocks_for(size, lines, placed, pics),
        None => vec![Block::Lines(0, lines)],
    }
}

/// The open article's blocks (none while its body is not laid out).
pub fn reader_blocks(s: &State) -> Vec<Block> {
    let Some(r) = s.reader.as_ref() else {
        return Vec::new();
    };
    match r.body.as_ref() {
        Some(b) => blocks(s, b.lines.len(), &b.placed, &r.pictures),
        None => vec![Block::Lines(0, 1)],
    }
}

/// Asks for the pictures near the viewport (a page above to two below) that were not
/// asked for yet, at the current size; a new size asks again for all of them. Called
/// after every message: cheap (a few blocks), and nothing is asked twice.
/// `head` is the header's rows, `page` the reader's.
pub(super) fn want(s: &mut State, head: usize, page: usize, fx: &mut Vec<Effect>) {
    let Some(size) = slot_size(s) else {
        return;
    };
    let view_size = viewer_size(s);
    // Request ids taken only when asked for (the state's counter is set back at the end);
    // the viewer's and the slots' are apart, so the answers are not taken for each other.
    let mut next = s.next_req;
    let mut fresh = || {
        next += 1;
        next
    };
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    let Some(body) = r.body.as_ref() else {
        return;
    };
    let placed = body.placed.clone();
    let lines = body.lines.len();
    let id = r.row.id;
    if r.pictures.slots.len() != placed.images.len() || r.pictures.size != size {
        let req = fresh();
        r.pictures.slots = vec![Slot::Idle; placed.images.len()];
        r.pictures.size = size;
        r.pictures.req = req;
        fx.push(Effect::DropPictures { below: req });
    }
    if let (Some(v), Some(vsize)) = (r.pictures.viewer.as_mut(), view_size)
        && (v.size != vsize || v.slot == Slot::Idle)
    {
        let req = fresh();
        v.size = vsize;
        v.req = req;
        v.slot = Slot::Loading;
        if let Some(img) = placed.images.get(v.index) {
            fx.push(load(req, id, v.index, img, vsize));
        }
    }
    let scroll = r.scroll;
    let lo = scroll.saturating_sub(page);
    let hi = scroll + 3 * page;
    let all = blocks_for(size, lines, &placed, &r.pictures);
    let mut row = head;
    for b in all {
        let top = row;
        row += b.rows();
        if let Block::Picture { image, .. } = b
            && top < hi
            && row >= lo
            && r.pictures.slots.get(image) == Some(&Slot::Idle)
            && let Some(img) = placed.images.get(image)
        {
            r.pictures.slots[image] = Slot::Loading;
            fx.push(load(r.pictures.req, id, image, img, size));
        }
        if top >= hi {
            break;
        }
    }
    s.next_req = next;
}

/// [`blocks`] without the state (inside `want`, which holds the reader mutably).
fn blocks_for(size: (u16, u16), lines: usize, placed: &Placed, pics: &Pictures) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(lead) = placed.lead {
        let rows = slot_rows(pics, lead, size);
        if rows > 0 {
            out.push(Block::Picture { image: lead, rows });
        }
        if placed
            .images
            .get(lead)
            .is_some_and(|i| !i.caption.is_empty())
        {
            out.push(Block::Caption(lead));
        }
    }
    let mut at = 0;
    for a in placed.anchors.iter() {
        let line = a.line.min(lines);
        if line > at {
            out.push(Block::Lines(at, line));
            at = line;
        }
        let rows = slot_rows(pics, a.image, size);
        if rows > 0 {
            out.push(Block::Picture {
                image: a.image,
                rows,
            });
        }
    }
    if lines > at {
        out.push(Block::Lines(at, lines));
    }
    out
}

fn load(req: u64, id: ArticleId, index: usize, img: &ImageRef, size: (u16, u16)) -> Effect {
    Effect::LoadPicture {
        req,
        id,
        index,
        url: img.url.clone(),
        cols: size.0,
        rows: size.1,
    }
}

/// The runner's answer for picture `index` of request `req`. A slot above the viewport
/// that changes height moves the scroll by as much, so the text being read stays put.
pub(super) fn ready(s: &mut State, head: usize, req: u64, index: usize, shown: Option<Shown>) {
    let slot = shown.map_or(Slot::Failed, Slot::Ready);
    let Some(size) = slot_size(s) else {
        return;
    };
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    if let Some(v) = r
        .pictures
        .viewer
        .as_mut()
        .filter(|v| v.req == req && v.index == index)
    {
        v.slot = slot;
        return;
    }
    if r.pictures.req != req || index >= r.pictures.slots.len() {
        return;
    }
    let Some(body) = r.body.as_ref() else {
        return;
    };
    let before = blocks_for(size, body.lines.len(), &body.placed, &r.pictures);
    let old_rows = slot_rows(&r.pictures, index, size) as usize;
    r.pictures.slots[index] = slot;
    let new_rows = slot_rows(&r.pictures, index, size) as usize;
    let mut row = head;
    for b in before {
        if let Block::Picture { image, .. } = b
            && image == index
        {
            if row < r.scroll {
                r.scroll = (r.scroll + new_rows).saturating_sub(old_rows);
            }
            break;
        }
        row += b.rows();
    }
}

/// Opens the viewer on the first picture shown in the reader (else the next one below,
/// else the first of the article).
pub(super) fn open_viewer(s: &mut State, head: usize) -> bool {
    let Some(size) = slot_size(s) else {
        return false;
    };
    let Some(r) = s.reader.as_mut() else {
        return false;
    };
    let Some(body) = r.body.as_ref() else {
        return false;
    };
    if body.placed.images.is_empty() {
        return false;
    }
    let mut row = head;
    let mut pick = None;
    for b in blocks_for(size, body.lines.len(), &body.placed, &r.pictures) {
        let end = row + b.rows();
        if let Block::Picture { image, .. } = b
            && end > r.scroll
        {
            pick = Some(image);
            break;
        }
        row = end;
    }
    r.pictures.viewer = Some(Viewer {
        index: pick.unwrap_or(0),
        slot: Slot::Idle,
        size: (0, 0),
        req: 0,
    });
    true
}

/// Steps the viewer by `delta` pictures, within the article's.
pub(super) fn step_viewer(s: &mut State, delta: i32) {
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    let n = r.body.as_ref().map_or(0, |b| b.placed.images.len());
    if let Some(v) = r.pictures.viewer.as_mut() {
        let next = super::step(v.index, delta, n);
        if next != v.index {
            v.index = next;
            v.slot = Slot::Idle;
        }
    }
}

pub(super) fn close_viewer(s: &mut State) {
    if let Some(r) = s.reader.as_mut() {
        r.pictures.viewer = None;
    }
}

/// The viewer is open.
pub fn viewing(s: &State) -> bool {
    s.focus == Pane::Reader
        && s.reader
            .as_ref()
            .is_some_and(|r| r.pictures.viewer.is_some())
}
