//! The responses the fixture server can give, and their builders.
use super::Request;
use std::io::Write as _;
use std::time::Duration;

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
    /// Compress a byte body with this Content-Encoding when sending.
    pub encoding: Option<Encoding>,
}

/// The content codings the client accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gzip,
    /// HTTP's "deflate": a zlib stream (RFC 9110, 8.4.1.2).
    Deflate,
    Brotli,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Gzip => "gzip",
            Encoding::Deflate => "deflate",
            Encoding::Brotli => "br",
        }
    }
    pub fn encode(self, data: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Gzip => gzip(data),
            Encoding::Deflate => {
                let mut enc =
                    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
                enc.write_all(data).expect("deflate to memory");
                enc.finish().expect("deflate to memory")
            }
            Encoding::Brotli => {
                let mut out = Vec::new();
                {
                    let mut enc = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
                    enc.write_all(data).expect("brotli to memory");
                }
                out
            }
        }
    }
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
            encoding: None,
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
    pub fn gzip(self) -> Response {
        self.encoded(Encoding::Gzip)
    }
    /// Compress a byte body with `encoding` (and say so in Content-Encoding).
    pub fn encoded(mut self, encoding: Encoding) -> Response {
        self.encoding = Some(encoding);
        self
    }
}

/// Gzip of `data` (for fixtures that want a compressed body).
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).expect("gzip to memory");
    enc.finish().expect("gzip to memory")
}
