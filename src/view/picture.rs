//! Pictures in the reader: a picture in its rows (half blocks may be cut at the top or
//! the bottom of the pane; a graphics protocol is drawn whole or not at all), a placeholder
//! with the caption until it is ready, and the viewer showing one picture alone.
use super::theme::El;
use super::{Ui, layout, left_border, title_row};
use crate::app::pictures::Slot;
use crate::i18n::{T, tr};
use crate::picture::encode::{Image, Protocol};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Draws `slot` into `area`, the visible rows `skip..` of a picture block `rows` high.
pub fn slot(
    ui: Ui,
    slot: Option<&Slot>,
    caption: Option<&str>,
    area: Rect,
    (skip, rows): (u16, u16),
    buf: &mut Buffer,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    if let Some(Slot::Ready(p)) = slot {
        let p = &p.0;
        let x = area.x + area.width.saturating_sub(p.cols) / 2;
        let whole = skip == 0 && area.height >= p.rows;
        match &p.protocol {
            Protocol::Halfblocks(_) if !whole => {
                // Drawn aside at full size, and the visible rows copied.
                let full = Rect::new(0, 0, p.cols, p.rows);
                let mut aside = Buffer::empty(full);
                Image::new(&p.protocol).render(full, &mut aside);
                for dy in 0..area.height.min(p.rows.saturating_sub(skip)) {
                    for dx in 0..p.cols.min(area.width) {
                        buf[(x + dx, area.y + dy)] = aside[(dx, skip + dy)].clone();
                    }
                }
                return;
            }
            _ if whole => {
                let at = Rect::new(x, area.y, p.cols.min(area.width), p.rows);
                Image::new(&p.protocol).render(at, buf);
                return;
            }
            _ => {}
        }
    }
    placeholder(ui, slot, caption, area, (skip, rows), buf);
}

/// A dim frame the picture's size with what it is and whether it comes.
fn placeholder(
    ui: Ui,
    slot: Option<&Slot>,
    caption: Option<&str>,
    area: Rect,
    (skip, rows): (u16, u16),
    buf: &mut Buffer,
) {
    let st = ui.style(El::Dim);
    let lang = ui.state.lang;
    let what = match slot {
        Some(Slot::Failed) => tr(lang, T::PictureMissing),
        _ => tr(lang, T::PictureLoading),
    };
    let caption = caption.filter(|c| !c.is_empty());
    let label = match caption {
        Some(c) => format!("{what} {}", crate::text::clean_line(c)),
        None => what.to_string(),
    };
    let w = area.width as usize;
    let middle = rows / 2;
    for dy in 0..area.height {
        let r = skip + dy;
        let y = area.y + dy;
        let line = if r == 0 || r + 1 == rows {
            "┄".repeat(w)
        } else if r == middle {
            format!("  {label}")
        } else {
            String::new()
        };
        buf.set_stringn(area.x, y, line, w, st);
    }
}

/// The viewer: the picture alone in the reader pane, its caption under it.
pub fn viewer(ui: Ui, area: Rect, bordered: bool, buf: &mut Buffer) {
    let state = ui.state;
    let Some(r) = state.reader.as_ref() else {
        return;
    };
    let Some(v) = r.pictures.viewer.as_ref() else {
        return;
    };
    let images = r
        .body
        .as_ref()
        .map(|b| b.placed.images.clone())
        .unwrap_or_default();
    let right = format!("{}/{}", v.index + 1, images.len());
    title_row(ui, area, tr(state.lang, T::Picture), &right, buf);
    let inner = layout::inner(area, bordered);
    if bordered {
        left_border(ui, layout::inner(area, false), buf);
    }
    if inner.height < 2 || inner.width == 0 {
        return;
    }
    let pic = Rect {
        height: inner.height - 1,
        ..inner
    };
    let caption = images.get(v.index).map(|i| i.caption.as_str());
    let drawn = match &v.slot {
        Slot::Ready(p) if p.0.rows <= pic.height && p.0.cols <= pic.width => {
            let p = &p.0;
            let x = pic.x + (pic.width - p.cols) / 2;
            let y = pic.y + (pic.height - p.rows) / 2;
            Image::new(&p.protocol).render(Rect::new(x, y, p.cols, p.rows), buf);
            true
        }
        _ => false,
    };
    if !drawn {
        placeholder(ui, Some(&v.slot), None, pic, (0, pic.height), buf);
    }
    if let Some(c) = caption.filter(|c| !c.is_empty()) {
        let y = inner.y + inner.height - 1;
        let c = crate::text::clean_line(c);
        buf.set_stringn(
            inner.x + 1,
            y,
            c,
            inner.width.saturating_sub(2) as usize,
            ui.style(El::Dim),
        );
    }
}
