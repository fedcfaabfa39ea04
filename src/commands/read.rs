//! `docbao read TARGET`: an article id (from the cache), an http(s) URL or a local HTML file.
//!
//! By id: the cached full text; else (online) fetch it, store it, show it; else, or when the
//! fetch fails or finds too little, the feed's own content with the reason in the header.
//! `--summary` shows the feed's content on purpose. Output: header, blank line, body wrapped
//! at `--width`, numbered links; or `--json`.
use crate::article::export;
use crate::article::meta::Evidence;
use crate::article::render::MIN_WIDTH;
use crate::article::{self, ArticleError, ArticleMeta};
use crate::cli::{ReadArgs, ReadFormat};
use crate::commands::Ctx;
use crate::feed::ArticleId;
use crate::i18n::Lang;
use crate::picture::{self, ImageRef};
use crate::store::{ArticleDetail, Store};
use anyhow::{Context, bail};
use chrono::{DateTime, NaiveTime, Utc};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// What is shown: the body's HTML, its metadata, the feed's name, and why the feed's
/// content stands in for the page, when it does.
struct View {
    html: String,
    meta: ArticleMeta,
    source: Option<String>,
    notice: Option<String>,
    /// The story group of a cached article.
    story: Option<i64>,
    /// How the metadata was chosen, when the page was extracted now (not from the cache).
    evidence: Vec<Evidence>,
}

impl View {
    fn doc(&self) -> export::Doc<'_> {
        export::Doc {
            html: &self.html,
            meta: &self.meta,
            source: self.source.as_deref(),
            notice: self.notice.as_deref(),
        }
    }
}

enum Target<'a> {
    Id(i64),
    Url(&'a str),
    File(&'a Path),
}

fn classify(target: &str) -> Target<'_> {
    let t = target.trim();
    if let Ok(id) = t.parse::<i64>()
        && !Path::new(t).exists()
    {
        return Target::Id(id);
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Target::Url(t);
    }
    Target::File(Path::new(target))
}

pub fn run(args: &ReadArgs, ctx: &Ctx) -> anyhow::Result<()> {
    let target = classify(&args.target);
    let view = match target {
        Target::Id(id) => from_cache(id, args, ctx)?,
        Target::Url(url) => from_url(url, ctx)?,
        Target::File(path) => from_file(path, args.url.as_deref())?,
    };
    let out = if args.json {
        let pictures = picture::list(
            &view.html,
            view.meta.image.as_deref(),
            view.meta.url.as_deref(),
        );
        // Only an article of the cache has cached pictures.
        let cached = match target {
            Target::Id(_) => cached_pictures(ctx, &pictures),
            _ => HashSet::new(),
        };
        json_output(&view, &pictures, &cached, args.debug)
    } else if args.format == ReadFormat::Md {
        // Markdown viewers wrap paragraphs themselves: unwrapped unless --width says.
        export::markdown(&view.doc(), args.width.map_or(0, |_| width(args)), ctx.lang)
    } else {
        export::plain(&view.doc(), width(args), ctx.lang)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("writing the article")
        }
        _ => Ok(()),
    }
}

/// The wrap width: `--width`, else the terminal's, else 80; 0 keeps lines whole. Anything
/// from 1 to 19 becomes [`MIN_WIDTH`], for the header as for the body: narrower columns
/// would break most Vietnamese words.
fn width(args: &ReadArgs) -> usize {
    let w = args.width.unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            crossterm::terminal::size().map_or(80, |(w, _)| w as usize)
        } else {
            80
        }
    });
    if w == 0 { 0 } else { w.max(MIN_WIDTH) }
}

fn from_file(path: &Path, base: Option<&str>) -> anyhow::Result<View> {
    let bytes = crate::files::read_limited(path, crate::files::MAX_DOCUMENT_BYTES)?;
    let base_url = base
        .map(|b| {
            url::Url::parse(b).map_err(|_| {
                anyhow::anyhow!(
                    "--url is not an absolute URL: {}",
                    crate::text::clean_line(b)
                )
            })
        })
        .transpose()?;
    let host = base_url.as_ref().and_then(url::Url::host_str);
    if let Some(e) = article::not_a_page(&bytes) {
        bail!("{}: {e}", path.display());
    }
    let html = crate::text::decode_bytes(&bytes, None, host);
    let ex =
        article::extract(&html, base).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(View {
        html: ex.html,
        meta: ex.meta,
        source: None,
        notice: None,
        story: None,
        evidence: ex.evidence,
    })
}

