//! Runs the effects of `update`: store jobs in order on the store thread (one queue: reads,
//! the user's writes and the refresh's own calls alike; nothing on the UI loop waits for
//! it), body renders on a latest-wins worker, slow work on tokio tasks (abortable: Esc
//! cancels), results back as messages.
use super::body::{wrap_body, wrap_body_with_pictures};
use super::latest::Latest;
use super::manage;
use super::pictures::PictureWork;
use crate::app::state::State;
use crate::app::{Effect, Msg, Problem, Saved};
use crate::article::{ArticleError, fetch_article};
use crate::commands::Ctx;
use crate::feed::{ArticleId, FeedId};
use crate::i18n::Lang;
use crate::net::{Client, NetConfig};
use crate::refresh::RefreshOptions;
use crate::store::{Store, StoreHandle};
use chrono::Utc;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

/// Most articles a saved search lists.
const SAVED_LIMIT: usize = 20_000;

/// A body to wrap: the newest replaces one not started yet.
struct RenderJob {
    req: u64,
    html: String,
    width: u16,
    lang: Lang,
    /// With pictures: the page's lead picture and address.
    pictures: Option<(Option<String>, Option<String>)>,
}

pub struct Runner {
    store: StoreHandle,
    /// None with `--offline`: no request at all.
    client: Option<Client>,
    lang: Lang,
    refresh_opts: RefreshOptions,
    /// Retention after each refresh, as `docbao refresh` does it.
    keep_days: u32,
    /// With `[sync]`, refreshing all feeds syncs first, and synced feeds are not fetched.
    sync: Option<crate::config::SyncConfig>,
    /// `notify_command`: run after a background refresh that brought news.
    notify: Vec<String>,
    tx: UnboundedSender<Msg>,
    render: Latest<RenderJob>,
    fetch: Option<JoinHandle<()>>,
    refresh: Option<JoinHandle<()>>,
    /// Pages followed from the reader, kept for the session (going back and forth is
    /// instant): the newest last, at most [`super::pages::KEPT`].
    pages: super::pages::PageCache,
    /// None when pictures are off.
    pictures: Option<PictureWork>,
    picture_budget: u64,
}

impl Runner {
    /// Starts the store's thread and the render worker. No network yet: see
    /// [`Runner::connect`].
    pub fn new(ctx: &Ctx, store: Store, tx: UnboundedSender<Msg>) -> std::io::Result<Runner> {
        let render_tx = tx.clone();
        let render = Latest::spawn("docbao-render", move |job: RenderJob| {
            let body = match &job.pictures {
                Some((lead, base)) => wrap_body_with_pictures(
                    &job.html,
                    job.width,
                    job.lang,
                    lead.as_deref(),
                    base.as_deref(),
                ),
                None => wrap_body(&job.html, job.width, job.lang),
            };
            let _ = render_tx.send(Msg::BodyRendered { req: job.req, body });
        })?;
        Ok(Runner {
            store: StoreHandle::spawn(store),
            client: None,
            lang: ctx.lang,
            refresh_opts: RefreshOptions {
                jobs: ctx.config.jobs.max(1),
                full_text: ctx.config.full_text,
                lang: ctx.lang,
                // Checked when the config was read: a failure here cannot happen.
                arrival: std::sync::Arc::new(ctx.config.arrival().unwrap_or_default()),
                max_items: ctx.config.max_items_per_feed,
                pictures: ctx.config.picture_budget(),
            },
            keep_days: ctx.config.keep_days,
            sync: ctx.config.sync.clone(),
            notify: ctx.config.notify_command.clone(),
            tx,
            render,
            fetch: None,
            refresh: None,
            pages: Default::default(),
            pictures: None,
            picture_budget: ctx.config.picture_budget().unwrap_or(0),
        })
    }

    /// Draws pictures with `picker` (decided at start; never called when they are off).
    pub fn draw_pictures(&mut self, picker: crate::picture::encode::Picker) -> std::io::Result<()> {
        self.pictures = Some(PictureWork::spawn(
            picker,
            self.store.clone(),
            self.tx.clone(),
            self.picture_budget,
        )?);
        Ok(())
    }

    /// Builds the HTTP client (TLS set-up takes a moment: after the first frame). Never
    /// with `--offline`.
    pub fn connect(&mut self, offline: bool) -> anyhow::Result<()> {
        if !offline {
            self.client = Some(Client::new(&NetConfig::default())?);
        }
        Ok(())
    }

    /// Feeds and the first article list, waited for (before the loop: the first frame
    /// shows the cache).
    pub fn first_load(&mut self, state: &mut State) -> Vec<Effect> {
        let feeds = self.store.call_blocking(|s| s.feeds());
        let mut later = Vec::new();
        match feeds {
            Ok(rows) => {
                for fx in crate::app::update(state, Msg::FeedsLoaded(rows)) {
                    match fx {
                        Effect::LoadArticles { req, query } => {
                            let rows = self.store.call_blocking(move |s| s.articles(&query));
                            let msg = match rows {
                                Ok(rows) => Msg::ArticlesLoaded { req, rows },
                                Err(e) => Msg::Failed(e.into()),
                            };
                            later.extend(crate::app::update(state, msg));
                        }
                        other => later.push(other),
                    }
                }
            }
            Err(e) => later.extend(crate::app::update(state, Msg::Failed(e.into()))),
        }
        let saved = self.store.call_blocking(|s| s.saved_searches());
        let msg = saved.map_or_else(|e| Msg::Failed(e.into()), Msg::SavedLoaded);
        later.extend(crate::app::update(state, msg));
        later
    }

