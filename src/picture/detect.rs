//! Which way the reader draws pictures, decided once at start from the config, the
//! environment and the terminal's answers to one query (kitty graphics, the primary device
//! attributes where sixel shows as `4`, the cell size in pixels, and a status report that
//! every terminal answers, so a reply is known to be complete). The answers are an input
//! here: the runtime writes [`query`] and collects what comes back within a bounded wait.
use crate::config::ImageMode;
use crate::picture::encode::{Picker, ProtocolType};

/// What the environment says about the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TermEnv {
    /// `NO_COLOR` is set (and not empty).
    pub no_color: bool,
    /// The colours the terminal claims (`TERM`, `COLORTERM`); fewer than 8 means none.
    pub colors: u16,
    /// Inside tmux (`TMUX`, or a `TERM` starting with tmux/screen under tmux).
    pub tmux: bool,
    /// A cell's size in pixels from the window size the kernel holds for the terminal
    /// (`TIOCGWINSZ`), where the terminal fills in pixels: the cell size for terminals
    /// that do not answer `CSI 16 t` (xterm by default).
    pub cell_px: Option<(u16, u16)>,
}

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawing {
    /// Captions only, as before pictures.
    Off,
    /// Pictures in `protocol`; `font` is the cell size in pixels when the terminal said.
    On {
        protocol: ProtocolType,
        font: Option<(u16, u16)>,
    },
}

/// Whether the terminal must be asked at all (only `auto` with colours).
pub fn wants_query(mode: ImageMode, env: &TermEnv) -> bool {
    mode == ImageMode::Auto && !off_by_env(env)
}

fn off_by_env(env: &TermEnv) -> bool {
    env.no_color || env.colors < 8
}

/// The query to write to the terminal (wrapped for tmux's passthrough inside tmux): a
/// one-pixel kitty graphics query, the primary device attributes, the cell size in pixels,
/// and a status report last, which every terminal answers.
pub fn query(tmux: bool) -> String {
    let seq = "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[c\x1b[16t\x1b[5n";
    let mut out = String::new();
    crate::picture::encode::passthrough(seq, tmux, &mut out);
    out
}

/// True once `answer` holds the status report that ends every reply.
pub fn complete(answer: &[u8]) -> bool {
    parse(answer).contains(&Response::Status)
}

/// What one reply in the answer says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Response {
    /// The kitty graphics query was answered OK.
    Kitty,
    /// The device attributes list sixel (4).
    Sixel,
    /// The cell size, (width, height) in pixels.
    CellSize(u16, u16),
    /// The status report (`ESC [ 0 n`).
    Status,
}

