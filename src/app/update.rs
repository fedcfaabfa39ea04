//! The only function that changes the state: `update(&mut State, Msg) -> Vec<Effect>`.
//! No I/O, no clock, no async: tests call it directly.
use super::effect::{BodyMode, Effect};
use super::keys;
use super::msg::{Msg, WrappedBody};
use super::state::{Connectivity, FeedEntry, Pane, Reader, State};
use crate::feed::ArticleId;
use crate::i18n::{self, T, tr};
use crate::store::{ArticleDetail, ArticleRow, FeedRow};
use crate::text::collate;

/// Applies one message; returns what the runner must do.
pub fn update(s: &mut State, msg: Msg) -> Vec<Effect> {
    let mut fx = Vec::new();
    match msg {
        Msg::Key(k) => keys::on_key(s, k, &mut fx),
        Msg::Paste(text) => keys::on_paste(s, &text, &mut fx),
        Msg::Resize { width, height } => {
            s.width = width;
            s.height = height;
            rewrap(s, &mut fx);
        }
        Msg::Click { pane, index } => keys::on_click(s, pane, index, &mut fx),
        Msg::Wheel { pane, delta } => keys::on_wheel(s, pane, delta, &mut fx),
        Msg::Clock(now) => s.now = now,
        Msg::Tick => s.status.spinner = s.status.spinner.wrapping_add(1),
        Msg::FeedsLoaded(rows) => feeds_loaded(s, rows, &mut fx),
        Msg::ArticlesLoaded { req, rows } if req == s.articles.req => {
            // The selected article stays selected, except at the top of a list nobody is
            // reading from: there the newest (new articles after a refresh) stays in view.
            let at_top = s.articles.sel == 0 && s.reader.is_none();
            let keep = s
                .articles
                .rows
                .get(s.articles.sel)
                .filter(|_| !at_top)
                .map(|r| r.id);
            s.articles.rows = rows;
            s.articles.loading = false;
            s.articles.sel = keep
                .and_then(|id| s.articles.rows.iter().position(|r| r.id == id))
                .unwrap_or(s.articles.sel)
                .min(s.articles.rows.len().saturating_sub(1));
        }
        Msg::DetailLoaded { req, detail } => detail_loaded(s, req, *detail, &mut fx),
        Msg::BodyRendered { req, body } => body_rendered(s, req, body),
        Msg::FullTextDone {
            req,
            id,
            result,
            offline,
        } => {
            let Some(r) = s.reader.as_mut().filter(|r| r.fetch_req == Some(req)) else {
                return fx;
            };
            r.fetch_req = None;
            match result {
                Ok(()) => {
                    s.connectivity = online_again(s.connectivity);
                    let req = s.fresh_req();
                    if let Some(r) = s.reader.as_mut() {
                        r.detail_req = req;
                    }
                    fx.push(Effect::LoadDetail { req, id });
                    set_full_text_mark(s, id);
                }
                Err(e) => {
                    if offline && s.connectivity == Connectivity::Online {
                        s.connectivity = Connectivity::Lost;
                    }
                    s.status.error = Some(e);
                }
            }
        }
        Msg::SearchDone { req, rows } => {
            if let Some(q) = s.search.as_mut().filter(|q| q.req == req) {
                q.rows = rows;
                q.searching = false;
                q.sel = q.sel.min(q.rows.len().saturating_sub(1));
            }
        }
        Msg::RefreshProgress { done, total } => s.status.refresh = Some((done, total)),
        Msg::RefreshDone {
            ok,
            failed,
            new,
            offline,
            error,
        } => {
            s.status.refresh = None;
            if offline {
                if s.connectivity == Connectivity::Online {
                    s.connectivity = Connectivity::Lost;
                }
            } else if ok > 0 {
                s.connectivity = online_again(s.connectivity);
            }
            s.status.message = Some(i18n::strings::refresh_done(s.lang, ok, failed, new));
            s.status.error = error;
            s.prune_due = true;
            prune_when_free(s, &mut fx);
            fx.push(Effect::LoadFeeds);
            reload_articles(s, &mut fx);
        }
        Msg::Failed(e) => s.status.error = Some(e),
        Msg::BrowserOpened(r) => match r {
            Ok(()) => s.status.message = Some(tr(s.lang, T::OpenedBrowser).into()),
            Err(e) => s.status.error = Some(e),
        },
        // A stale result: a newer request replaced it.
        Msg::ArticlesLoaded { .. } => {}
    }
    if s.busy() && !fx.contains(&Effect::StartTicking) {
        fx.push(Effect::StartTicking);
    }
    fx
}

