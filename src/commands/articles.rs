//! `articles`, `search` and `rate`.
use super::Ctx;
use super::output::ArticlePrinter;
use crate::cli::ArticlesArgs;
use crate::feed::ArticleId;
use crate::store::{ArticleQuery, ArticleRow};

/// Prints the rows `each` reads, one at a time (an unlimited `articles --json` of a large
/// cache would otherwise hold every row, its JSON value and the whole text at once).
fn print_rows(
    json: bool,
    each: impl FnOnce(&mut dyn FnMut(ArticleRow) -> bool) -> crate::store::Result<()>,
) -> anyhow::Result<()> {
    let mut printer = ArticlePrinter::new(json);
    each(&mut |row| printer.row(&row))?;
    printer.finish()
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
    print_rows(args.json, |f| store.each_article(&query, f))
}

pub fn search(ctx: &Ctx, query: &str, limit: Option<usize>, json: bool) -> anyhow::Result<()> {
    let store = ctx.open_store_to_read()?;
    print_rows(json, |f| store.each_result(query, limit.unwrap_or(50), f))
}

pub fn rate(ctx: &Ctx, article: i64, stars: u8) -> anyhow::Result<()> {
    let mut store = ctx.open_store()?;
    store.set_rating(ArticleId(article), stars)?;
    Ok(())
}
