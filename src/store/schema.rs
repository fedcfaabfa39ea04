//! Opening the cache: connection settings, refusing files that are not ours, and the
//! migrations, versioned by `PRAGMA user_version` and applied in order, one transaction each.
use super::sql::classify;
use super::{Result, Store, StoreError};
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// How long a write waits for another docbao's transaction before giving up with `Busy`.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only; never edit one
/// that has shipped.
///
/// Times are unix nanoseconds (INTEGER): sortable, exact for `DateTime<Utc>`.
/// `dedup_key` is "g:<guid>", "u:<url>" or "h:<fnv-1a of title and date>" (see save.rs).
/// `articles_fts` is contentless: it indexes the folded text without keeping a second copy;
/// its rowid is the article id. Rows leave it through the delete trigger; rows enter it from
/// Rust, because folding is Rust code.
/// automerge 8 (default 4): fewer segment merges per refresh, for slightly more segments
/// to read per query.
/// `pruned` remembers what retention deleted while the feed still lists it, so a pruned
/// article does not come back as new on the next refresh.
///
/// Sync (migration SYNC): `remote_id` is the aggregator's id of a feed or item (NULL: local
/// only); `sync_queue` holds local changes not yet pushed, in order; `sync_state` the
/// account, the login token and the sync cursors.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    site_url TEXT,
    category TEXT,
    etag TEXT,
    last_modified TEXT,
    last_status TEXT,
    last_refreshed INTEGER,
    retry_until INTEGER,
    position INTEGER NOT NULL
);
CREATE INDEX feeds_position ON feeds(position, id);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    dedup_key TEXT NOT NULL,
    guid TEXT,
    url TEXT,
    title TEXT NOT NULL,
    author TEXT,
    published INTEGER,
    read INTEGER NOT NULL DEFAULT 0,
    rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    first_seen INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    sort_date INTEGER GENERATED ALWAYS AS (coalesce(published, first_seen)) VIRTUAL,
    summary TEXT,
    content TEXT,
    full_fetched_at INTEGER,
    full_meta TEXT,
    full_html TEXT
);
CREATE UNIQUE INDEX articles_key ON articles(feed_id, dedup_key);
CREATE INDEX articles_feed_date ON articles(feed_id, sort_date, id);
CREATE INDEX articles_date ON articles(sort_date, id);
CREATE INDEX articles_feed_read ON articles(feed_id, read);
CREATE INDEX articles_rating ON articles(rating, sort_date, id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, full,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.id;
END;
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);

CREATE TABLE pruned (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    dedup_key TEXT NOT NULL,
    PRIMARY KEY (feed_id, dedup_key)
) WITHOUT ROWID;
"#,
    CATEGORIES,
    IMAGES,
    ARRIVAL,
    SYNC,
    SAVED_DAYS,
];

/// Categories become a tree stored once (feeds.category held the whole "/"-joined path in
/// every feed). The old paths are split on "/" as before, blank names dropped, names cut
/// to 200 characters, at most 16 levels kept (deeper ones flattened into the 16th) and at
/// most 64 parts read, so a hostile path cannot make the split slow.
const CATEGORIES: &str = r#"
CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES categories(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    depth INTEGER NOT NULL
);
CREATE UNIQUE INDEX categories_name ON categories(coalesce(parent_id, 0), name);
ALTER TABLE feeds ADD COLUMN category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL;
CREATE INDEX feeds_category ON feeds(category_id);

