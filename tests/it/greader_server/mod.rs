//! A Google Reader API server for tests, following the protocol as FreshRSS and Miniflux
//! document it: ClientLogin, auth tokens that can expire (401, then the client logs in
//! again), write tokens that can go bad (401 with `X-Reader-Google-Bad-Token: true`),
//! subscription and tag lists, stream/items/ids with `s`, `xt`, `ot`, `n` and continuation,
//! stream/items/contents, edit-tag with `a`/`r` (read, starred, labels), quickadd and
//! subscription/edit. Item ids are accepted in both forms (long hex and short decimal);
//! `long_refs` makes the id lists answer in the long form too.
#![allow(dead_code)]

use crate::support::{Request, Response, Server};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

pub const READ: &str = "user/-/state/com.google/read";
pub const STARRED: &str = "user/-/state/com.google/starred";
pub const READING_LIST: &str = "user/-/state/com.google/reading-list";
const LONG: &str = "tag:google.com,2005:reader/item/";

#[derive(Debug, Clone)]
pub struct Sub {
    pub id: String,
    pub title: String,
    pub url: String,
    pub label: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub feed: String,
    pub title: String,
    pub url: String,
    pub published: i64,
    /// When the server got it (what `ot` filters on).
    pub crawled: i64,
    pub content: String,
    pub read: bool,
    pub starred: bool,
    pub labels: BTreeSet<String>,
}

#[derive(Debug, Default)]
pub struct State {
    pub user: String,
    pub password: String,
    pub auth_tokens: HashSet<String>,
    pub write_tokens: HashSet<String>,
    pub subs: Vec<Sub>,
    pub items: BTreeMap<i64, Item>,
    /// Ids per stream/items/ids page when the client asks for more.
    pub page: usize,
    pub long_refs: bool,
    /// edit-tag answers 400 to label tags (a server without item labels).
    pub no_labels: bool,
    /// The next write finds its token expired (401 with the bad-token header).
    pub expire_next_write: bool,
    /// Every answer waits this long first (widens the windows a crash test aims at).
    pub delay_ms: u64,
    /// Every request answers with this status.
    pub fail: Option<u16>,
    /// Every request answers with this body, status 200.
    pub garbage: Option<String>,
    counter: u64,
}

impl State {
    fn token(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}-{}", self.counter)
    }
}

/// The server and its state (which survives a restart on the same port).
pub struct Reader {
    pub server: Option<Server>,
    pub state: Arc<Mutex<State>>,
    pub addr: String,
}

impl Reader {
    pub fn start(user: &str, password: &str) -> Reader {
        let state = Arc::new(Mutex::new(State {
            user: user.into(),
            password: password.into(),
            page: 1000,
            ..State::default()
        }));
        let server = Server::start_background();
        let addr = server.addr().to_string();
        install(&server, state.clone());
        Reader {
            server: Some(server),
            state,
            addr,
        }
    }

    /// The API base docbao is configured with.
    pub fn url(&self) -> String {
        format!("http://{}/api/greader.php", self.addr)
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Connection refused from now on.
    pub fn stop(&mut self) {
        self.server = None;
    }

    /// Back on the same port, with the same state.
    pub fn restart(&mut self) {
        let server = Server::start_background_at(&self.addr);
        install(&server, self.state.clone());
        self.server = Some(server);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.server
            .as_ref()
            .map(Server::requests)
            .unwrap_or_default()
    }

    pub fn add_sub(&self, id: &str, title: &str, url: &str, label: Option<&str>) {
        self.state().subs.push(Sub {
            id: id.into(),
            title: title.into(),
            url: url.into(),
            label: label.map(str::to_owned),
        });
    }

    /// Adds items `first..first+n` to `feed`; returns their ids.
    pub fn add_items(&self, feed: &str, first: usize, n: usize, crawled: i64) -> Vec<i64> {
        let mut st = self.state();
        let mut ids = Vec::new();
        for i in first..first + n {
            // Ids like FreshRSS's (microsecond times): far above 2^32, so the hex matters.
            let id = 1_700_000_000_000_000 + i as i64;
            st.items.insert(
                id,
                Item {
                    feed: feed.into(),
                    title: format!("Tin số {i}: đường sắt Bắc – Nam"),
                    url: format!("https://bao.example/{feed}/bai-{i}"),
                    published: 1_790_000_000 + i as i64,
                    crawled,
                    content: format!("<p>Nội dung bài {i} về thời tiết Hà Nội.</p>"),
                    read: false,
                    starred: false,
                    labels: BTreeSet::new(),
                },
            );
            ids.push(id);
        }
        ids
    }

    pub fn expire_auth(&self) {
        self.state().auth_tokens.clear();
    }
    pub fn expire_write(&self) {
        self.state().write_tokens.clear();
    }
    pub fn count(&self, path_end: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| r.path.ends_with(path_end))
            .count()
    }
}

