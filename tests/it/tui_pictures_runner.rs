//! The runner's picture work against a local server and a real cache: pictures come from
//! the network once, decoded and kept within the cache's budget; hostile ones (a
//! decompression bomb, a truncated file, a 40 MB body, a page served as a picture) end as
//! failures in bounded time and are not kept; without a client (`--offline`) only cached
//! pictures are drawn.
use crate::picture_fixtures::serve_hostile;
use crate::store_support::*;
use crate::support::{Response, Server};
use crate::tui_pictures::{fixed_picker, png};

use docbao::app::Msg;
use docbao::feed::ArticleId;
use docbao::net::{Client, NetConfig};
use docbao::picture::encode::ProtocolType;
use docbao::runtime::pictures::PictureWork;
use docbao::store::{ArticleQuery, StoreHandle};
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::sync::mpsc;

/// Loads `urls` (index = position) and waits for every answer: index -> drawn or not.
async fn load_all(
    work: &PictureWork,
    rx: &mut mpsc::UnboundedReceiver<Msg>,
    client: Option<Client>,
    id: ArticleId,
    req: u64,
    urls: &[String],
) -> BTreeMap<usize, bool> {
    for (i, url) in urls.iter().enumerate() {
        work.load(client.clone(), req, id, i, url.clone(), 20, 6);
    }
    let mut got = BTreeMap::new();
    while got.len() < urls.len() {
        let msg = tokio::time::timeout(Duration::from_secs(30), rx.recv())
            .await
            .expect("every picture is answered in bounded time")
            .unwrap();
        if let Msg::PictureReady {
            req: r,
            index,
            shown,
        } = msg
        {
            assert_eq!(r, req);
            got.insert(index, shown.is_some());
        }
    }
    got
}

/// A cache on its own thread holding one article, and the article's id.
fn one_article() -> (tempfile::TempDir, StoreHandle, ArticleId) {
    let (dir, _path, mut store) = temp_store();
    let (feed, _) = store
        .add_feed("http://127.0.0.1/anh.xml", Some("Ảnh"), None)
        .unwrap();
    let items = vec![news("a", "Cầu mới", "2026-01-01T08:00:00Z", "Một")];
    store
        .save_fetch(
            feed,
            &feed_of(items),
            &no_validators(),
            at("2026-01-04T00:00:00Z"),
        )
        .unwrap();
    let id = store.articles(&ArticleQuery::default()).unwrap()[0].id;
    (dir, StoreHandle::spawn(store), id)
}

#[test]
fn pictures_are_fetched_once_cached_within_the_budget_and_hostile_ones_fail() {
    let server = Server::start_background();
    let good: Vec<Vec<u8>> = (0..5).map(|i| png(300 + i, 200)).collect();
    let size = good[0].len() as u64;
    for (i, bytes) in good.iter().enumerate() {
        server.route(
            &format!("/anh/{i}.png"),
            Response::ok(bytes.clone(), "image/png"),
        );
    }
    serve_hostile(&server);
    let (_dir, handle, id) = one_article();
    // Room for three of the five good pictures.
    let budget = size * 3 + size / 2;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let picker = fixed_picker(ProtocolType::Halfblocks);
        let work = PictureWork::spawn(picker, handle.clone(), tx, budget).unwrap();
        let client = Client::new(&NetConfig::default()).unwrap();
        let mut urls: Vec<String> = (0..5)
            .map(|i| server.url(&format!("/anh/{i}.png")))
            .collect();
        for bad in ["bom.png", "cut.png", "to.jpg", "html.jpg"] {
            urls.push(server.url(&format!("/anh/{bad}")));
        }
        let got = load_all(&work, &mut rx, Some(client.clone()), id, 1, &urls).await;
        let drawn: Vec<bool> = got.values().copied().collect();
        assert_eq!(
            drawn,
            [true, true, true, true, true, false, false, false, false]
        );
        // The 40 MB body was cut off at the cap.
        assert!(server.body_bytes("/anh/to.jpg") < 20 * 1024 * 1024);
        // The cache kept what fits, and nothing broken.
        let (bytes, cached) = handle
            .call(move |s| {
                Ok::<_, docbao::store::StoreError>((
                    s.image_cache_bytes()?,
                    s.cached_images(&urls)?,
                ))
            })
            .await
            .unwrap();
        assert!(bytes <= budget, "{bytes} > {budget}");
        assert_eq!(cached.len(), 3, "{cached:?}");
        assert!(
            cached
                .iter()
                .all(|u| u.ends_with(".png") && !u.contains("bom") && !u.contains("cut"))
        );

        // Offline: what is cached is drawn (no request), the rest fails.
        let requests = server.requests().len();
        let all: Vec<String> = (0..5)
            .map(|i| server.url(&format!("/anh/{i}.png")))
            .collect();
        let got = load_all(&work, &mut rx, None, id, 2, &all).await;
        assert_eq!(got.values().filter(|d| **d).count(), 3);
        for (i, drawn) in &got {
            assert_eq!(*drawn, cached.contains(&all[*i]));
        }
        assert_eq!(server.requests().len(), requests);
        // Online again, a cached picture is not fetched a second time.
        let first_cached = all.iter().position(|u| cached.contains(u)).unwrap();
        let path = format!("/anh/{first_cached}.png");
        let before = server.requests_to(&path).len();
        load_all(
            &work,
            &mut rx,
            Some(client),
            id,
            3,
            &all[first_cached..=first_cached],
        )
        .await;
        assert_eq!(server.requests_to(&path).len(), before);
    });
}

#[test]
fn a_download_nobody_shows_any_more_is_cached_and_not_answered() {
    let server = Server::start_background();
    server.route(
        "/anh/cham.png",
        Response::ok(png(320, 200), "image/png").delay(Duration::from_millis(400)),
    );
    let (_dir, handle, id) = one_article();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let picker = fixed_picker(ProtocolType::Halfblocks);
        let work = PictureWork::spawn(picker, handle.clone(), tx, 1 << 30).unwrap();
        let client = Client::new(&NetConfig::default()).unwrap();
        let url = server.url("/anh/cham.png");
        work.load(Some(client), 1, id, 0, url.clone(), 20, 6);
        // The request is on its way when the reader moves on (a resize, another article).
        while server.requests_to("/anh/cham.png").is_empty() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        work.drop_below(2);
        let mut cached = std::collections::HashSet::new();
        for _ in 0..300 {
            let u = vec![url.clone()];
            cached = handle.call(move |s| s.cached_images(&u)).await.unwrap();
            if !cached.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(cached.contains(&url), "the download was not cached");
        // No answer for the old request: nothing would show it.
        let late = tokio::time::timeout(Duration::from_millis(300), rx.recv()).await;
        assert!(
            !matches!(late, Ok(Some(Msg::PictureReady { .. }))),
            "{late:?}"
        );
    });
}
