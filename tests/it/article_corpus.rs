//! The extraction corpus: pages of our own writing in the shapes of the Vietnamese CMSs and of
//! the page kinds the extractor must handle. Each `tests/fixtures/corpus/NAME.html` has a
//! `NAME.toml` beside it with what a careful reader would take from the page:
//!
//! ```toml
//! url = "https://example.vn/a.html"   # the page's address
//! title = "…"                         # the headline
//! byline = "…"                        # the writer(s); "" when the page names none
//! published = "2024-03-05T23:05:00+07:00"   # RFC 3339; "" when the page gives none
//! source = "VnExpress"                # where the piece comes from ("Theo VnExpress"); "" none
//! kept = ["…"]                        # sentences the body must contain
//! dropped = ["…"]                     # text the body must not contain
//! ```
//! A field left out is not checked. The test scores every field of every page, prints the
//! per-field accuracy, and fails on any miss.
use docbao::article::{body_text, extract};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    url: String,
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    source: Option<String>,
    #[serde(default)]
    kept: Vec<String>,
    #[serde(default)]
    dropped: Vec<String>,
}

/// Per field: (right, checked), and the misses to print.
#[derive(Default)]
struct Score {
    fields: BTreeMap<&'static str, (usize, usize)>,
    misses: Vec<String>,
}

impl Score {
    fn field(&mut self, page: &str, name: &'static str, want: Option<&str>, got: Option<&str>) {
        let Some(want) = want else { return };
        let got = got.unwrap_or("");
        let entry = self.fields.entry(name).or_default();
        entry.1 += 1;
        if want == got {
            entry.0 += 1;
        } else {
            self.misses
                .push(format!("{page}: {name}: want {want:?}, got {got:?}"));
        }
    }
}

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

#[test]
fn every_field_of_every_corpus_page_is_right() {
    let mut pages: Vec<_> = std::fs::read_dir(corpus_dir())
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "the corpus is empty");
    let mut score = Score::default();
    for toml_path in &pages {
        let name = toml_path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let expected: Expected = toml::from_str(&std::fs::read_to_string(toml_path).unwrap())
            .unwrap_or_else(|e| panic!("{name}.toml: {e}"));
        let html = std::fs::read_to_string(toml_path.with_extension("html"))
            .unwrap_or_else(|e| panic!("{name}.html: {e}"));
        let ex = match extract(&html, Some(&expected.url)) {
            Ok(ex) => ex,
            Err(e) => {
                score.misses.push(format!("{name}: no extraction: {e}"));
                continue;
            }
        };
        let meta = &ex.meta;
        score.field(
            &name,
            "title",
            expected.title.as_deref(),
            meta.title.as_deref(),
        );
        score.field(
            &name,
            "byline",
            expected.byline.as_deref(),
            meta.byline.as_deref(),
        );
        score.field(
            &name,
            "published",
            expected.published.as_deref(),
            meta.published.as_deref(),
        );
        score.field(
            &name,
            "source",
            expected.source.as_deref(),
            meta.source.as_deref(),
        );
        let text = body_text(&ex.html);
        let kept = expected.kept.iter().all(|k| text.contains(k.as_str()));
        let dropped = expected.dropped.iter().all(|d| !text.contains(d.as_str()));
        let body = if kept && dropped { "ok" } else { "miss" };
        if !expected.kept.is_empty() || !expected.dropped.is_empty() {
            score.field(&name, "body", Some("ok"), Some(body));
            if body == "miss" {
                score.misses.push(format!("{name}: body was:\n{text}"));
            }
        }
    }
    for (field, (right, checked)) in &score.fields {
        eprintln!("corpus {field}: {right}/{checked}");
    }
    assert!(score.misses.is_empty(), "{}", score.misses.join("\n"));
}
