//! `mark ARTICLE read|unread`, and the bulk forms `mark --feed FEED|--all|--before DATE
//! read|unread`: one transaction through `Store::mark`, ratings untouched.
use super::output::emit;
use super::{Ctx, UsageError};
use crate::cli::MarkArgs;
use crate::feed::ArticleId;
use crate::store::Selection;
use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};

pub fn run(ctx: &Ctx, args: &MarkArgs) -> anyhow::Result<()> {
    let bulk = args.feed.is_some() || args.all || args.before.is_some();
    if !bulk {
        let (Ok(article), Some(state)) = (args.first.trim().parse::<i64>(), &args.second) else {
            return Err(UsageError(
                "mark takes ARTICLE read|unread, or read|unread with --feed, --all or --before"
                    .into(),
            )
            .into());
        };
        let read = state_of(state)?;
        let mut store = ctx.open_store()?;
        store.set_read(ArticleId(article), read)?;
        return Ok(());
    }
    if args.second.is_some() {
        return Err(UsageError(
            "with --feed, --all or --before, mark takes only read|unread".into(),
        )
        .into());
    }
    let read = state_of(&args.first)?;
    let mut store = ctx.open_store()?;
    let selection = match (&args.feed, &args.before) {
        (Some(feed), _) => Selection::Feed(store.find_feed(feed)?.id),
        (None, Some(date)) => Selection::Before(parse_date(date)?),
        (None, None) => Selection::All,
    };
    let changed = store.mark(&selection, read)?;
    let state = if read { "read" } else { "unread" };
    emit(&format!("{} marked {state}\n", changed.len()))
}

fn state_of(word: &str) -> anyhow::Result<bool> {
    match word.trim() {
        "read" => Ok(true),
        "unread" => Ok(false),
        other => Err(UsageError(format!(
            "expected read or unread, not \"{}\"",
            crate::text::clean_line(other)
        ))
        .into()),
    }
}

/// YYYY-MM-DD is the start of that day in the local time zone (what a person means by
/// "before the 3rd"); anything else must be RFC 3339.
pub fn parse_date(text: &str) -> Result<DateTime<Utc>, UsageError> {
    let t = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
        // A midnight skipped by a DST change has no local time: take the earliest valid
        // reading, else UTC.
        return Ok(Local
            .from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc)));
    }
    DateTime::parse_from_rfc3339(t)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| {
            UsageError(format!(
                "--before takes YYYY-MM-DD or an RFC 3339 time, not \"{}\"",
                crate::text::clean_line(t)
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_days_or_rfc3339() {
        let t = parse_date("2026-11-02T10:30:00+07:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-02T03:30:00+00:00");
        let day = parse_date(" 2026-11-02 ").unwrap();
        let local = day.with_timezone(&Local);
        assert_eq!(
            local.format("%Y-%m-%d %H:%M").to_string(),
            "2026-11-02 00:00"
        );
        for bad in ["2026-13-01", "hôm qua", "", "2026-11-02 10:00"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
