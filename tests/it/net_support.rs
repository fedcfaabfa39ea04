//! The fixture server itself, spoken to with plain sockets: keep-alive, chunked bodies,
//! the fallback route, and the background runtime for tests without one.
use crate::support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use support::{Response, Server};

/// Reads one response (Content-Length or chunked) from a keep-alive connection.
fn read_response(reader: &mut BufReader<TcpStream>) -> (String, Vec<(String, String)>, Vec<u8>) {
    let mut status = String::new();
    reader.read_line(&mut status).unwrap();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (k, v) = line.split_once(':').unwrap();
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let mut body = Vec::new();
    if header("transfer-encoding").as_deref() == Some("chunked") {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).unwrap();
            let size = usize::from_str_radix(size.trim(), 16).unwrap();
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).unwrap();
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else if let Some(len) = header("content-length") {
        body = vec![0; len.parse().unwrap()];
        reader.read_exact(&mut body).unwrap();
    }
    (status.trim_end().to_string(), headers, body)
}

#[test]
fn keep_alive_chunked_and_fallback_on_a_background_server() {
    let server = Server::start_background();
    server.route("/a", Response::ok("xin chào", "text/plain; charset=utf-8"));
    server.route("/c", Response::ok("chunked body", "text/plain").chunked());
    server.fallback(|req| Response::ok(format!("fallback {}", req.target), "text/plain"));

    let stream = TcpStream::connect(server.addr()).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    for path in ["/a", "/c", "/other?x=1"] {
        write!(
            writer,
            "GET {path} HTTP/1.1\r\nHost: t\r\nX-Test: {path}\r\n\r\n"
        )
        .unwrap();
    }
    let (status, _, body) = read_response(&mut reader);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(body, "xin chào".as_bytes());
    let (_, headers, body) = read_response(&mut reader);
    assert!(headers.contains(&("transfer-encoding".into(), "chunked".into())));
    assert_eq!(body, b"chunked body");
    let (_, _, body) = read_response(&mut reader);
    assert_eq!(body, b"fallback /other?x=1");

    let seen = server.requests();
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[2].path, "/other");
    assert_eq!(seen[2].header("X-TEST"), Some("/other?x=1"));
    assert_eq!(server.body_bytes("/a"), "xin chào".len() as u64);
}
