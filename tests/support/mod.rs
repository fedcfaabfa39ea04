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
//! (before the headers), `.chunked()`, `.gzip()` (compress a byte body).
//!
//! [`Server::start_shared`] opens another port (another "host" to a client) over the same
//! routes and observations.
//!
//! Observations: [`Server::requests`] / [`Server::requests_to`] (method, target, headers of
//! every request, in arrival order), [`Server::max_concurrent`] (most requests being answered
//! at once), [`Server::body_bytes`] (body bytes produced for a path, before compression: shows
//! how much of a large or bomb body a client made the server produce), [`Server::ended`]
//! (responses to a path sent in full or abandoned by the client),
//! [`Server::wait_for`] (poll a condition with a deadline). Keep-alive is supported.
//! Dropping the server stops it and every open connection.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

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

/// What a response's body is.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Vec<u8>),
    /// `len` copies of `byte`, streamed.
    Repeat {
        byte: u8,
        len: u64,
    },
    /// A gzip stream of `len` zeros compressed while sending (Content-Encoding: gzip).
    GzipZeros {
        len: u64,
    },
    /// `count` times `chunk`, one every `every`.
    Trickle {
        chunk: Vec<u8>,
        every: Duration,
        count: usize,
    },
    /// Sends `head`, announces more, then sends nothing ever again.
    StallAfter(Vec<u8>),
    /// Never answers at all.
    Never,
}

/// A response to serve; build with the constructors and builder methods.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    pub delay: Option<Duration>,
    pub chunked: bool,
    pub gzip: bool,
}

impl Response {
    pub fn ok(body: impl Into<Vec<u8>>, content_type: &str) -> Response {
        Response::status(200)
            .header("Content-Type", content_type)
            .body(body)
    }
    /// An empty response with that status.
    pub fn status(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
            delay: None,
            chunked: false,
            gzip: false,
        }
    }
    pub fn redirect(status: u16, location: &str) -> Response {
        Response::status(status).header("Location", location)
    }
    /// 200 with the validators, or 304 when the request carries a matching
    /// If-None-Match (or, without it, an If-Modified-Since equal to `last_modified`).
    pub fn conditional(
        req: &Request,
        etag: Option<&str>,
        last_modified: Option<&str>,
        body: impl Into<Vec<u8>>,
        content_type: &str,
    ) -> Response {
        let fresh = match (req.header("if-none-match"), etag) {
            (Some(sent), Some(tag)) => sent == tag,
            (Some(_), None) => false,
            (None, _) => matches!(
                (req.header("if-modified-since"), last_modified),
                (Some(sent), Some(lm)) if sent == lm
            ),
        };
        let mut r = if fresh {
            Response::status(304)
        } else {
            Response::ok(body, content_type)
        };
        if let Some(tag) = etag {
            r = r.header("ETag", tag);
        }
        if let Some(lm) = last_modified {
            r = r.header("Last-Modified", lm);
        }
        r
    }
    /// Accepts the request and never answers.
    pub fn stall() -> Response {
        Response::status(200).with_body(Body::Never)
    }
    /// Headers and `head` of a longer body, then silence.
    pub fn stall_body(head: impl Into<Vec<u8>>, content_type: &str) -> Response {
        Response::status(200)
            .header("Content-Type", content_type)
            .with_body(Body::StallAfter(head.into()))
    }
    /// `len` bytes of `x`, streamed (never held in memory).
    pub fn large(len: u64, content_type: &str) -> Response {
        Response::status(200)
            .header("Content-Type", content_type)
            .with_body(Body::Repeat { byte: b'x', len })
    }
    /// A gzip body that inflates to `len` zeros, compressed on the fly while sending.
    pub fn gzip_bomb(len: u64, content_type: &str) -> Response {
        Response::status(200)
            .header("Content-Type", content_type)
            .with_body(Body::GzipZeros { len })
    }
    /// `count` chunks, one every `every` (chunked encoding).
    pub fn trickle(chunk: impl Into<Vec<u8>>, every: Duration, count: usize) -> Response {
        Response::status(200).with_body(Body::Trickle {
            chunk: chunk.into(),
            every,
            count,
        })
    }
    pub fn header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
    pub fn body(self, body: impl Into<Vec<u8>>) -> Response {
        self.with_body(Body::Bytes(body.into()))
    }
    pub fn with_body(mut self, body: Body) -> Response {
        self.body = body;
        self
    }
    /// Waits this long before sending anything.
    pub fn delay(mut self, d: Duration) -> Response {
        self.delay = Some(d);
        self
    }
    /// Transfer-Encoding: chunked instead of Content-Length.
    pub fn chunked(mut self) -> Response {
        self.chunked = true;
        self
    }
    /// Gzip a byte body (Content-Encoding: gzip).
    pub fn gzip(mut self) -> Response {
        self.gzip = true;
        self
    }
}

type Handler = Arc<dyn Fn(&Request) -> Response + Send + Sync>;

#[derive(Default)]
struct State {
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
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
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
struct InFlight<'a>(&'a State);

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
        let _in_flight = InFlight::new(&state);
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
        let written = write_response(&mut stream, &req, response, &state).await;
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
    let req = Request {
        method,
        target,
        path,
        headers,
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
    buf.drain(..body_len);
    Some(req)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Whatever",
    }
}

fn add_body_bytes(state: &State, path: &str, n: u64) {
    *lock(&state.body_bytes).entry(path.to_string()).or_insert(0) += n;
}