fn install(server: &Server, state: Arc<Mutex<State>>) {
    server.fallback(move |req| {
        let mut st = state.lock().unwrap_or_else(|p| p.into_inner());
        let delay = std::time::Duration::from_millis(st.delay_ms);
        handle(&mut st, req).delay(delay)
    });
}

fn form(req: &Request) -> Vec<(String, String)> {
    let query = req.target.split_once('?').map(|(_, q)| q).unwrap_or("");
    let mut pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    if req.method == "POST" {
        pairs.extend(url::form_urlencoded::parse(&req.body).into_owned());
    }
    pairs
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn all<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn json(v: serde_json::Value) -> Response {
    Response::ok(v.to_string(), "application/json")
}

/// Both id forms, as FreshRSS and Miniflux accept them.
pub fn parse_id(s: &str) -> Option<i64> {
    match s.strip_prefix(LONG) {
        Some(hex) => u64::from_str_radix(hex, 16).ok().map(|n| n as i64),
        None => s.parse().ok(),
    }
}

fn long(id: i64) -> String {
    format!("{LONG}{:016x}", id as u64)
}

fn handle(st: &mut State, req: &Request) -> Response {
    if let Some(code) = st.fail {
        return Response::status(code).body("server trouble");
    }
    if let Some(g) = &st.garbage {
        return Response::ok(g.clone(), "application/json");
    }
    let Some(path) = req.path.strip_prefix("/api/greader.php") else {
        return Response::status(404);
    };
    let p = form(req);
    if path == "/accounts/ClientLogin" {
        if req.method != "POST" {
            return Response::status(405);
        }
        if get(&p, "Email") == Some(st.user.as_str())
            && get(&p, "Passwd") == Some(st.password.as_str())
        {
            let token = st.token("auth");
            st.auth_tokens.insert(token.clone());
            return Response::ok(
                format!("SID={token}\nLSID=null\nAuth={token}\n"),
                "text/plain",
            );
        }
        return Response::status(401).body("Error=BadAuthentication");
    }
    let auth = req
        .header("authorization")
        .and_then(|a| a.strip_prefix("GoogleLogin auth="))
        .unwrap_or("");
    if !st.auth_tokens.contains(auth) {
        return Response::status(401).body("Unauthorized!");
    }
    let write = matches!(
        path,
        "/reader/api/0/edit-tag"
            | "/reader/api/0/subscription/quickadd"
            | "/reader/api/0/subscription/edit"
    );
    if write {
        if req.method != "POST" {
            return Response::status(405);
        }
        if std::mem::take(&mut st.expire_next_write) {
            st.write_tokens.clear();
        }
        if !get(&p, "T").is_some_and(|t| st.write_tokens.contains(t)) {
            return Response::status(401)
                .header("X-Reader-Google-Bad-Token", "true")
                .body("Unauthorized!");
        }
    }
    match path {
        "/reader/api/0/token" => {
            let t = st.token("write");
            st.write_tokens.insert(t.clone());
            Response::ok(format!("{t}\n"), "text/plain")
        }
        "/reader/api/0/subscription/list" => json(serde_json::json!({
            "subscriptions": st.subs.iter().map(|s| serde_json::json!({
                "id": s.id, "title": s.title, "url": s.url,
                "htmlUrl": format!("{}/", s.url),
                "categories": s.label.iter().map(|l| serde_json::json!({
                    "id": format!("user/-/label/{l}"), "label": l
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>()
        })),
        "/reader/api/0/tag/list" => {
            let mut tags: BTreeSet<String> = st
                .items
                .values()
                .flat_map(|i| i.labels.iter().cloned())
                .collect();
            tags.extend(st.subs.iter().filter_map(|s| s.label.clone()));
            let mut out = vec![serde_json::json!({"id": STARRED})];
            out.extend(
                tags.iter()
                    .map(|t| serde_json::json!({"id": format!("user/-/label/{t}")})),
            );
            json(serde_json::json!({ "tags": out }))
        }
        "/reader/api/0/stream/items/ids" => ids(st, &p),
        "/reader/api/0/stream/items/contents" => {
            let items: Vec<serde_json::Value> = all(&p, "i")
                .into_iter()
                .filter_map(parse_id)
                .filter_map(|id| st.items.get(&id).map(|i| (id, i)))
                .map(|(id, i)| {
                    let mut cats = vec![READING_LIST.to_owned()];
                    if i.read {
                        cats.push(READ.into());
                    }
                    if i.starred {
                        cats.push(STARRED.into());
                    }
                    cats.extend(i.labels.iter().map(|l| format!("user/-/label/{l}")));
                    serde_json::json!({
                        "id": long(id), "title": i.title, "published": i.published,
                        "crawlTimeMsec": (i.crawled * 1000).to_string(),
                        "canonical": [{"href": i.url}], "alternate": [{"href": i.url, "type": "text/html"}],
                        "summary": {"content": i.content}, "author": "Phóng viên",
                        "origin": {"streamId": i.feed, "title": "x"}, "categories": cats,
                    })
                })
                .collect();
            json(serde_json::json!({ "items": items }))
        }
        "/reader/api/0/edit-tag" => {
            let adds = all(&p, "a");
            let removes = all(&p, "r");
            if st.no_labels && adds.iter().chain(&removes).any(|t| t.contains("/label/")) {
                return Response::status(400).body("unsupported tag");
            }
            for id in all(&p, "i").into_iter().filter_map(parse_id) {
                let Some(item) = st.items.get_mut(&id) else {
                    continue;
                };
                for (tags, on) in [(&adds, true), (&removes, false)] {
                    for t in tags.iter() {
                        if *t == READ {
                            item.read = on;
                        } else if *t == STARRED {
                            item.starred = on;
                        } else if let Some(l) = t.strip_prefix("user/-/label/") {
                            if on {
                                item.labels.insert(l.to_owned());
                            } else {
                                item.labels.remove(l);
                            }
                        }
                    }
                }
            }
            Response::ok("OK", "text/plain")
        }
        "/reader/api/0/subscription/quickadd" => {
            let url = get(&p, "quickadd").unwrap_or("").to_owned();
            let id = format!("feed/{}", 100 + st.subs.len());
            st.subs.push(Sub {
                id: id.clone(),
                title: url.clone(),
                url: url.clone(),
                label: None,
            });
            json(
                serde_json::json!({"query": url, "numResults": 1, "streamId": id, "streamName": url}),
            )
        }
        "/reader/api/0/subscription/edit" => {
            let s = get(&p, "s").unwrap_or("").to_owned();
            match get(&p, "ac") {
                Some("unsubscribe") => st.subs.retain(|x| x.id != s),
                Some("edit") => {
                    let Some(sub) = st.subs.iter_mut().find(|x| x.id == s) else {
                        return Response::status(400);
                    };
                    if let Some(t) = get(&p, "t") {
                        sub.title = t.into();
                    }
                    if get(&p, "r").is_some() {
                        sub.label = None;
                    }
                    if let Some(a) = get(&p, "a").and_then(|a| a.strip_prefix("user/-/label/")) {
                        sub.label = Some(a.into());
                    }
                }
                _ => return Response::status(400),
            }
            Response::ok("OK", "text/plain")
        }
        _ => Response::status(404),
    }
}

fn ids(st: &State, p: &[(String, String)]) -> Response {
    let stream = get(p, "s").unwrap_or("");
    let exclude_read = get(p, "xt") == Some(READ);
    let ot: i64 = get(p, "ot").and_then(|v| v.parse().ok()).unwrap_or(0);
    let n: usize = get(p, "n")
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
        .min(st.page);
    let start: usize = get(p, "c").and_then(|v| v.parse().ok()).unwrap_or(0);
    let matching: Vec<i64> = st
        .items
        .iter()
        .rev()
        .filter(|(_, i)| {
            (match stream {
                READING_LIST => true,
                STARRED => i.starred,
                s => {
                    s.strip_prefix("user/-/label/")
                        .is_some_and(|l| i.labels.contains(l))
                        || s == i.feed
                }
            }) && !(exclude_read && i.read)
                && i.crawled >= ot
        })
        .map(|(id, _)| *id)
        .collect();
    let page: Vec<serde_json::Value> = matching
        .iter()
        .skip(start)
        .take(n)
        .map(|id| {
            let id = if st.long_refs {
                long(*id)
            } else {
                id.to_string()
            };
            serde_json::json!({"id": id, "directStreamIds": [], "timestampUsec": "0"})
        })
        .collect();
    let mut answer = serde_json::json!({ "itemRefs": page });
    if start + n < matching.len() {
        answer["continuation"] = (start + n).to_string().into();
    }
    json(answer)
}
