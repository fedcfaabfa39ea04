//! `rules test [--json]`: which arrival rules match which cached articles. Reads only.
use super::Ctx;
use super::output::{emit, print_json};
use crate::arrival::Rules;
use crate::cli::RulesCommand;
use crate::text::clean_line;
use serde_json::json;

/// One match, for the output.
struct Hit {
    article: i64,
    feed: String,
    title: String,
}

pub fn run(ctx: &Ctx, command: &RulesCommand) -> anyhow::Result<()> {
    let RulesCommand::Test { json } = command;
    let rules = Rules::compile(&ctx.config.rules)?;
    let store = ctx.open_store_to_read()?;
    let mut hits: Vec<Vec<Hit>> = (0..rules.len()).map(|_| Vec::new()).collect();
    if !rules.is_empty() {
        store.for_each_rule_subject(|id, subject| {
            for i in rules.matching(subject) {
                if let Some(list) = hits.get_mut(i) {
                    list.push(Hit {
                        article: id.0,
                        feed: clean_line(subject.feed_title),
                        title: clean_line(subject.title),
                    });
                }
            }
        })?;
    }
    if *json {
        let out = hits
            .iter()
            .enumerate()
            .map(|(i, list)| {
                json!({
                    "rule": clean_line(rules.name(i)),
                    "action": rules.action(i).map(|a| a.to_string()),
                    "articles": list.iter().map(|h| json!({
                        "id": h.article,
                        "feed": h.feed,
                        "title": h.title,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        return print_json(&out);
    }
    if rules.is_empty() {
        return emit("no rules in the config\n");
    }
    let mut out = String::new();
    for (i, list) in hits.iter().enumerate() {
        let action = rules.action(i).map(|a| a.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{} ({action}): {} article{}\n",
            clean_line(rules.name(i)),
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        ));
        for h in list {
            out.push_str(&format!("{:>8}  {}  {}\n", h.article, h.feed, h.title));
        }
    }
    emit(&out)
}