async fn write_response(
    stream: &mut TcpStream,
    req: &Request,
    mut r: Response,
    state: &State,
) -> std::io::Result<()> {
    if let Some(d) = r.delay {
        tokio::time::sleep(d).await;
    }
    if matches!(r.body, Body::Never) {
        return std::future::pending().await;
    }
    if r.gzip
        && let Body::Bytes(bytes) = &r.body
    {
        let compressed = gzip(bytes);
        add_body_bytes(state, &req.path, bytes.len() as u64);
        r.body = Body::Bytes(compressed);
        r.headers.push(("Content-Encoding".into(), "gzip".into()));
    }
    let no_body = req.method == "HEAD" || r.status == 304 || r.status == 204;
    let mut head = format!("HTTP/1.1 {} {}\r\n", r.status, reason(r.status));
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    let chunked =
        !no_body && (r.chunked || matches!(r.body, Body::GzipZeros { .. } | Body::Trickle { .. }));
    if matches!(r.body, Body::GzipZeros { .. }) {
        head.push_str("Content-Encoding: gzip\r\n");
    }
    if chunked {
        head.push_str("Transfer-Encoding: chunked\r\n");
    } else if !no_body {
        let len = match &r.body {
            Body::Bytes(b) => b.len() as u64,
            Body::Repeat { len, .. } => *len,
            Body::StallAfter(b) => b.len() as u64 + 1_000_000,
            _ => 0,
        };
        head.push_str(&format!("Content-Length: {len}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    if no_body {
        return stream.flush().await;
    }
    let mut out = BodyWriter {
        stream,
        chunked,
        state,
        path: &req.path,
    };
    match r.body {
        Body::Bytes(b) => {
            if !r.gzip {
                add_body_bytes(state, &req.path, b.len() as u64);
            }
            out.send(&b).await?;
        }
        Body::Repeat { byte, len } => {
            let block = vec![byte; 64 * 1024];
            let mut left = len;
            while left > 0 {
                let n = left.min(block.len() as u64) as usize;
                out.send(&block[..n]).await?;
                out.produced(n);
                left -= n as u64;
            }
        }
        Body::GzipZeros { len } => {
            let bomb = bomb_parts();
            let mib = len.div_ceil(MIB as u64).max(1);
            let mut crc = flate2::Crc::new();
            out.send(&bomb.head).await?;
            for _ in 1..mib {
                out.send(&bomb.repeat).await?;
                out.produced(MIB);
                crc.combine(&bomb.crc);
            }
            crc.combine(&bomb.crc);
            out.produced(MIB);
            let mut tail = bomb.tail.clone();
            tail.extend_from_slice(&crc.sum().to_le_bytes());
            tail.extend_from_slice(&((mib * MIB as u64) as u32).to_le_bytes());
            out.send(&tail).await?;
        }
        Body::Trickle {
            chunk,
            every,
            count,
        } => {
            for _ in 0..count {
                out.send(&chunk).await?;
                out.produced(chunk.len());
                out.stream.flush().await?;
                tokio::time::sleep(every).await;
            }
        }
        Body::StallAfter(head) => {
            out.send(&head).await?;
            out.stream.flush().await?;
            return std::future::pending().await;
        }
        Body::Never => {}
    }
    if chunked {
        out.stream.write_all(b"0\r\n\r\n").await?;
    }
    out.stream.flush().await
}

struct BodyWriter<'a> {
    stream: &'a mut TcpStream,
    chunked: bool,
    state: &'a State,
    path: &'a str,
}

impl BodyWriter<'_> {
    async fn send(&mut self, data: &[u8]) -> std::io::Result<()> {
        if data.is_empty() {
            return Ok(());
        }
        if self.chunked {
            self.stream
                .write_all(format!("{:x}\r\n", data.len()).as_bytes())
                .await?;
            self.stream.write_all(data).await?;
            self.stream.write_all(b"\r\n").await
        } else {
            self.stream.write_all(data).await
        }
    }
    fn produced(&self, n: usize) {
        add_body_bytes(self.state, self.path, n as u64);
    }
}

const MIB: usize = 1024 * 1024;

/// A gzip stream of zeros in three parts: `head` (gzip header and the first MiB), `repeat`
/// (one more MiB: deflate output repeats once its window is all zeros) and `tail` (the end
/// of the deflate stream; the CRC and size follow).
struct BombParts {
    head: Vec<u8>,
    repeat: Vec<u8>,
    tail: Vec<u8>,
    crc: flate2::Crc,
}

fn bomb_parts() -> &'static BombParts {
    static PARTS: std::sync::OnceLock<BombParts> = std::sync::OnceLock::new();
    PARTS.get_or_init(|| {
        use flate2::{Compress, Compression, FlushCompress};
        let zeros = vec![0u8; MIB];
        let mut deflate = Compress::new(Compression::best(), false);
        let mut step = |input: &[u8], flush| {
            let mut out = Vec::with_capacity(2 * MIB);
            let before = deflate.total_in();
            deflate
                .compress_vec(input, &mut out, flush)
                .expect("deflate");
            assert_eq!(deflate.total_in() - before, input.len() as u64);
            out
        };
        let first = step(&zeros, FlushCompress::Sync);
        let repeat = step(&zeros, FlushCompress::Sync);
        let again = step(&zeros, FlushCompress::Sync);
        assert_eq!(repeat, again, "deflate of zeros should repeat");
        let tail = step(&[], FlushCompress::Finish);
        let mut head = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
        head.extend_from_slice(&first);
        let mut crc = flate2::Crc::new();
        crc.update(&zeros);
        BombParts {
            head,
            repeat,
            tail,
            crc,
        }
    })
}

/// Gzip of `data` (for fixtures that want a compressed body).
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).expect("gzip to memory");
    enc.finish().expect("gzip to memory")
}