/// Of `pictures`, those the cache holds; none when the cache cannot be read (the article
/// itself was already read from it, so this only loses the `cached` flags).
fn cached_pictures(ctx: &Ctx, pictures: &[ImageRef]) -> HashSet<String> {
    let urls: Vec<String> = pictures.iter().map(|p| p.url.clone()).collect();
    ctx.open_store_to_read()
        .ok()
        .and_then(|s| s.cached_images(&urls).ok())
        .unwrap_or_default()
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

fn client() -> anyhow::Result<crate::net::Client> {
    crate::net::Client::new(&crate::net::NetConfig::default()).map_err(|e| anyhow::anyhow!("{e}"))
}

fn from_url(url: &str, ctx: &Ctx) -> anyhow::Result<View> {
    if ctx.offline {
        bail!("offline: cannot fetch {}", crate::text::clean_line(url));
    }
    let client = client()?;
    let page = runtime()?
        .block_on(article::fetch_page(&client, url))
        .map_err(|e| anyhow::anyhow!("{}: {e}", crate::text::clean_line(url)))?;
    let ex = article::extract(&page.html, Some(&page.url))
        .map_err(|e| anyhow::anyhow!("{}: {e}", crate::text::clean_line(url)))?;
    Ok(View {
        html: ex.html,
        meta: ex.meta,
        source: None,
        notice: None,
        story: None,
        evidence: ex.evidence,
    })
}

fn from_cache(id: i64, args: &ReadArgs, ctx: &Ctx) -> anyhow::Result<View> {
    let path = ctx.data_dir.join("cache.db");
    if !path.exists() {
        bail!(
            "no such article: {id} (the cache at {} is empty)",
            ctx.data_dir.display()
        );
    }
    let mut store = match Store::open(&path) {
        Ok(store) => store,
        Err(e) => Store::open_read_only(&path).map_err(|_| anyhow::anyhow!("{e}"))?,
    };
    let detail = store
        .article(ArticleId(id))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if args.summary {
        return feed_view(&detail, None, ctx.lang);
    }
    if let Some(full) = &detail.full {
        return Ok(full_view(&detail, full.html.clone(), full.meta.clone()));
    }
    let reason = match (&detail.row.url, ctx.offline) {
        (_, true) => Reason::Offline,
        (None, _) => Reason::NoLink,
        (Some(url), false) => {
            let client = client()?;
            match runtime()?.block_on(article::fetch_extract(&client, url)) {
                Ok(ex) => {
                    // Counting parses the body: once.
                    let chars = ex.text_chars();
                    if chars >= article::MIN_TEXT_CHARS {
                        let stored = article::fetch::stored(ex);
                        // A read-only cache shows it without keeping it.
                        if !store.read_only()
                            && let Err(e) = store.save_full_text(ArticleId(id), &stored)
                        {
                            eprintln!(
                                "docbao: the article was not cached: {}",
                                crate::text::clean_line(&e.to_string())
                            );
                        }
                        return Ok(full_view(&detail, stored.html, stored.meta));
                    }
                    // Too little to keep; still better than a shorter feed text.
                    if chars > 0 && chars >= feed_chars(&detail) {
                        return Ok(full_view(&detail, ex.html, ex.meta));
                    }
                    Reason::Failed(ArticleError::TooLittle(chars))
                }
                Err(e) => Reason::Failed(e),
            }
        }
    };
    feed_view(&detail, Some(reason), ctx.lang)
}

fn full_view(detail: &ArticleDetail, html: String, mut meta: ArticleMeta) -> View {
    if meta.title.is_none() {
        meta.title = Some(detail.row.title.clone());
    }
    if meta.byline.is_none() {
        meta.byline = detail.author.clone();
    }
    meta.published = published(meta.published.as_deref(), detail.row.published);
    if meta.url.is_none() {
        meta.url = detail.row.url.clone();
    }
    View {
        html,
        meta,
        source: Some(detail.row.feed_title.clone()),
        notice: None,
        story: detail.row.story,
        evidence: Vec::new(),
    }
}

/// The page's date, or the feed's: the feed's also when the page gives only the day
/// (midnight in its zone) and the feed's time falls on that day, since it is more precise.
fn published(page: Option<&str>, feed: Option<DateTime<Utc>>) -> Option<String> {
    let parsed = page.and_then(|p| DateTime::parse_from_rfc3339(p).ok());
    match (parsed, feed) {
        (Some(p), Some(f))
            if p.time() == NaiveTime::MIN
                && f.with_timezone(p.offset()).date_naive() == p.date_naive() =>
        {
            Some(f.to_rfc3339())
        }
        (Some(_), _) => page.map(str::to_string),
        (None, f) => f.map(|f| f.to_rfc3339()),
    }
}

enum Reason {
    Offline,
    NoLink,
    Failed(ArticleError),
}

fn feed_chars(detail: &ArticleDetail) -> usize {
    article::extract::text_chars(detail.feed_html().unwrap_or_default())
}

/// Why the page is not shown, for the header.
fn why(reason: &Reason, lang: Lang) -> String {
    match (reason, lang) {
        (Reason::Offline, Lang::Vi) => "đang ngoại tuyến".to_string(),
        (Reason::Offline, Lang::En) => "offline".to_string(),
        (Reason::NoLink, Lang::Vi) => "bài không có liên kết".to_string(),
        (Reason::NoLink, Lang::En) => "the item has no link".to_string(),
        (Reason::Failed(ArticleError::TooLittle(n)), Lang::Vi) => {
            format!("trang có quá ít chữ ({n} ký tự)")
        }
        (Reason::Failed(ArticleError::NothingFound), Lang::Vi) => {
            "không tìm thấy bài trong trang".to_string()
        }
        (Reason::Failed(ArticleError::Feed), Lang::Vi) => {
            "liên kết dẫn tới một nguồn tin, không phải bài".to_string()
        }
        (Reason::Failed(ArticleError::NotHtml(t)), Lang::Vi) => {
            format!("liên kết không phải trang HTML ({t})")
        }
        (Reason::Failed(e), Lang::Vi) => format!("không tải được trang: {e}"),
        (Reason::Failed(e), Lang::En) => format!("the page could not be used: {e}"),
    }
}

/// The feed's own summary or content; `reason` says why it stands in for the page.
fn feed_view(detail: &ArticleDetail, reason: Option<Reason>, lang: Lang) -> anyhow::Result<View> {
    let html = detail.feed_html().unwrap_or_default().to_string();
    let notice = match (&reason, lang) {
        (None, _) => crate::i18n::reading::feed_summary(lang).to_string(),
        (Some(r), Lang::Vi) => format!("Nội dung từ nguồn tin ({})", why(r, lang)),
        (Some(r), Lang::En) => format!("Showing the feed's content ({})", why(r, lang)),
    };
    // Errors are one English line, like every other command's.
    match &reason {
        Some(r) if html.trim().is_empty() => bail!(
            "article {} has no text to show: {}",
            detail.row.id.0,
            why(r, Lang::En)
        ),
        None if html.trim().is_empty() => {
            bail!("article {} has no summary in its feed", detail.row.id.0)
        }
        _ => {}
    }
    let meta = ArticleMeta {
        title: Some(detail.row.title.clone()),
        byline: detail.author.clone(),
        published: detail.row.published.map(|d| d.to_rfc3339()),
        site_name: None,
        source: None,
        url: detail.row.url.clone(),
        lang: None,
        rating: None,
        views: None,
        image: None,
    };
    Ok(View {
        html,
        meta,
        source: Some(detail.row.feed_title.clone()),
        notice: Some(notice),
        story: detail.row.story,
        evidence: Vec::new(),
    })
}

/// `read --json`, its fields in the order of interface.md (a struct keeps that order).
#[derive(Serialize)]
struct JsonArticle {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating: Option<JsonRating>,
    #[serde(skip_serializing_if = "Option::is_none")]
    views: Option<u64>,
    reading_minutes: u32,
    story: Option<i64>,
    /// `--debug`: how the metadata was chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Vec<Evidence>>,
    images: Vec<JsonImage>,
}

#[derive(Serialize)]
struct JsonImage {
    url: String,
    caption: String,
    cached: bool,
}

#[derive(Serialize)]
struct JsonRating {
    value: Value,
    best: Value,
    count: Option<u64>,
}

fn json_output(
    view: &View,
    pictures: &[ImageRef],
    cached: &HashSet<String>,
    debug: bool,
) -> String {
    let m = &view.meta;
    let s = |v: &Option<String>| {
        v.as_deref()
            .map(crate::text::clean_line)
            .filter(|v| !v.is_empty())
    };
    let text = article::body_text(&view.html);
    let out = JsonArticle {
        reading_minutes: crate::text::reading::reading_minutes(&text),
        story: view.story,
        title: s(&m.title),
        byline: s(&m.byline),
        published: s(&m.published),
        site_name: s(&m.site_name),
        source: s(&m.source),
        url: s(&m.url),
        lang: s(&m.lang),
        text,
        rating: m.rating.as_ref().map(|r| JsonRating {
            value: number(r.value),
            best: number(r.best),
            count: r.count,
        }),
        views: m.views,
        images: pictures
            .iter()
            .map(|p| JsonImage {
                url: crate::text::clean_line(&p.url),
                caption: p.caption.clone(),
                cached: cached.contains(&p.url),
            })
            .collect(),
        evidence: debug.then(|| view.evidence.clone()),
    };
    let mut out = serde_json::to_string(&out).unwrap_or_default();
    out.push('\n');
    out
}

/// 4.0 as 4, 4.5 as 4.5.
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_page_day_takes_the_feed_time_of_that_day() {
        let feed = Utc.with_ymd_and_hms(2020, 8, 22, 3, 30, 0).single();
        let day = Some("2020-08-22T00:00:00+07:00");
        assert_eq!(
            published(day, feed).as_deref(),
            Some("2020-08-22T03:30:00+00:00")
        );
        let other_day = Some("2020-08-21T00:00:00+07:00");
        assert_eq!(published(other_day, feed).as_deref(), other_day);
        let timed = Some("2020-08-22T09:00:00+07:00");
        assert_eq!(published(timed, feed).as_deref(), timed);
        assert_eq!(
            published(None, feed).as_deref(),
            Some("2020-08-22T03:30:00+00:00")
        );
        assert_eq!(published(day, None).as_deref(), day);
    }
}
