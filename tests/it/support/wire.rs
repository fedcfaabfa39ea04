//! Writing a response to the socket: status line, headers, and each kind of body.
use super::{Body, InFlight, Request, Response, State, add_body_bytes};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

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

/// `in_flight` ends when the first byte goes out: after that the client may hold the whole
/// response and send its next request before this task runs again, which would count one
/// request too many.
pub(crate) async fn write_response(
    stream: &mut TcpStream,
    req: &Request,
    mut r: Response,
    state: &State,
    in_flight: InFlight<'_>,
) -> std::io::Result<()> {
    if let Some(d) = r.delay {
        tokio::time::sleep(d).await;
    }
    if matches!(r.body, Body::Never) {
        return std::future::pending().await;
    }
    drop(in_flight);
    if let Some(encoding) = r.encoding
        && let Body::Bytes(bytes) = &r.body
    {
        let compressed = encoding.encode(bytes);
        add_body_bytes(state, &req.path, bytes.len() as u64);
        r.body = Body::Bytes(compressed);
        r.headers
            .push(("Content-Encoding".into(), encoding.name().into()));
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
            if r.encoding.is_none() {
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
