//! clap definitions of the commands in `shared/docs/interface.md`.
use crate::i18n::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "docbao", version, about = "đọc báo: a terminal news reader")]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Where the cache (cache.db), log and lock live.
    #[arg(long, env = "DOCBAO_DATA_DIR", global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The config file (default: <config dir>/docbao/config.toml).
    #[arg(long, env = "DOCBAO_CONFIG", global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// No network at all; everything comes from the cache.
    #[arg(long, global = true)]
    pub offline: bool,
    /// Interface language.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// A new cache starts empty: no default subscriptions, no guide.
    #[arg(long, global = true, env = "DOCBAO_NO_DEFAULTS", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_defaults: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Subscribe to a feed (or to the feed an HTML page links to).
    Add {
        url: String,
        #[arg(long)]
        title: Option<String>,
        /// Its category: names outer first, joined by "/" (a "/" inside a name as "\/").
        #[arg(long)]
        category: Option<String>,
    },
    /// Unsubscribe: FEED is an id, a URL or a title.
    Remove { feed: String },
    /// Subscribe to the feeds of an OPML file.
    Import { file: PathBuf },
    /// Write the subscriptions as OPML 2.0.
    Export { file: Option<PathBuf> },
    /// List subscriptions with counts and the last refresh result.
    Feeds {
        #[arg(long)]
        json: bool,
    },
    /// Fetch feeds concurrently.
    Refresh(RefreshArgs),
    /// List articles, newest first.
    Articles(ArticlesArgs),
    /// Print an article: an id, an http(s) URL or a local HTML file.
    Read(ReadArgs),
    /// Diacritic-insensitive search of cached titles and text; or save or delete a search.
    Search(SearchArgs),
    /// Rate an article 1 to 5 stars; 0 clears.
    Rate {
        article: i64,
        #[arg(value_parser = clap::value_parser!(u8).range(0..=5))]
        stars: u8,
    },
    /// Mark an article read or unread, or many: --feed, --all, --before.
    Mark(MarkArgs),
    /// List the saved searches with their unread and total counts.
    Searches {
        #[arg(long)]
        json: bool,
    },
    /// Arrival rules of the config.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Print the completion script of a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) of docbao, or of one COMMAND (docbao-COMMAND(1)).
    Man { command: Option<String> },
    /// Pull from and push to the aggregator of `[sync]` (Google Reader API or Fever).
    Sync {
        #[arg(long)]
        json: bool,
    },
}

// Issue 10: bulk marks, saved searches, arrival rules, read --format.

#[derive(Debug, Clone, Args)]
pub struct MarkArgs {
    /// ARTICLE then read|unread; only read|unread with --feed, --all or --before.
    #[arg(value_name = "ARTICLE|STATE")]
    pub first: String,
    #[arg(value_name = "STATE")]
    pub second: Option<String>,
    /// Every article of this feed (an id, a URL or a title).
    #[arg(long, value_name = "FEED", conflicts_with_all = ["all", "before"])]
    pub feed: Option<String>,
    /// Every article.
    #[arg(long, conflicts_with = "before")]
    pub all: bool,
    /// Articles published before DATE (YYYY-MM-DD, local midnight, or RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub before: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// The words to find (with --save: the query to save).
    #[arg(required_unless_present = "delete")]
    pub query: Option<String>,
    #[arg(long, conflicts_with_all = ["save", "delete"])]
    pub limit: Option<usize>,
    #[arg(long, conflicts_with_all = ["save", "delete"])]
    pub json: bool,
    /// Save the search under NAME (replacing one of that name).
    #[arg(long, value_name = "NAME", conflicts_with = "delete")]
    pub save: Option<String>,
    /// Delete the saved search NAME.
    #[arg(long, value_name = "NAME", conflicts_with = "query")]
    pub delete: Option<String>,
    /// With --save: only this feed's articles.
    #[arg(long, value_name = "FEED", requires = "save")]
    pub feed: Option<String>,
    /// With --save: only unread articles.
    #[arg(long, requires = "save")]
    pub unread: bool,
    /// With --save: only articles rated at least N.
    #[arg(long, default_value_t = 0, requires = "save",
        value_parser = clap::value_parser!(u8).range(0..=5))]
    pub min_rating: u8,
    /// With --save: only articles dated within the last N days (the window moves).
    #[arg(long, value_name = "N", requires = "save",
        value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub days: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Which rules match which cached articles (nothing changes).
    Test {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReadFormat {
    /// Plain text, wrapped.
    #[default]
    Text,
    /// Markdown: `# title`, header lines, body, link list.
    Md,
}

#[derive(Debug, Clone, Args)]
pub struct RefreshArgs {
    /// Feeds to refresh (id, URL or title); all when none.
    pub feeds: Vec<String>,
    /// Concurrent fetches in all (at most 2 per host), 1 to 64.
    #[arg(long, value_parser = clap::builder::RangedU64ValueParser::<usize>::new()
        .range(1..=crate::config::MAX_JOBS as u64))]
    pub jobs: Option<usize>,
    /// Also download and extract the full article of each new item.
    #[arg(long)]
    pub full_text: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ArticlesArgs {
    #[arg(long)]
    pub feed: Option<String>,
    #[arg(long)]
    pub unread: bool,
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=5))]
    pub min_rating: u8,
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// An article id, an http(s) URL or a local HTML file.
    pub target: String,
    /// Wrap width (default: the terminal's, else 80; 0: no wrapping; 1 to 19 count as 20).
    #[arg(long)]
    pub width: Option<usize>,
    #[arg(long)]
    pub json: bool,
    /// The base URL of a local file.
    #[arg(long)]
    pub url: Option<String>,
    /// Show the feed's own summary instead of the full text.
    #[arg(long)]
    pub summary: bool,
    /// Plain text (default) or Markdown, for saving.
    #[arg(long, value_enum, default_value_t, conflicts_with = "json")]
    pub format: ReadFormat,
    /// With --json: add "evidence", how the title, byline, date and source were chosen.
    #[arg(long, requires = "json")]
    pub debug: bool,
}
