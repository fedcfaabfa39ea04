//! The client's limits: timeouts, the body cap after decompression, 2 requests per host.
use crate::support;

use docbao::net::{Client, Fetch, NetConfig, NetError};
use docbao::store::Validators;
use std::time::{Duration, Instant};
use support::{Encoding, Response, Server};

fn short_timeouts() -> NetConfig {
    NetConfig {
        idle_timeout: Duration::from_secs(1),
        request_timeout: Duration::from_secs(2),
        ..NetConfig::default()
    }
}

async fn get(config: &NetConfig, url: &str) -> Result<Fetch, NetError> {
    Client::new(config)
        .unwrap()
        .get(url, &Validators::default())
        .await
}

#[tokio::test]
async fn a_server_that_never_answers_ends_as_no_data() {
    let server = Server::start().await;
    server.route("/stall", Response::stall());
    let err = get(&short_timeouts(), &server.url("/stall"))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "no data for 1 s");
}

#[tokio::test]
async fn a_body_that_stops_ends_as_no_data() {
    let server = Server::start().await;
    server.route(
        "/half",
        Response::stall_body("<rss><channel>", "application/rss+xml"),
    );
    let err = get(&short_timeouts(), &server.url("/half"))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "no data for 1 s");
}

#[tokio::test]
async fn a_trickle_ends_at_the_whole_request_timeout() {
    let server = Server::start().await;
    server.route(
        "/slow",
        Response::trickle("<!-- -->", Duration::from_millis(200), 1000),
    );
    let err = get(&short_timeouts(), &server.url("/slow"))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "timed out after 2 s");
}

#[tokio::test]
async fn forty_megabytes_pass_the_default_cap() {
    let server = Server::start().await;
    let forty = 40 * 1000 * 1000;
    server.route("/big", Response::large(forty, "application/rss+xml"));
    server.route(
        "/big-chunked",
        Response::large(forty, "application/rss+xml").chunked(),
    );
    let config = NetConfig::default();
    let err = get(&config, &server.url("/big")).await.unwrap_err();
    assert_eq!(err.to_string(), "body larger than 16 MiB");
    // Without a length it is counted while streaming and cut off near the cap.
    let err = get(&config, &server.url("/big-chunked")).await.unwrap_err();
    assert_eq!(err, NetError::TooLarge(16 * 1024 * 1024));
    assert!(server.body_bytes("/big-chunked") < forty);
}

#[tokio::test]
async fn the_fixture_bomb_is_a_valid_gzip_stream() {
    let server = Server::start().await;
    server.route(
        "/small-bomb",
        Response::gzip_bomb(3 << 20, "application/octet-stream"),
    );
    let config = NetConfig {
        max_body: 4 << 20,
        ..short_timeouts()
    };
    match get(&config, &server.url("/small-bomb")).await.unwrap() {
        Fetch::Body(f) => {
            assert_eq!(f.body.len(), 3 << 20);
            assert!(f.body.iter().all(|&b| b == 0));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gzip_bomb_is_cut_off_after_the_cap() {
    let server = Server::start().await;
    // 64 GiB of zeros in about 64 MB of gzip: inflating it all would take over a minute.
    let len: u64 = 64 << 30;
    server.route("/bomb", Response::gzip_bomb(len, "application/rss+xml"));
    let started = Instant::now();
    let err = get(&NetConfig::default(), &server.url("/bomb"))
        .await
        .unwrap_err();
    let took = started.elapsed();
    assert_eq!(err.to_string(), "body larger than 16 MiB");
    assert!(
        server
            .wait_for(Duration::from_secs(30), |s| s.ended("/bomb") == 1)
            .await
    );
    // The server stopped when the client hung up: what it had produced beyond the cap sat
    // in socket buffers (about 1,000 MiB of zeros per MiB of gzip), not in the client.
    let produced = server.body_bytes("/bomb");
    eprintln!("gzip bomb cut off after {took:?}; the server had produced {produced} bytes");
    assert!(
        produced < len / 8,
        "the server produced {produced} bytes of zeros before the client stopped ({took:?})"
    );
    if let Some(peak) = peak_memory() {
        assert!(peak < 512 << 20, "peak memory {peak} bytes");
    }
}

/// The process's peak resident memory (Linux).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The cap holds after decoding in every coding, not only gzip.
#[tokio::test]
async fn deflate_and_brotli_bodies_are_capped_after_decoding() {
    let server = Server::start().await;
    // Twice the cap, a few kilobytes once compressed.
    let zeros = vec![0u8; 32 << 20];
    for encoding in [Encoding::Deflate, Encoding::Brotli] {
        let path = format!("/{}", encoding.name());
        let compressed = encoding.encode(&zeros);
        assert!(compressed.len() < 1 << 20, "{encoding:?}");
        server.route(
            &path,
            Response::ok(compressed, "application/rss+xml")
                .header("Content-Encoding", encoding.name()),
        );
        let err = get(&NetConfig::default(), &server.url(&path))
            .await
            .unwrap_err();
        assert_eq!(err.to_string(), "body larger than 16 MiB", "{encoding:?}");
    }
}

/// Two requests to one host at a time, never more and (with requests to wait for) not fewer:
/// a client that sent one at a time would fail this as surely as one without a limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_two_requests_per_host() {
    let server = Server::start().await;
    let other = Server::start().await;
    for s in [&server, &other] {
        // Held long enough that a second request to the host always arrives meanwhile.
        s.route(
            "/feed",
            Response::ok("<rss/>", "application/rss+xml").delay(Duration::from_millis(300)),
        );
    }
    let client = Client::new(&short_timeouts()).unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..12 {
        let client = client.clone();
        let url = if i % 2 == 0 {
            server.url("/feed")
        } else {
            other.url("/feed")
        };
        tasks.spawn(async move { client.get(&url, &Validators::default()).await });
    }
    while let Some(done) = tasks.join_next().await {
        assert!(matches!(done.unwrap(), Ok(Fetch::Body(_))));
    }
    assert_eq!(server.requests().len(), 6);
    assert_eq!(server.max_concurrent(), 2);
    assert_eq!(other.max_concurrent(), 2);
}