/// The replies in `answer` (its first 4096 bytes). Bytes outside an escape sequence, and
/// sequences this does not know or that are cut short, are skipped.
fn parse(answer: &[u8]) -> Vec<Response> {
    let answer = &answer[..answer.len().min(4096)];
    let mut out = Vec::new();
    let mut i = 0;
    while i < answer.len() {
        if answer[i] != 0x1b {
            i += 1;
            continue;
        }
        match answer.get(i + 1) {
            Some(b'[') => {
                // CSI: parameter and intermediate bytes, then one final byte.
                let body = i + 2;
                let Some(end) = answer[body..]
                    .iter()
                    .position(|b| !(0x20..=0x3f).contains(b))
                    .map(|n| body + n)
                else {
                    break;
                };
                if (0x40..=0x7e).contains(&answer[end]) {
                    out.extend(csi(&answer[body..end], answer[end]));
                    i = end + 1;
                } else {
                    // Not a CSI after all (another ESC, a control): read on from there.
                    i = end;
                }
            }
            Some(b'_' | b'P' | b']') => {
                // A string (APC, DCS, OSC) up to ST, or BEL for OSC.
                let body = i + 2;
                // One pass to whichever ends it first.
                let Some((stop, next)) = answer[body..].iter().enumerate().find_map(|(n, &b)| {
                    let at = body + n;
                    match b {
                        7 => Some((at, at + 1)),
                        0x1b if answer.get(at + 1) == Some(&b'\\') => Some((at, at + 2)),
                        _ => None,
                    }
                }) else {
                    break;
                };
                let s = &answer[body..stop];
                if answer[i + 1] == b'_' && s.first() == Some(&b'G') && s.ends_with(b";OK") {
                    out.push(Response::Kitty);
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    out
}

/// The meaning of a CSI reply with `params` and `final_byte`.
fn csi(params: &[u8], final_byte: u8) -> Option<Response> {
    let text = std::str::from_utf8(params).ok()?;
    match final_byte {
        b'c' => {
            let list = text.strip_prefix('?')?;
            list.split(';').any(|p| p == "4").then_some(Response::Sixel)
        }
        b't' => {
            let mut p = text.split(';').map(|n| n.parse::<u16>().ok());
            match (p.next(), p.next(), p.next(), p.next()) {
                (Some(Some(6)), Some(Some(h)), Some(Some(w)), None) => {
                    Some(Response::CellSize(w, h))
                }
                _ => None,
            }
        }
        b'n' if text == "0" || text == "3" => Some(Response::Status),
        _ => None,
    }
}

/// The drawing for `mode` in `env`, given the terminal's `answer` to [`query`] (empty when
/// it said nothing in time). Kitty is preferred to sixel; a terminal that answers neither,
/// or does not answer, gets half blocks.
pub fn choose(mode: ImageMode, env: &TermEnv, answer: &[u8]) -> Drawing {
    if mode == ImageMode::Off || off_by_env(env) {
        return Drawing::Off;
    }
    if mode == ImageMode::Halfblocks {
        return Drawing::On {
            protocol: ProtocolType::Halfblocks,
            font: None,
        };
    }
    let mut protocol = ProtocolType::Halfblocks;
    let mut font = None;
    for r in parse(answer) {
        match r {
            Response::Kitty => protocol = ProtocolType::Kitty,
            Response::Sixel if protocol == ProtocolType::Halfblocks => {
                protocol = ProtocolType::Sixel
            }
            Response::CellSize(w, h) if w > 0 && h > 0 => font = Some((w, h)),
            _ => {}
        }
    }
    // The window's pixels size graphics only: half blocks keep their measure (the window's
    // pixels are made up where no terminal reports them, as in a detached tmux).
    if font.is_none() && protocol != ProtocolType::Halfblocks {
        font = env.cell_px.filter(|&(w, h)| w > 0 && h > 0);
    }
    // Graphics protocols place pixels: without the cell size they cannot be sized right.
    if font.is_none() {
        protocol = ProtocolType::Halfblocks;
    }
    Drawing::On { protocol, font }
}

/// The picker that draws as decided, `None` when pictures are off; `tmux`: through its
/// passthrough. Without a cell size from the terminal, 10 x 20 pixels (half blocks only
/// need its shape).
pub fn picker(drawing: Drawing, tmux: bool) -> Option<Picker> {
    let Drawing::On { protocol, font } = drawing else {
        return None;
    };
    Some(Picker::new(protocol, font.unwrap_or((10, 20)), tmux))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLOURS: TermEnv = TermEnv {
        no_color: false,
        colors: 256,
        tmux: false,
        cell_px: None,
    };

    #[test]
    fn a_kitty_reply_chooses_kitty_with_the_cell_size() {
        let answer = b"\x1b_Gi=31;OK\x1b\\\x1b[?62;22;52c\x1b[6;20;9t\x1b[0n";
        assert!(complete(answer));
        assert_eq!(
            choose(ImageMode::Auto, &COLOURS, answer),
            Drawing::On {
                protocol: ProtocolType::Kitty,
                font: Some((9, 20))
            }
        );
    }

    #[test]
    fn a_sixel_device_attributes_reply_chooses_sixel() {
        let answer = b"\x1b[?62;4;9;22c\x1b[6;16;8t\x1b[0n";
        assert_eq!(
            choose(ImageMode::Auto, &COLOURS, answer),
            Drawing::On {
                protocol: ProtocolType::Sixel,
                font: Some((8, 16))
            }
        );
        // Sixel without a cell size cannot be placed: half blocks.
        let no_size = b"\x1b[?62;4c\x1b[0n";
        assert_eq!(
            choose(ImageMode::Auto, &COLOURS, no_size),
            Drawing::On {
                protocol: ProtocolType::Halfblocks,
                font: None
            }
        );
        // xterm's answer (window reports are off by default), with the cell size from
        // the window's pixels; an answered cell size wins over the window's.
        let xterm = b"\x1b[?63;1;2;4;6;9;15;16;22;28c\x1b[0n";
        let sized = TermEnv {
            cell_px: Some((9, 19)),
            ..COLOURS
        };
        assert_eq!(
            choose(ImageMode::Auto, &sized, xterm),
            Drawing::On {
                protocol: ProtocolType::Sixel,
                font: Some((9, 19))
            }
        );
        assert_eq!(
            choose(ImageMode::Auto, &sized, answer),
            Drawing::On {
                protocol: ProtocolType::Sixel,
                font: Some((8, 16))
            }
        );
        // Half blocks keep their measure.
        assert_eq!(
            choose(ImageMode::Auto, &sized, b"\x1b[?1;2c\x1b[0n"),
            Drawing::On {
                protocol: ProtocolType::Halfblocks,
                font: None
            }
        );
        let zero = TermEnv {
            cell_px: Some((0, 19)),
            ..COLOURS
        };
        assert_eq!(
            choose(ImageMode::Auto, &zero, xterm),
            Drawing::On {
                protocol: ProtocolType::Halfblocks,
                font: None
            }
        );
    }

    #[test]
    fn silence_or_a_plain_reply_means_half_blocks() {
        for answer in [
            &b""[..],
            b"\x1b[?1;2c\x1b[0n",
            b"garbage\x1b[",
            b"\x1b_Gi=31;",
        ] {
            assert_eq!(
                choose(ImageMode::Auto, &COLOURS, answer),
                Drawing::On {
                    protocol: ProtocolType::Halfblocks,
                    font: None
                },
                "{answer:?}"
            );
        }
        assert!(!complete(b""));
        assert!(!complete(b"\x1b[?62;4c"));
    }

    #[test]
    fn replies_are_read_in_any_order_among_others() {
        // A colour reply ended by BEL, a DCS, the size before the attributes, then status.
        let answer =
            b"junk\x1b]11;rgb:0000/0000/0000\x07\x1bP1$r0m\x1b\\\x1b[6;16;8t\x1b[?64;4c\x1b[0n";
        assert!(complete(answer));
        assert_eq!(
            choose(ImageMode::Auto, &COLOURS, answer),
            Drawing::On {
                protocol: ProtocolType::Sixel,
                font: Some((8, 16))
            }
        );
        // A kitty error is not kitty; a size that is not `6;h;w` is no size.
        let answer = b"\x1b_Gi=31;ENOENT:no\x1b\\\x1b[4;600;800t\x1b[6;0;9t\x1b[0n";
        assert_eq!(
            choose(ImageMode::Auto, &COLOURS, answer),
            Drawing::On {
                protocol: ProtocolType::Halfblocks,
                font: None
            }
        );
    }

    #[test]
    fn the_config_and_the_environment_can_turn_pictures_off() {
        let kitty = b"\x1b_Gi=31;OK\x1b\\\x1b[6;20;9t\x1b[0n";
        assert_eq!(choose(ImageMode::Off, &COLOURS, kitty), Drawing::Off);
        let no_color = TermEnv {
            no_color: true,
            ..COLOURS
        };
        assert_eq!(choose(ImageMode::Auto, &no_color, kitty), Drawing::Off);
        assert_eq!(
            choose(ImageMode::Halfblocks, &no_color, kitty),
            Drawing::Off
        );
        assert!(!wants_query(ImageMode::Auto, &no_color));
        let mono = TermEnv {
            colors: 2,
            ..COLOURS
        };
        assert_eq!(choose(ImageMode::Auto, &mono, kitty), Drawing::Off);
        // halfblocks is forced without asking.
        assert!(!wants_query(ImageMode::Halfblocks, &COLOURS));
        assert_eq!(
            choose(ImageMode::Halfblocks, &COLOURS, kitty),
            Drawing::On {
                protocol: ProtocolType::Halfblocks,
                font: None
            }
        );
        assert!(picker(Drawing::Off, false).is_none());
        let p = picker(choose(ImageMode::Auto, &COLOURS, kitty), false).unwrap();
        assert_eq!(p.protocol_type(), ProtocolType::Kitty);
        assert_eq!((p.font_size().width, p.font_size().height), (9, 20));
    }

    #[test]
    fn the_query_asks_for_graphics_and_ends_with_a_status_request() {
        let q = query(false);
        assert!(q.starts_with("\x1b_Gi=31"), "{q:?}");
        assert!(q.contains("\x1b[c") && q.ends_with("\x1b[5n"), "{q:?}");
        assert!(query(true).starts_with("\x1bPtmux;"));
    }
}
