//! `search QUERY`, `search --save NAME QUERY [--feed F] [--unread] [--min-rating N]
//! [--days N]`,
//! `search --delete NAME` and `searches [--json]`.
use super::Ctx;
use super::output::{emit, lines, print_json};
use crate::cli::SearchArgs;
use crate::store::{SavedSearch, SavedSearchRow};
use crate::text::clean_line;
use serde_json::json;

pub fn search(ctx: &Ctx, args: &SearchArgs) -> anyhow::Result<()> {
    let query = args.query.as_deref().unwrap_or_default();
    if args.delete.is_none() && args.save.is_none() {
        return super::articles::search(ctx, query, args.limit, args.json);
    }
    let mut store = ctx.open_store()?;
    if let Some(name) = &args.delete {
        store.delete_search(name)?;
        return emit(&format!(
            "deleted the saved search \"{}\"\n",
            clean_line(name)
        ));
    }
    let Some(name) = &args.save else {
        return Ok(());
    };
    let feed = match &args.feed {
        Some(spec) => Some(store.find_feed(spec)?.id),
        None => None,
    };
    let saved = SavedSearch {
        name: name.trim().to_owned(),
        query: query.trim().to_owned(),
        feed,
        unread_only: args.unread,
        min_rating: args.min_rating,
        days: args.days,
    };
    let new = store.save_search(&saved)?;
    emit(&format!(
        "{} the search \"{}\"\n",
        if new { "saved" } else { "replaced" },
        clean_line(&saved.name)
    ))
}

pub fn list(ctx: &Ctx, json: bool) -> anyhow::Result<()> {
    let store = ctx.open_store_to_read()?;
    let rows = store.saved_searches()?;
    if json {
        return print_json(&rows.iter().map(search_json).collect());
    }
    emit(&lines(&rows, true, search_line))
}

fn search_json(row: &SavedSearchRow) -> serde_json::Value {
    json!({
        "name": clean_line(&row.search.name),
        "query": clean_line(&row.search.query),
        "unread": row.unread,
        "total": row.total,
    })
}

/// unread/total, the name, then the query and its filters.
fn search_line(row: &SavedSearchRow) -> String {
    let s = &row.search;
    let mut filters = String::new();
    if let Some(feed) = s.feed {
        filters.push_str(&format!(" --feed {}", feed.0));
    }
    if s.unread_only {
        filters.push_str(" --unread");
    }
    if s.min_rating > 0 {
        filters.push_str(&format!(" --min-rating {}", s.min_rating));
    }
    if let Some(days) = s.days {
        filters.push_str(&format!(" --days {days}"));
    }
    format!(
        "{:>5}/{:<5}  {}  \"{}\"{}",
        row.unread,
        row.total,
        clean_line(&s.name),
        clean_line(&s.query),
        filters
    )
}