CREATE TEMP TABLE old_category_parts AS
WITH RECURSIVE parts(category, step, depth, path, parent_path, name, rest) AS (
    SELECT category, 0, 0, '', NULL, NULL, category || '/'
    FROM (SELECT DISTINCT category FROM feeds WHERE category IS NOT NULL)
    UNION ALL
    SELECT category, step + 1,
        CASE WHEN depth >= 16 OR trim(substr(rest, 1, instr(rest, '/') - 1)) = ''
            THEN depth ELSE depth + 1 END,
        CASE WHEN depth >= 16 OR trim(substr(rest, 1, instr(rest, '/') - 1)) = ''
            THEN path
            ELSE path || '/' || trim(substr(trim(substr(rest, 1, instr(rest, '/') - 1)), 1, 200))
            END,
        CASE WHEN depth >= 16 OR trim(substr(rest, 1, instr(rest, '/') - 1)) = ''
            THEN NULL ELSE path END,
        CASE WHEN depth >= 16 OR trim(substr(rest, 1, instr(rest, '/') - 1)) = ''
            THEN NULL
            ELSE trim(substr(trim(substr(rest, 1, instr(rest, '/') - 1)), 1, 200)) END,
        substr(rest, instr(rest, '/') + 1)
    FROM parts WHERE rest <> '' AND step < 64
)
SELECT * FROM parts;
CREATE INDEX temp.old_category_parts_category ON old_category_parts(category, step);

CREATE TEMP TABLE old_categories (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    parent_path TEXT,
    name TEXT NOT NULL,
    depth INTEGER NOT NULL
);
INSERT OR IGNORE INTO old_categories (path, parent_path, name, depth)
    SELECT path, parent_path, name, depth FROM old_category_parts
    WHERE name IS NOT NULL ORDER BY depth, path;
INSERT INTO categories (id, parent_id, name, depth)
    SELECT c.id, p.id, c.name, c.depth FROM old_categories c
    LEFT JOIN old_categories p ON p.path = c.parent_path
    ORDER BY c.id;
UPDATE feeds SET category_id = (
    SELECT c.id FROM old_category_parts o JOIN old_categories c ON c.path = o.path
    WHERE o.category = feeds.category ORDER BY o.step DESC LIMIT 1
) WHERE category IS NOT NULL;
DROP TABLE old_category_parts;
DROP TABLE old_categories;
ALTER TABLE feeds DROP COLUMN category;
"#;

/// Pictures for offline reading: the bytes once per URL, linked to the articles that
/// show them. An image leaves with the last article that links to it (trigger), and
/// `used_at` orders eviction when the cache passes its budget.
const IMAGES: &str = r#"
CREATE TABLE images (
    url TEXT PRIMARY KEY,
    bytes BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    size INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL,
    used_at INTEGER NOT NULL
);
CREATE INDEX images_used ON images(used_at);
CREATE TABLE article_images (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    PRIMARY KEY (article_id, url)
) WITHOUT ROWID;
CREATE INDEX article_images_url ON article_images(url);
CREATE TRIGGER article_images_last AFTER DELETE ON article_images
WHEN NOT EXISTS (SELECT 1 FROM article_images WHERE url = old.url) BEGIN
    DELETE FROM images WHERE url = old.url;
END;
"#;

/// Issue 10: `hidden` (an arrival rule hid it: out of lists and counts),
/// `reading_minutes` (of the best text cached, filled in Rust for older rows: see
/// `migrate`), `story` (the id shared by the versions of one story told by several feeds),
/// `story_keys` (hashed title and lead shingles of recent articles, by date, to find those
/// versions without comparing all pairs; rows older than the grouping window are dropped by
/// retention) and `saved_searches`. `articles_feed_read` gains `hidden` so that the
/// per-feed counts still read one index.
const ARRIVAL: &str = r#"
ALTER TABLE articles ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN reading_minutes INTEGER;
ALTER TABLE articles ADD COLUMN story INTEGER;
DROP INDEX articles_feed_read;
CREATE INDEX articles_feed_read ON articles(feed_id, hidden, read);
CREATE INDEX articles_story ON articles(story) WHERE story IS NOT NULL;

CREATE TABLE story_keys (
    key INTEGER NOT NULL,
    at INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (key, at, article)
) WITHOUT ROWID;

CREATE TABLE saved_searches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    feed_id INTEGER REFERENCES feeds(id) ON DELETE CASCADE,
    unread INTEGER NOT NULL DEFAULT 0,
    min_rating INTEGER NOT NULL DEFAULT 0 CHECK (min_rating BETWEEN 0 AND 5),
    position INTEGER NOT NULL
);
"#;

