//! `articles`, `search` and `rate`.
use super::Ctx;
use super::output::{article_json, article_line, emit, lines, print_json};
use crate::cli::ArticlesArgs;
use crate::feed::ArticleId;
use crate::store::{ArticleQuery, ArticleRow};

fn print_rows(rows: &[ArticleRow], json: bool) -> anyhow::Result<()> {
    if json {
        return print_json(&rows.iter().map(article_json).collect());
    }
    emit(&lines(rows, true, article_line))
}

pub fn list(ctx: &Ctx, args: &ArticlesArgs) -> anyhow::Result<()> {
    let store = ctx.open_store_to_read()?;
    let feed = match &args.feed {
        Some(spec) => Some(store.find_feed(spec)?.id),
        None => None,
    };
    let query = ArticleQuery {
        feed,
        unread_only: args.unread,
        min_rating: args.min_rating,
        limit: args.limit,
        ..ArticleQuery::default()
    };
    print_rows(&store.articles(&query)?, args.json)
}

pub fn search(ctx: &Ctx, query: &str, limit: Option<usize>, json: bool) -> anyhow::Result<()> {
    let store = ctx.open_store_to_read()?;
    print_rows(&store.search(query, limit.unwrap_or(50))?, json)
}

pub fn rate(ctx: &Ctx, article: i64, stars: u8) -> anyhow::Result<()> {
    let mut store = ctx.open_store()?;
    store.set_rating(ArticleId(article), stars)?;
    Ok(())
}
