//! A fixture HTTP/1.1 server on 127.0.0.1 for tests and benches (no network beyond loopback).
//!
//! Include it with `mod support;` (tests) or
//! `#[path = "../tests/support/mod.rs"] mod support;` (benches).
//!
//! ```ignore
//! let server = support::Server::start().await;          // inside a tokio runtime
//! // or: let server = support::Server::start_background(); // sync tests: own runtime thread
//! server.route("/feed.xml", support::Response::ok("<rss>…</rss>", "application/rss+xml"));
//! server.route_fn("/etag.xml", |req| support::Response::conditional(req, "\"v1\"", None,
//!     "<rss>…</rss>", "application/rss+xml"));
//! let url = server.url("/feed.xml");                     // http://127.0.0.1:PORT/feed.xml
//! … run the code under test …
//! assert_eq!(server.requests_to("/etag.xml")[1].header("if-none-match"), Some("\"v1\""));
//! ```
//!
//! Routes match the path without the query; other paths go to [`Server::fallback`] if set,
//! else get 404. A route is either a fixed
//! [`Response`] (cloned per request) or a closure `Fn(&Request) -> Response`.
//!
//! Responses: [`Response::ok`], [`Response::status`], [`Response::redirect`],
//! [`Response::conditional`] (ETag / Last-Modified + 304), [`Response::stall`] (accept, never
//! answer), [`Response::stall_body`] (headers and part of the body, then nothing),
//! [`Response::large`] (a streamed body of N bytes, never held in memory),
//! [`Response::gzip_bomb`] (gzip of N zeros compressed on the fly while sending),
//! [`Response::trickle`] (a chunk every interval). Builders: `.header(k, v)`, `.delay(d)`
//! (before the headers), `.chunked()`, `.gzip()` / `.encoded(Encoding::Brotli)` (compress a
//! byte body: gzip, deflate or br).
//!
//! [`Server::start_shared`] opens another port (another "host" to a client) over the same
//! routes and observations.
//!
//! Observations: [`Server::requests`] / [`Server::requests_to`] (method, target, headers of
//! every request, in arrival order), [`Server::max_concurrent`] (most requests waiting for
//! their first response byte at once), [`Server::body_bytes`] (body bytes produced for a path, before compression: shows
//! how much of a large or bomb body a client made the server produce), [`Server::ended`]
//! (responses to a path sent in full or abandoned by the client),
//! [`Server::wait_for`] (poll a condition with a deadline). Keep-alive is supported.
//! Dropping the server stops it and every open connection.

mod response;
mod rss;
mod wire;

pub use response::{Body, Encoding, Response};
pub use rss::{Rss, RssItem};

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};
use wire::write_response;

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// The path alone.
    pub path: String,
    /// Header names lowercased, values as sent, in order.
    pub headers: Vec<(String, String)>,
    /// The body (Content-Length bodies only).
    pub body: Vec<u8>,
}

impl Request {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

type Handler = Arc<dyn Fn(&Request) -> Response + Send + Sync>;

#[derive(Default)]
pub(crate) struct State {
    routes: Mutex<HashMap<String, Handler>>,
    fallback: Mutex<Option<Handler>>,
    requests: Mutex<Vec<Request>>,
    body_bytes: Mutex<HashMap<String, u64>>,
    ended: Mutex<HashMap<String, usize>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

/// The running server. Dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::AbortHandle,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Server {
    /// Starts on the current tokio runtime.
    pub async fn start() -> Server {
        Server::start_at("127.0.0.1:0").await
    }

    /// Starts on `addr` (e.g. the port of a server dropped earlier: the same URL back up).
    pub async fn start_at(addr: &str) -> Server {
        let listener = TcpListener::bind(addr)
            .await
            .expect("bind the fixture server");
        let addr = listener.local_addr().expect("local addr");
        let state = Arc::new(State::default());
        let task = tokio::spawn(accept_loop(listener, state.clone())).abort_handle();
        Server {
            addr,
            state,
            task,
            runtime: None,
        }
    }

    /// Another port sharing this server's routes and observations: a second "host" for the
    /// client's per-host limit, with requests counted together (e.g. for a global limit).
    pub async fn start_shared(&self) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let task = tokio::spawn(accept_loop(listener, self.state.clone())).abort_handle();
        Server {
            addr,
            state: self.state.clone(),
            task,
            runtime: None,
        }
    }