fn online_again(c: Connectivity) -> Connectivity {
    match c {
        Connectivity::Forced => Connectivity::Forced,
        _ => Connectivity::Online,
    }
}

/// Feeds in Vietnamese collation: uncategorized first, then each category with its feeds.
fn feeds_loaded(s: &mut State, mut rows: Vec<FeedRow>, fx: &mut Vec<Effect>) {
    let keep = s.selected_entry().cloned().map(|e| match e {
        FeedEntry::Feed(i) => Err(s.feeds.get(i).map(|f| f.id)),
        other => Ok(other),
    });
    rows.sort_by(|a, b| {
        let ca = a.category.as_deref().unwrap_or("");
        let cb = b.category.as_deref().unwrap_or("");
        collate::compare(ca, cb).then_with(|| collate::compare(&a.title, &b.title))
    });
    let mut entries = vec![FeedEntry::All, FeedEntry::Unread, FeedEntry::Rated];
    let mut current: Option<&str> = None;
    for (i, f) in rows.iter().enumerate() {
        let cat = f.category.as_deref().filter(|c| !c.is_empty());
        if cat.is_some() && cat != current {
            entries.push(FeedEntry::Category(cat.unwrap_or_default().to_string()));
        }
        current = cat;
        entries.push(FeedEntry::Feed(i));
    }
    s.feeds = rows;
    s.entries = entries;
    s.feed_sel = match keep {
        Some(Ok(e)) => s.entries.iter().position(|x| *x == e).unwrap_or(0),
        Some(Err(Some(id))) => s
            .entries
            .iter()
            .position(|x| matches!(x, FeedEntry::Feed(i) if s.feeds[*i].id == id))
            .unwrap_or(0),
        _ => 0,
    };
    if !s.feeds_loaded {
        s.feeds_loaded = true;
        load_articles(s, fx);
    } else if let (Some(FeedEntry::Feed(_)), Some(sel)) = (&s.articles.entry, s.selected_entry()) {
        // Indices moved with the sort: point the list at the same entry again.
        s.articles.entry = Some(sel.clone());
    }
}

/// Runs retention if a refresh asked for it and no article is open (the loads that follow
/// see its result: the store runs jobs in order).
pub(crate) fn prune_when_free(s: &mut State, fx: &mut Vec<Effect>) {
    if s.prune_due && s.reader.is_none() {
        s.prune_due = false;
        fx.push(Effect::Prune);
    }
}

/// Starts loading the list of the selected feed entry.
pub(crate) fn load_articles(s: &mut State, fx: &mut Vec<Effect>) {
    let Some(entry) = s.selected_entry().cloned() else {
        return;
    };
    if s.articles.entry.as_ref() != Some(&entry) {
        s.articles.sel = 0;
        s.articles.rows.clear();
    }
    s.articles.entry = Some(entry);
    reload_articles(s, fx);
}

/// Reloads the current list (after a filter, a sort, a refresh), keeping the selection.
pub(crate) fn reload_articles(s: &mut State, fx: &mut Vec<Effect>) {
    let Some(entry) = s.articles.entry.clone() else {
        return;
    };
    let query = s.query_for(&entry);
    s.articles.req = s.fresh_req();
    s.articles.loading = true;
    fx.push(Effect::LoadArticles {
        req: s.articles.req,
        query,
    });
}

/// Opens the reader on `row`: what the cache has shows at once; the full text follows.
pub(crate) fn open_article(
    s: &mut State,
    row: ArticleRow,
    from_search: bool,
    fx: &mut Vec<Effect>,
) {
    // A fetch for the article being left is of no use any more.
    if s.reader.as_ref().is_some_and(Reader::fetching) {
        fx.push(Effect::CancelFetch);
    }
    let req = s.fresh_req();
    let id = row.id;
    if !row.read {
        fx.push(Effect::SetRead { id, read: true });
        fx.push(Effect::LoadFeeds);
        update_rows(s, id, |r| r.read = true);
    }
    let mut row = row;
    row.read = true;
    s.reader = Some(Reader {
        row,
        detail: None,
        mode: BodyMode::Full,
        body: None,
        scroll: 0,
        detail_req: req,
        render_req: 0,
        fetch_req: None,
        from_search,
    });
    s.focus = Pane::Reader;
    fx.push(Effect::LoadDetail { req, id });
}

