//! The Fever API client (Miniflux, FreshRSS, Tiny Tiny RSS plugins, coldsweat): groups,
//! feeds, items by `since_id`, the unread and saved id lists, and item marks. The key is
//! md5("username:password"), sent in the body of every POST. Fever cannot manage
//! subscriptions.
use super::error::SyncError;
use super::http::{Http, Reply};
use md5::{Digest, Md5};
use serde::Deserialize;
use serde_json::Value;

/// The key Fever expects.
pub fn api_key(username: &str, password: &str) -> String {
    let digest = Md5::digest(format!("{username}:{password}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Ids are numbers in the spec and strings in some servers.
fn id_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[derive(Debug, Deserialize)]
struct Envelope {
    #[serde(default)]
    api_version: Option<Value>,
    #[serde(default)]
    auth: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub struct Group {
    pub id: Value,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct FeedsGroup {
    pub group_id: Value,
    #[serde(default)]
    pub feed_ids: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub struct Feed {
    pub id: Value,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub site_url: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Item {
    pub id: Value,
    pub feed_id: Value,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub html: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub is_saved: Option<Value>,
    #[serde(default)]
    pub is_read: Option<Value>,
    #[serde(default)]
    pub created_on_time: Option<Value>,
}

impl Item {
    pub fn id(&self) -> Option<i64> {
        id_of(&self.id)
    }
    pub fn feed_id(&self) -> Option<i64> {
        id_of(&self.feed_id)
    }
}

/// Fever's booleans: 1/0, "1"/"0" or true/false.
pub fn truthy(v: &Option<Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(v) => id_of(v).is_some_and(|n| n != 0),
        None => false,
    }
}

#[derive(Debug, Deserialize)]
struct GroupsAnswer {
    #[serde(default)]
    groups: Vec<Group>,
    #[serde(default)]
    feeds_groups: Vec<FeedsGroup>,
}

#[derive(Debug, Deserialize)]
struct FeedsAnswer {
    #[serde(default)]
    feeds: Vec<Feed>,
}

#[derive(Debug, Deserialize)]
struct ItemsAnswer {
    #[serde(default)]
    items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
struct UnreadAnswer {
    #[serde(default)]
    unread_item_ids: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct SavedAnswer {
    #[serde(default)]
    saved_item_ids: Option<Value>,
}

pub struct Fever<'a> {
    http: &'a Http,
    url: url::Url,
    key: String,
}

impl<'a> Fever<'a> {
    pub fn new(http: &'a Http, url: url::Url, key: String) -> Self {
        Fever { http, url, key }
    }

    /// One call: `?api&<command>` with the key (and `form`) in the body. Checks `auth`.
    async fn call(&self, command: &str, form: &[(&str, String)]) -> Result<Reply, SyncError> {
        let mut url = self.url.clone();
        let query = match command {
            "" => "api".to_owned(),
            c => format!("api&{c}"),
        };
        url.set_query(Some(&query));
        let mut body: Vec<(&str, &str)> = vec![("api_key", self.key.as_str())];
        body.extend(form.iter().map(|(k, v)| (*k, v.as_str())));
        let reply = self
            .http
            .send(self.http.client().post(url).form(&body))
            .await?;
        match reply.status {
            200..=299 => {}
            401 | 403 => return Err(SyncError::Auth),
            404 => {
                return Err(SyncError::ApiDisabled {
                    api: "Fever",
                    detail: "HTTP 404: check `url`".into(),
                });
            }
            code => return Err(SyncError::Server(format!("HTTP {code}"))),
        }
        let envelope: Envelope = parse(&reply, "the answer")?;
        if envelope.api_version.is_none() {
            return Err(SyncError::ApiDisabled {
                api: "Fever",
                detail: "the answer has no api_version".into(),
            });
        }
        if !truthy(&envelope.auth) {
            return Err(SyncError::Auth);
        }
        Ok(reply)
    }

    /// Checks the key.
    pub async fn login(&self) -> Result<(), SyncError> {
        self.call("", &[]).await.map(drop)
    }

    /// Group titles by feed id ("12" -> "Tin Việt Nam"); a feed in several groups gets
    /// the first.
    pub async fn feed_groups(&self) -> Result<Vec<(i64, String)>, SyncError> {
        let a: GroupsAnswer = parse(&self.call("groups", &[]).await?, "groups")?;
        let mut out = Vec::new();
        for fg in &a.feeds_groups {
            let Some(gid) = id_of(&fg.group_id) else {
                continue;
            };
            let title = a
                .groups
                .iter()
                .find(|g| id_of(&g.id) == Some(gid))
                .and_then(|g| g.title.clone());
            let Some(title) = title else {
                continue;
            };
            for feed in ids_list(fg.feed_ids.as_ref()) {
                out.push((feed, title.clone()));
            }
        }
        Ok(out)
    }

    pub async fn feeds(&self) -> Result<Vec<Feed>, SyncError> {
        Ok(parse::<FeedsAnswer>(&self.call("feeds", &[]).await?, "feeds")?.feeds)
    }

    /// Up to 50 items with ids above `since`.
    pub async fn items_since(&self, since: i64) -> Result<Vec<Item>, SyncError> {
        let reply = self.call(&format!("items&since_id={since}"), &[]).await?;
        Ok(parse::<ItemsAnswer>(&reply, "items")?.items)
    }

    pub async fn unread_ids(&self) -> Result<Vec<i64>, SyncError> {
        let a: UnreadAnswer = parse(&self.call("unread_item_ids", &[]).await?, "unread_item_ids")?;
        Ok(ids_list(a.unread_item_ids.as_ref()))
    }

    pub async fn saved_ids(&self) -> Result<Vec<i64>, SyncError> {
        let a: SavedAnswer = parse(&self.call("saved_item_ids", &[]).await?, "saved_item_ids")?;
        Ok(ids_list(a.saved_item_ids.as_ref()))
    }

    /// `as`: read, unread, saved or unsaved.
    pub async fn mark_item(&self, id: &str, state: &str) -> Result<(), SyncError> {
        let form = [
            ("mark", "item".to_owned()),
            ("as", state.to_owned()),
            ("id", id.to_owned()),
        ];
        self.call("", &form).await.map(drop)
    }
}

/// "1,2,3" (or a JSON array) as numbers; what is not a number is skipped.
fn ids_list(v: Option<&Value>) -> Vec<i64> {
    match v {
        Some(Value::String(s)) => s.split(',').filter_map(|p| p.trim().parse().ok()).collect(),
        Some(Value::Array(a)) => a.iter().filter_map(id_of).collect(),
        Some(v) => id_of(v).into_iter().collect(),
        None => Vec::new(),
    }
}

fn parse<T: serde::de::DeserializeOwned>(reply: &Reply, what: &str) -> Result<T, SyncError> {
    serde_json::from_slice(&reply.body).map_err(|e| {
        SyncError::Malformed(format!(
            "{what}: {}",
            crate::text::clean_line(&e.to_string())
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_md5_of_user_colon_password() {
        // md5("a:b"), computed independently with coreutils' md5sum.
        assert_eq!(api_key("a", "b"), "d8160c9b3dc20d4e931aeb4f45262155");
    }

    #[test]
    fn id_lists_accept_strings_numbers_and_junk() {
        assert_eq!(
            ids_list(Some(&Value::String("1, 2,x,30".into()))),
            [1, 2, 30]
        );
        assert_eq!(ids_list(Some(&serde_json::json!([4, "5"]))), [4, 5]);
        assert_eq!(
            ids_list(Some(&Value::String(String::new()))),
            Vec::<i64>::new()
        );
        assert!(truthy(&Some(serde_json::json!("1"))));
        assert!(!truthy(&Some(serde_json::json!(0))));
    }
}