    /// [`Server::start_background`] on `addr`.
    pub fn start_background_at(addr: &str) -> Server {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("fixture runtime");
        let mut server = runtime.block_on(Server::start_at(addr));
        server.runtime = Some(runtime);
        server
    }

    /// Starts on a runtime of its own, for tests without one (e.g. running the binary).
    pub fn start_background() -> Server {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("fixture runtime");
        let mut server = runtime.block_on(Server::start());
        server.runtime = Some(runtime);
        server
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
    /// Serves a clone of `response` at `path` (replacing any earlier route).
    pub fn route(&self, path: &str, response: Response) {
        self.route_fn(path, move |_| response.clone());
    }
    /// Serves what `f` answers for each request at `path`.
    pub fn route_fn(&self, path: &str, f: impl Fn(&Request) -> Response + Send + Sync + 'static) {
        lock(&self.state.routes).insert(path.to_string(), Arc::new(f));
    }
    /// Answers requests to paths without a route (instead of 404).
    pub fn fallback(&self, f: impl Fn(&Request) -> Response + Send + Sync + 'static) {
        *lock(&self.state.fallback) = Some(Arc::new(f));
    }
    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        lock(&self.state.requests).clone()
    }
    pub fn requests_to(&self, path: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }
    /// The most requests that were being answered at the same time.
    pub fn max_concurrent(&self) -> usize {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }
    /// Body bytes produced for `path` so far (before compression).
    pub fn body_bytes(&self, path: &str) -> u64 {
        lock(&self.state.body_bytes).get(path).copied().unwrap_or(0)
    }
    /// Responses to `path` finished or abandoned by the client so far.
    pub fn ended(&self, path: &str) -> usize {
        lock(&self.state.ended).get(path).copied().unwrap_or(0)
    }
    /// Polls `cond` every few milliseconds until it holds; false after `deadline`.
    pub async fn wait_for(
        &self,
        deadline: Duration,
        mut cond: impl FnMut(&Server) -> bool,
    ) -> bool {
        let end = Instant::now() + deadline;
        loop {
            if cond(self) {
                return true;
            }
            if Instant::now() > end {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

async fn accept_loop(listener: TcpListener, state: Arc<State>) {
    // Connections live in the set: aborting this task (drop of Server) ends them all.
    let mut connections = tokio::task::JoinSet::new();
    loop {
        while connections.try_join_next().is_some() {}
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        connections.spawn(serve_connection(stream, state.clone()));
    }
}

/// Counts a request as in flight until dropped.
pub(crate) struct InFlight<'a>(&'a State);

impl<'a> InFlight<'a> {
    fn new(state: &'a State) -> Self {
        let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        state.max_in_flight.fetch_max(now, Ordering::SeqCst);
        InFlight(state)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn serve_connection(mut stream: TcpStream, state: Arc<State>) {
    let mut buf = Vec::new();
    loop {
        let Some(req) = read_request(&mut stream, &mut buf).await else {
            return;
        };
        let in_flight = InFlight::new(&state);
        lock(&state.requests).push(req.clone());
        let handler = lock(&state.routes)
            .get(&req.path)
            .cloned()
            .or_else(|| lock(&state.fallback).clone());
        let response = match handler {
            Some(h) => h(&req),
            None => Response::status(404).body("not found"),
        };
        let close = req
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let written = write_response(&mut stream, &req, response, &state, in_flight).await;
        *lock(&state.ended).entry(req.path.clone()).or_insert(0) += 1;
        if written.is_err() || close {
            return;
        }
    }
}

/// Reads one request head (and skips a Content-Length body); None at EOF or on garbage.
async fn read_request(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<Request> {
    let end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if buf.len() > 64 * 1024 {
            return None;
        }
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
    buf.drain(..end + 4);
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let path = target.split('?').next().unwrap_or("").to_string();
    let mut req = Request {
        method,
        target,
        path,
        headers,
        body: Vec::new(),
    };
    let body_len: usize = req
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < body_len {
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    req.body = buf.drain(..body_len).collect();
    Some(req)
}

pub(crate) fn add_body_bytes(state: &State, path: &str, n: u64) {
    *lock(&state.body_bytes).entry(path.to_string()).or_insert(0) += n;
}