fn detail_loaded(s: &mut State, req: u64, detail: ArticleDetail, fx: &mut Vec<Effect>) {
    let Some(r) = s.reader.as_mut().filter(|r| r.detail_req == req) else {
        return;
    };
    r.row.rating = detail.row.rating;
    r.row.full_text = detail.full.is_some();
    r.detail = Some(detail);
    render_body(s, fx);
    fetch_missing_full_text(s, fx);
}

/// Fetches the open article's full text in the background when the reader wants it (full
/// mode), the cache lacks it, the user did not force offline and no fetch is running.
pub(crate) fn fetch_missing_full_text(s: &mut State, fx: &mut Vec<Effect>) {
    let forced = s.connectivity == Connectivity::Forced;
    let Some(r) = s.reader.as_ref() else {
        return;
    };
    let Some(detail) = r.detail.as_ref() else {
        return;
    };
    if r.mode != BodyMode::Full || detail.full.is_some() || forced || r.fetching() {
        return;
    }
    let Some(url) = detail.row.url.clone().filter(|u| is_web_url(u)) else {
        return;
    };
    let req = s.fresh_req();
    if let Some(r) = s.reader.as_mut() {
        r.fetch_req = Some(req);
        fx.push(Effect::FetchFullText {
            req,
            id: r.row.id,
            url,
        });
    }
}

/// The HTML the reader shows in its current mode.
pub fn body_html(detail: &ArticleDetail, mode: BodyMode) -> Option<&str> {
    let full = detail.full.as_ref().map(|f| f.html.as_str());
    match mode {
        BodyMode::Full => full.filter(|h| !h.trim().is_empty()).or(detail.feed_html()),
        BodyMode::Summary => detail.feed_html(),
    }
}

/// Asks the runner to wrap the open article at the reader's width.
pub(crate) fn render_body(s: &mut State, fx: &mut Vec<Effect>) {
    let Some(width) = crate::view::layout::reader_text(s).map(|r| r.width) else {
        return;
    };
    let req = s.fresh_req();
    let lang = s.lang;
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    let Some(detail) = r.detail.as_ref() else {
        return;
    };
    let html = match body_html(detail, r.mode) {
        Some(h) => h.to_string(),
        None => format!("<p>{}</p>", tr(lang, T::NoSummary)),
    };
    r.render_req = req;
    fx.push(Effect::RenderBody {
        req,
        html,
        width,
        lang,
    });
}

/// After a resize: wrap again if the reader's width changed.
fn rewrap(s: &mut State, fx: &mut Vec<Effect>) {
    let width = crate::view::layout::reader_text(s).map(|r| r.width);
    let stale = s
        .reader
        .as_ref()
        .and_then(|r| r.body.as_ref())
        .is_some_and(|b| Some(b.width) != width);
    if stale {
        render_body(s, fx);
    }
}

fn body_rendered(s: &mut State, req: u64, body: WrappedBody) {
    let Some(r) = s.reader.as_mut().filter(|r| r.render_req == req) else {
        return;
    };
    // Keep the place: the same fraction of the text stays at the top.
    if let Some(old) = r.body.as_ref().filter(|o| !o.lines.is_empty()) {
        r.scroll = r.scroll * body.lines.len() / old.lines.len();
    }
    r.body = Some(body);
}

/// Applies `f` to every copy of article `id` (lists, search results, the reader).
pub(crate) fn update_rows(s: &mut State, id: ArticleId, f: impl Fn(&mut ArticleRow)) {
    s.articles
        .rows
        .iter_mut()
        .filter(|r| r.id == id)
        .for_each(&f);
    if let Some(q) = s.search.as_mut() {
        q.rows.iter_mut().filter(|r| r.id == id).for_each(&f);
    }
    if let Some(r) = s.reader.as_mut().filter(|r| r.row.id == id) {
        f(&mut r.row);
        if let Some(d) = r.detail.as_mut() {
            f(&mut d.row);
        }
    }
}

fn set_full_text_mark(s: &mut State, id: ArticleId) {
    update_rows(s, id, |r| r.full_text = true);
}

/// Only web addresses go to the browser or the fetcher.
pub fn is_web_url(u: &str) -> bool {
    url::Url::parse(u).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}