/// Sync (i11): see the note above `MIGRATIONS`.
const SYNC: &str = r#"
ALTER TABLE feeds ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX feeds_remote ON feeds(remote_id) WHERE remote_id IS NOT NULL;
ALTER TABLE articles ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX articles_remote ON articles(remote_id) WHERE remote_id IS NOT NULL;

CREATE TABLE sync_queue (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    item TEXT,
    feed TEXT,
    value TEXT,
    queued INTEGER NOT NULL
);
CREATE INDEX sync_queue_item ON sync_queue(item) WHERE item IS NOT NULL;
CREATE INDEX sync_queue_feed ON sync_queue(feed) WHERE feed IS NOT NULL;

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// A saved search's window of days (`search --save … --days N`); NULL is no window.
const SAVED_DAYS: &str = r#"
ALTER TABLE saved_searches ADD COLUMN days INTEGER CHECK (days BETWEEN 1 AND 3650);
"#;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn open(path: &Path) -> Result<Store> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Other(format!(
                "cannot create the directory {}: {e}",
                dir.display()
            ))
        })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| StoreError::Other(format!("cannot open the cache {}: {e}", path.display())))?;
    setup(conn, Some(path))
}

/// Opens an existing cache for reading only, for when it cannot be written (a read-only
/// mount, another user's file). First as SQLite reads any WAL database (it needs the
/// `-shm` file, or to create it); failing that, as immutable, which a read-only mount is.
/// The schema must be current: migrating needs writing.
pub(super) fn open_read_only(path: &Path) -> Result<Store> {
    let name = path.display().to_string();
    let absolute = std::path::absolute(path)
        .map_err(|e| StoreError::Other(format!("cannot open the cache {name}: {e}")))?;
    let url = url::Url::from_file_path(&absolute)
        .map_err(|()| StoreError::Other(format!("cannot open the cache {name}")))?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut last = None;
    for mode in ["mode=ro", "mode=ro&immutable=1"] {
        let uri = format!("{url}?{mode}");
        let tried = Connection::open_with_flags(&uri, flags)
            .map_err(StoreError::from)
            .and_then(|conn| read_only_setup(conn, &name));
        match tried {
            Ok(store) => return Ok(store),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| StoreError::Other(format!("cannot open the cache {name}"))))
}

fn read_only_setup(conn: Connection, name: &str) -> Result<Store> {
    conn.busy_timeout(DEFAULT_BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(64);
    let version = read_version(&conn).map_err(|e| classify(foreign(e, name)))?;
    check_version(version, name)?;
    if version != SCHEMA_VERSION {
        return Err(StoreError::Other(format!(
            "the cache {name} is read-only and needs an upgrade (schema {version}); open it \
             once where it can be written"
        )));
    }
    // A read that touches the WAL index: where SQLite cannot, it fails here, not later.
    conn.query_row("SELECT count(*) FROM feeds", [], |r| r.get::<_, i64>(0))?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(Store {
        conn,
        created: false,
        read_only: true,
        signatures: Default::default(),
    })
}

pub(super) fn open_in_memory() -> Result<Store> {
    setup(Connection::open_in_memory()?, None)
}

/// Settings first (no I/O), then a read that fails on a foreign file before anything is
/// written, then WAL and the migrations.
fn setup(conn: Connection, path: Option<&Path>) -> Result<Store> {
    let name = path.map_or_else(|| "(memory)".to_owned(), |p| p.display().to_string());
    conn.busy_timeout(DEFAULT_BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(64);
    let version = read_version(&conn).map_err(|e| classify(foreign(e, &name)))?;
    check_version(version, &name)?;
    if path.is_some() {
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| classify(foreign(e, &name)))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!("cache {name}: journal mode is {mode}, not WAL");
        }
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let mut store = Store {
        conn,
        created: false,
        signatures: Default::default(),
        read_only: false,
    };
    store.created = migrate(&mut store.conn, &name).map_err(classify)?;
    Ok(store)
}

fn read_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

fn check_version(version: i64, name: &str) -> Result<()> {
    if version > SCHEMA_VERSION {
        return Err(StoreError::Other(format!(
            "the cache {name} was written by a newer docbao (schema {version}, this one knows \
             up to {SCHEMA_VERSION}); it is left untouched"
        )));
    }
    Ok(())
}

/// A file SQLite cannot read as a database gets a message that says so.
fn foreign(e: rusqlite::Error, name: &str) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::Other(format!(
            "{name} is not an SQLite database, so not a docbao cache; it is left untouched \
             (move it away or use another --data-dir)"
        )),
        _ => StoreError::Sqlite(e),
    }
}

