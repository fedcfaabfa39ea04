//! Damaged feeds never panic and never reach a feed-rs panic: every fixture with bytes
//! flipped, deleted, duplicated or cut, decided by a fixed pseudo-random sequence.
use docbao::feed::parse::{ParseError, parse_feed};
use std::path::Path;

/// A small deterministic generator (xorshift64*), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const NASTY: &[&[u8]] = &[
    b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
    b"<?xml version='1.0' encoding='UTF-16'?>",
    b"&",
    b"&nbsp;",
    b"<![CDATA[",
    b"]]>",
    b"<",
    b">",
    b"\"",
    b"\x1b]0;x\x07",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"&#0;",
    b"&#x110000;",
    b"<!DOCTYPE html>",
    b"</item>",
    b"<item>",
    b"xml:base=\"::\"",
];

fn mutate(rng: &mut Rng, doc: &[u8]) -> Vec<u8> {
    let mut d = doc.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(d.len() + 1);
        match rng.below(4) {
            0 if at < d.len() => d[at] = rng.next() as u8,
            1 if at < d.len() => {
                let len = rng.below(16).min(d.len() - at);
                d.drain(at..at + len);
            }
            2 => {
                let piece = NASTY[rng.below(NASTY.len())];
                d.splice(at..at, piece.iter().copied());
            }
            _ => d.truncate(at),
        }
    }
    d
}

#[test]
fn mutated_fixtures_fail_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds");
    let mut fixtures: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    fixtures.sort();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut ok, mut failed) = (0, 0);
    for path in &fixtures {
        let doc = std::fs::read(path).unwrap();
        for round in 0..150 {
            let damaged = mutate(&mut rng, &doc);
            match parse_feed(&damaged, None, "https://x.example.vn/rss") {
                Ok(feed) => {
                    ok += 1;
                    for item in &feed.items {
                        assert!(!item.title.chars().any(char::is_control), "{item:?}");
                    }
                }
                Err(ParseError::Crashed) => panic!(
                    "{} round {round}: feed-rs panicked on {:?}",
                    path.display(),
                    String::from_utf8_lossy(&damaged)
                ),
                Err(e) => {
                    failed += 1;
                    assert!(!e.to_string().contains('\n'), "{e}");
                }
            }
        }
    }
    // Both outcomes happen: the repairs let some damage through, the check stops the rest.
    assert!(ok > 0 && failed > 0, "ok {ok}, failed {failed}");
}