    pub fn run_all(&mut self, effects: Vec<Effect>) {
        for fx in effects {
            self.run(fx);
        }
    }

    /// Queues a store job whose result becomes a message.
    fn query(&self, job: impl FnOnce(&mut Store) -> Msg + Send + 'static) {
        let tx = self.tx.clone();
        let queued = self.store.exec(move |s| {
            let _ = tx.send(job(s));
        });
        if !queued {
            let _ = self.tx.send(Msg::Failed(Problem::Cache(
                "the cache's thread has stopped; restart docbao".into(),
            )));
        }
    }

    pub fn run(&mut self, fx: Effect) {
        let failed = |e: crate::store::StoreError| Msg::Failed(e.into());
        match fx {
            // The saved searches' counts follow every feed list (after a refresh, a mark).
            Effect::LoadFeeds => {
                self.query(move |s| s.feeds().map_or_else(failed, Msg::FeedsLoaded));
                self.query(move |s| s.saved_searches().map_or_else(failed, Msg::SavedLoaded));
            }
            Effect::LoadSaved {
                req,
                name,
                unread_only,
                min_rating,
            } => self.query(move |s| {
                s.saved_search_articles(&name, SAVED_LIMIT)
                    .map_or_else(failed, |mut rows| {
                        rows.retain(|r| (!unread_only || !r.read) && r.rating >= min_rating);
                        Msg::ArticlesLoaded { req, rows }
                    })
            }),
            Effect::Mark {
                selections,
                read,
                undo,
            } => self.query(move |s| manage::mark(s, &selections, read, undo)),
            Effect::AddFeed { url } => manage::spawn_add(
                self.tx.clone(),
                self.store.clone(),
                self.client.clone(),
                self.refresh_opts.arrival.clone(),
                url,
            ),
            Effect::EditFeeds(edit) => self.query(move |s| manage::edit(s, edit)),
            Effect::LoadArticles { req, query } => self.query(move |s| {
                s.articles(&query)
                    .map_or_else(failed, |rows| Msg::ArticlesLoaded { req, rows })
            }),
            Effect::LoadDetail { req, id } => self.query(move |s| {
                s.article(id).map_or_else(failed, |d| Msg::DetailLoaded {
                    req,
                    detail: Box::new(d),
                })
            }),
            Effect::RenderBody {
                req,
                html,
                width,
                lang,
                pictures,
                lead,
                base,
            } => self.render.submit(RenderJob {
                req,
                html,
                width,
                lang,
                pictures: pictures.then_some((lead, base)),
            }),
            Effect::LoadPicture {
                req,
                id,
                index,
                url,
                cols,
                rows,
            } => match self.pictures.as_ref() {
                Some(p) => p.load(self.client.clone(), req, id, index, url, cols, rows),
                None => {
                    let _ = self.tx.send(Msg::PictureReady {
                        req,
                        index,
                        shown: None,
                    });
                }
            },
            Effect::DropPictures { below } => {
                if let Some(p) = self.pictures.as_ref() {
                    p.drop_below(below);
                }
            }
            Effect::FetchFullText { req, id, url } => {
                if let Some(h) = self.fetch.take() {
                    h.abort();
                }
                self.fetch = Some(self.spawn_fetch(req, id, url));
            }
            Effect::CancelFetch => {
                if let Some(h) = self.fetch.take() {
                    h.abort();
                }
            }
            Effect::Search { req, query, limit } => self.query(move |s| {
                s.search(&query, limit)
                    .map_or_else(failed, |rows| Msg::SearchDone { req, rows })
            }),
            // The user's own marks: written (committed) before the message that shows them,
            // so a kill -9 right after the stars appear keeps them.
            Effect::SetRating { id, rating } => self.query(move |s| {
                s.set_rating(id, rating)
                    .map_or_else(failed, |_| Msg::Saved(Saved::Rating { id, rating }))
            }),
            Effect::SetRead { id, read } => self.query(move |s| {
                s.set_read(id, read)
                    .map_or_else(failed, |_| Msg::Saved(Saved::Read { id, read }))
            }),
            Effect::Refresh { feeds } => {
                if self.refresh.as_ref().is_some_and(|h| !h.is_finished()) {
                    return;
                }
                self.refresh = Some(self.spawn_refresh(feeds, false));
            }
            Effect::AutoRefresh => {
                if self.refresh.as_ref().is_some_and(|h| !h.is_finished()) {
                    return;
                }
                self.refresh = Some(self.spawn_refresh(None, true));
            }
            // Old read, unrated articles go, as after `docbao refresh`; ratings and unread
            // news never do. The loads `update` asks for next see its result (same queue).
            Effect::Prune => {
                let keep_days = self.keep_days;
                let tx = self.tx.clone();
                self.store.exec(move |s| {
                    if let Err(e) = s.prune(keep_days, Utc::now()) {
                        let _ = tx.send(Msg::Failed(e.into()));
                    }
                });
            }
            Effect::CancelRefresh => {
                if let Some(h) = self.refresh.take() {
                    h.abort();
                }
            }
            Effect::OpenBrowser { url } => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    let _ = tx.send(Msg::BrowserOpened(
                        open_browser(&url).map_err(Problem::Browser),
                    ));
                });
            }
            Effect::FetchPage { req, url } => {
                if let Some(h) = self.fetch.take() {
                    h.abort();
                }
                let tx = self.tx.clone();
                let fetched = super::pages::fetch(self.client.clone(), self.pages.clone(), url);
                self.fetch = Some(tokio::spawn(async move {
                    let result = fetched.await.map(Box::new);
                    let _ = tx.send(Msg::PageLoaded { req, result });
                }));
            }
            Effect::LoadStory { story } => self.query(move |s| {
                s.story_versions(story)
                    .map_or_else(failed, |rows| Msg::StoryLoaded { story, rows })
            }),
            Effect::Copy { text } => {
                if let Err(e) = super::clipboard::copy(&text) {
                    let _ = self
                        .tx
                        .send(Msg::Failed(Problem::Text(format!("clipboard: {e}"))));
                }
            }
            Effect::SaveArticle(job) => {
                let tx = self.tx.clone();
                let lang = self.lang;
                tokio::task::spawn_blocking(move || {
                    let _ = tx.send(Msg::SaveDone(super::pages::save(&job, lang)));
                });
            }
            // The loop ends on `State::quit`; what matters here is that the writes asked for
            // before are on disk first.
            Effect::Quit => self.flush(),
        }
    }

    /// Waits until every store job queued so far has run (the queue keeps the order).
    fn flush(&self) {
        let done: crate::store::Result<()> = self.store.call_blocking(|_| Ok(()));
        if let Err(e) = done {
            tracing::error!("store: {e}");
        }
    }

    /// Downloads and extracts the article, stores it, then says so (after the store job,
    /// so the reload that follows sees it).
    fn spawn_fetch(&self, req: u64, id: ArticleId, url: String) -> JoinHandle<()> {
        let tx = self.tx.clone();
        let store = self.store.clone();
        let client = self.client.clone();
        let lang = self.lang;
        tokio::spawn(async move {
            let Some(client) = client else {
                let _ = tx.send(Msg::FullTextDone {
                    req,
                    id,
                    result: Err(Problem::Offline),
                    offline: true,
                });
                return;
            };
            match fetch_article(&client, &url, lang).await {
                Ok(extract) => {
                    store.exec(move |s| {
                        let result = s.save_full_text(id, &extract).map_err(Problem::from);
                        let _ = tx.send(Msg::FullTextDone {
                            req,
                            id,
                            result,
                            offline: false,
                        });
                    });
                }
                Err(e) => {
                    let offline = matches!(e, ArticleError::Net { offline: true, .. });
                    tracing::info!("full text of {url}: {e}");
                    let _ = tx.send(Msg::FullTextDone {
                        req,
                        id,
                        result: Err(Problem::Page(e)),
                        offline,
                    });
                }
            }
        })
    }

    /// Refreshes `feeds` (all when `None`) in the background, with progress.
    /// `auto` (the timer's): what arrived is said after, and `notify_command` runs.
    fn spawn_refresh(&self, feeds: Option<Vec<FeedId>>, auto: bool) -> JoinHandle<()> {
        tokio::spawn(
            super::refresh_task::RefreshTask {
                tx: self.tx.clone(),
                notify: self.notify.clone(),
                store: self.store.clone(),
                client: self.client.clone(),
                opts: self.refresh_opts.clone(),
                sync: self.sync.clone(),
                keep_days: self.keep_days,
            }
            .run(feeds, auto),
        )
    }

    /// Stops the background work; the store's queue is flushed first.
    pub fn shutdown(&mut self) {
        self.flush();
        for h in [self.fetch.take(), self.refresh.take()]
            .into_iter()
            .flatten()
        {
            h.abort();
        }
    }
}

/// `$BROWSER` (one program, the URL as its one argument) or the system's opener; never a
/// shell, and only http/https (checked again here).
pub fn open_browser(url: &str) -> Result<(), String> {
    if crate::net::check_url(url).is_err() {
        return Err(format!(
            "not an http/https address: {}",
            crate::text::clean_line(url)
        ));
    }
    match std::env::var_os("BROWSER").filter(|b| !b.is_empty()) {
        Some(browser) => std::process::Command::new(&browser)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", browser.to_string_lossy())),
        None => open::that_detached(url).map_err(|e| e.to_string()),
    }
}