/// Applies the missing migrations; returns true when the schema was created now. The version
/// is re-read inside each write transaction, so two processes opening a new cache at once
/// migrate it once.
fn migrate(conn: &mut Connection, name: &str) -> Result<bool> {
    let mut created = false;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = read_version(&tx)?;
        check_version(version, name)?;
        if version == SCHEMA_VERSION {
            tx.commit()?;
            return Ok(created);
        }
        if version < 0 {
            return Err(StoreError::Other(format!(
                "{name} has an unknown schema version {version}; it is left untouched"
            )));
        }
        if version == 0 {
            let tables: i64 =
                tx.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(StoreError::Other(format!(
                    "{name} is an SQLite database but not a docbao cache; it is left untouched"
                )));
            }
            created = true;
        }
        let step = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
            .ok_or_else(|| StoreError::Other(format!("no migration from version {version}")))?;
        tx.execute_batch(step)?;
        if MIGRATIONS.get(usize::try_from(version).unwrap_or(usize::MAX)) == Some(&ARRIVAL) {
            // ARRIVAL added reading_minutes: computed in Rust, like the index text.
            super::search::backfill_minutes(&tx)?;
        }
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
        tracing::info!("cache {name}: schema migrated to version {}", version + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_database_is_created_at_the_current_version() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.created());
        assert_eq!(read_version(&store.conn).unwrap(), SCHEMA_VERSION);
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn newer_version_is_refused() {
        let err = check_version(SCHEMA_VERSION + 1, "x.db").unwrap_err();
        assert!(err.to_string().contains("newer docbao"), "{err}");
        assert!(check_version(SCHEMA_VERSION, "x.db").is_ok());
    }

    #[test]
    fn old_category_paths_become_a_tree() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        let deep: Vec<String> = (0..20).map(|i| format!("c{i}")).collect();
        let deep = deep.join("/");
        let old = [
            Some("Tin Việt Nam/VnExpress"),
            Some("Tin Việt Nam"),
            Some(" Tin Việt Nam // Tuổi Trẻ /"),
            Some("/"),
            Some(deep.as_str()),
            None,
        ];
        for (i, category) in old.iter().enumerate() {
            conn.execute(
                "INSERT INTO feeds (url, category, position) VALUES (?1, ?2, ?3)",
                rusqlite::params![format!("http://127.0.0.1/{i}"), category, i],
            )
            .unwrap();
        }
        migrate(&mut conn, "old.db").unwrap();
        let store = Store {
            conn,
            created: false,
            read_only: false,
            signatures: Default::default(),
        };
        let got: Vec<Option<String>> = store
            .feeds()
            .unwrap()
            .iter()
            .map(|f| f.category.as_deref().map(str::to_owned))
            .collect();
        let deep16: Vec<String> = (0..16).map(|i| format!("c{i}")).collect();
        assert_eq!(
            got,
            [
                Some("Tin Việt Nam/VnExpress".to_owned()),
                Some("Tin Việt Nam".to_owned()),
                Some("Tin Việt Nam/Tuổi Trẻ".to_owned()),
                None,
                Some(deep16.join("/")),
                None,
            ]
        );
        let count: i64 = store
            .conn
            .query_row("SELECT count(*) FROM categories", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 3 + 16);
    }

    #[test]
    fn migrations_are_not_empty() {
        const { assert!(SCHEMA_VERSION >= 1) };
        assert!(MIGRATIONS.iter().all(|m| !m.trim().is_empty()));
    }
}
