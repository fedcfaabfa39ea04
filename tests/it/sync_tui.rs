//! The reader's refresh of all feeds (at start and with `R`) syncs first, in the background,
//! and leaves synced feeds to the server.
use crate::greader_server::Reader;
use crate::sync_common::{PASSWORD, USER};
use docbao::app::{Effect, Msg};
use docbao::commands::Ctx;
use docbao::config::{Config, Secret, SyncConfig, SyncService};
use docbao::feed::model::SyncStep;
use docbao::runtime::runner::Runner;
use docbao::store::Store;
use std::time::Duration;

#[test]
fn refreshing_all_feeds_in_the_reader_syncs_first() {
    let r = Reader::start(USER, PASSWORD);
    let synced_url = format!("http://{}/never-fetched.xml", r.addr);
    r.add_sub("feed/1", "Thời sự", &synced_url, None);
    r.add_items("feed/1", 0, 4, chrono::Utc::now().timestamp());
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        sync: Some(SyncConfig {
            service: SyncService::Greader,
            url: r.url(),
            username: USER.into(),
            password_command: None,
            password: Some(Secret::new(PASSWORD.into())),
            allow_http: false,
            star_rating: 5,
        }),
        ..Config::default()
    };
    let ctx = Ctx {
        data_dir: dir.path().to_owned(),
        config,
        lang: docbao::i18n::Lang::En,
        offline: false,
        no_defaults: true,
    };
    let store = Store::open(&dir.path().join("cache.db")).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let mut runner = Runner::new(&ctx, store, tx).unwrap();
        runner.connect(false).unwrap();
        runner.run(Effect::Refresh { feeds: None });
        let mut steps = Vec::new();
        let done = tokio::time::timeout(Duration::from_secs(30), async {
            loop {
                match rx.recv().await {
                    Some(Msg::RefreshDone { new, error, .. }) => return (new, error),
                    Some(Msg::SyncProgress(step)) => steps.push(Some(step)),
                    Some(Msg::RefreshProgress { .. }) if steps.last() != Some(&None) => {
                        steps.push(None)
                    }
                    _ => {}
                }
            }
        })
        .await
        .unwrap();
        assert_eq!(done, (4, None));
        // The status bar is told each step of the sync, in order, before the progress of
        // the feeds' own refresh (None).
        assert_eq!(
            steps,
            [
                Some(SyncStep::Connecting),
                Some(SyncStep::Subscriptions),
                Some(SyncStep::Items {
                    done: 0,
                    total: Some(4)
                }),
                Some(SyncStep::States),
                None,
            ]
        );
        runner.shutdown();
    });
    assert_eq!(r.count("/accounts/ClientLogin"), 1);
    assert_eq!(
        r.count("/never-fetched.xml"),
        0,
        "a synced feed is not fetched"
    );
    let store = Store::open(&dir.path().join("cache.db")).unwrap();
    assert_eq!(store.articles(&Default::default()).unwrap().len(), 4);
}
