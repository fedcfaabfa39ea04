//! The Google Reader API client (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux),
//! as FreshRSS and Miniflux document it: ClientLogin, the write token, subscription and tag
//! lists, item id streams with continuation, item contents, edit-tag, quickadd and
//! subscription/edit. Every answer is size-capped and parsed without panic; an answer that
//! does not fit the protocol is an error and nothing is stored from it.
use super::error::SyncError;
use super::http::{Http, Reply, join};
use crate::config::{Secret, SyncConfig};
use serde::Deserialize;
use serde_json::Value;

pub const READING_LIST: &str = "user/-/state/com.google/reading-list";
pub const READ: &str = "user/-/state/com.google/read";
pub const STARRED: &str = "user/-/state/com.google/starred";
pub const LABEL_PREFIX: &str = "user/-/label/";
const LONG_ID_PREFIX: &str = "tag:google.com,2005:reader/item/";

/// Ids per stream/items/ids page, and the most ids one list may bring (a bound on memory).
const IDS_PAGE: usize = 10_000;
pub const MAX_IDS: usize = 500_000;

/// An item id in both forms servers send: the long `tag:google.com,2005:reader/item/<16 hex>`
/// and the short signed decimal. Returns the decimal form, which the cache keeps.
pub fn item_id(s: &str) -> Option<String> {
    let s = s.trim();
    let n = match s.strip_prefix(LONG_ID_PREFIX) {
        Some(hex) if !hex.is_empty() && hex.len() <= 16 => {
            u64::from_str_radix(hex, 16).ok()? as i64
        }
        Some(_) => return None,
        None => s.parse::<i64>().ok()?,
    };
    Some(n.to_string())
}

/// The long form of a cached (decimal) id, which every server accepts.
pub fn long_id(decimal: &str) -> Option<String> {
    let n: i64 = decimal.parse().ok()?;
    Some(format!("{LONG_ID_PREFIX}{:016x}", n as u64))
}

#[derive(Debug, Deserialize)]
pub struct SubscriptionList {
    #[serde(default)]
    pub subscriptions: Vec<Subscription>,
}

#[derive(Debug, Deserialize)]
pub struct Subscription {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default, rename = "htmlUrl")]
    pub html_url: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Category {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub label: Option<String>,
}

impl Category {
    /// The label's name: `label`, else the id after `user/-/label/` (or `user/<n>/label/`).
    pub fn name(&self) -> Option<String> {
        self.label
            .clone()
            .filter(|l| !l.trim().is_empty())
            .or_else(|| label_name(&self.id).map(str::to_owned))
    }
}

/// "user/-/label/Tin" or "user/1234/label/Tin" -> "Tin".
pub fn label_name(id: &str) -> Option<&str> {
    let rest = id.strip_prefix("user/")?;
    let (_, label) = rest.split_once("/label/")?;
    Some(label).filter(|l| !l.is_empty())
}

#[derive(Debug, Deserialize)]
struct TagList {
    #[serde(default)]
    tags: Vec<Tag>,
}

#[derive(Debug, Deserialize)]
struct Tag {
    id: String,
}

#[derive(Debug, Deserialize)]
struct IdsPage {
    #[serde(default, rename = "itemRefs")]
    item_refs: Option<Vec<ItemRef>>,
    #[serde(default)]
    continuation: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct ItemRef {
    id: Value,
}

#[derive(Debug, Deserialize)]
struct ContentsPage {
    #[serde(default)]
    items: Vec<Item>,
}

/// One item of stream/items/contents.
#[derive(Debug, Deserialize)]
pub struct Item {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub published: Option<Value>,
    #[serde(default)]
    pub canonical: Vec<Link>,
    #[serde(default)]
    pub alternate: Vec<Link>,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub content: Option<Text>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub origin: Option<Origin>,
    #[serde(default)]
    pub categories: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Link {
    #[serde(default)]
    pub href: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub content: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Origin {
    #[serde(default, rename = "streamId")]
    pub stream_id: Option<String>,
}

/// What quickadd answers.
#[derive(Debug, Deserialize)]
struct QuickAdd {
    #[serde(default, rename = "streamId")]
    stream_id: Option<String>,
    #[serde(default, rename = "numResults")]
    num_results: Option<Value>,
}

/// The client. It logs in when it has no token, and once more when the server says the
/// token expired (401); the write token is fetched before the first write and again when
/// the server marks it bad.
pub struct Greader<'a> {
    http: &'a Http,
    base: url::Url,
    config: &'a SyncConfig,
    password: Option<Secret>,
    auth: Option<String>,
    write: Option<String>,
    /// A token obtained by a login in this run, for the caller to store.
    pub fresh_auth: Option<String>,
}

enum Body<'b> {
    Get(&'b [(&'b str, String)]),
    Post(&'b [(&'b str, String)]),
}

impl<'a> Greader<'a> {
    pub fn new(
        http: &'a Http,
        base: url::Url,
        config: &'a SyncConfig,
        auth: Option<String>,
    ) -> Self {
        Greader {
            http,
            base,
            config,
            password: None,
            auth,
            write: None,
            fresh_auth: None,
        }
    }

    async fn login(&mut self) -> Result<(), SyncError> {
        if self.password.is_none() {
            self.password = Some(super::password::password(self.config)?);
        }
        let password = self.password.as_ref().map(Secret::expose).unwrap_or("");
        let form = [
            ("Email", self.config.username.as_str()),
            ("Passwd", password),
        ];
        let request = self
            .http
            .client()
            .post(join(&self.base, "accounts/ClientLogin"))
            .form(&form);
        let reply = self.http.send(request).await?;
        match reply.status {
            200..=299 => {}
            401 | 403 => return Err(SyncError::Auth),
            _ => return Err(status_error(&reply, "ClientLogin")),
        }
        let text = reply.text();
        let token = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("Auth="))
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() < 4096 && t.chars().all(|c| c.is_ascii_graphic()))
            .ok_or_else(|| SyncError::Malformed("ClientLogin gave no Auth token".into()))?;
        self.auth = Some(token.to_owned());
        self.fresh_auth = Some(token.to_owned());
        self.write = None;
        Ok(())
    }

    async fn fetch_write_token(&mut self) -> Result<(), SyncError> {
        let reply = self
            .call("reader/api/0/token", Body::Get(&[]), false)
            .await?;
        let token = reply.text().trim().to_owned();
        if token.is_empty() || token.len() > 4096 || !token.chars().all(|c| c.is_ascii_graphic()) {
            return Err(SyncError::Malformed(
                "the write token is empty or garbled".into(),
            ));
        }
        self.write = Some(token);
        Ok(())
    }

    fn request(&self, path: &str, body: &Body<'_>, write: bool) -> reqwest::RequestBuilder {
        let url = join(&self.base, path);
        let auth = format!("GoogleLogin auth={}", self.auth.as_deref().unwrap_or(""));
        let mut pairs: Vec<(&str, &str)> = match body {
            Body::Get(p) | Body::Post(p) => p.iter().map(|(k, v)| (*k, v.as_str())).collect(),
        };
        if write {
            pairs.push(("T", self.write.as_deref().unwrap_or("")));
        }
        let builder = match body {
            Body::Get(_) => self.http.client().get(url).query(&pairs),
            Body::Post(_) => self.http.client().post(url).form(&pairs),
        };
        builder
            .query(&[("output", "json")])
            .header(reqwest::header::AUTHORIZATION, auth)
    }

    /// One API call with the login and write-token renewals the protocol allows.
    async fn call(&mut self, path: &str, body: Body<'_>, write: bool) -> Result<Reply, SyncError> {
        if self.auth.is_none() {
            self.login().await?;
        }
        if write && self.write.is_none() {
            Box::pin(self.fetch_write_token()).await?;
        }
        let mut relogged = false;
        let mut retoken = false;
        loop {
            let reply = self.http.send(self.request(path, &body, write)).await?;
            if reply.status != 401 {
                return if reply.ok() {
                    Ok(reply)
                } else {
                    Err(status_error(&reply, path))
                };
            }
            if write && reply.bad_token && !retoken {
                retoken = true;
                Box::pin(self.fetch_write_token()).await?;
            } else if !relogged {
                relogged = true;
                self.login().await?;
                if write {
                    Box::pin(self.fetch_write_token()).await?;
                }
            } else {
                return Err(SyncError::Auth);
            }
        }
    }

    pub async fn subscriptions(&mut self) -> Result<Vec<Subscription>, SyncError> {
        let reply = self
            .call("reader/api/0/subscription/list", Body::Get(&[]), false)
            .await?;
        Ok(parse::<SubscriptionList>(&reply, "subscription/list")?.subscriptions)
    }

    /// Ids of every tag and label.
    pub async fn tags(&mut self) -> Result<Vec<String>, SyncError> {
        let reply = self
            .call("reader/api/0/tag/list", Body::Get(&[]), false)
            .await?;
        Ok(parse::<TagList>(&reply, "tag/list")?
            .tags
            .into_iter()
            .map(|t| t.id)
            .collect())
    }

    /// Item ids (decimal) of `stream`, minus `exclude`, newer than `since` (unix seconds),
    /// following continuations. `complete` is false when the list was cut at [`MAX_IDS`].
    pub async fn ids(
        &mut self,
        stream: &str,
        exclude: Option<&str>,
        since: Option<i64>,
    ) -> Result<(Vec<String>, bool), SyncError> {
        let mut out = Vec::new();
        let mut continuation: Option<String> = None;
        loop {
            let mut query = vec![("s", stream.to_owned()), ("n", IDS_PAGE.to_string())];
            if let Some(xt) = exclude {
                query.push(("xt", xt.to_owned()));
            }
            if let Some(ot) = since {
                query.push(("ot", ot.to_string()));
            }
            if let Some(c) = &continuation {
                query.push(("c", c.clone()));
            }
            let reply = self
                .call("reader/api/0/stream/items/ids", Body::Get(&query), false)
                .await?;
            let page: IdsPage = parse(&reply, "stream/items/ids")?;
            let refs = page.item_refs.unwrap_or_default();
            let got = refs.len();
            for r in refs {
                let id = match &r.id {
                    Value::String(s) => item_id(s),
                    Value::Number(n) => n.as_i64().map(|n| n.to_string()),
                    _ => None,
                }
                .ok_or_else(|| SyncError::Malformed("an item id that is not a number".into()))?;
                out.push(id);
            }
            continuation = match page.continuation {
                Some(Value::String(s)) if !s.is_empty() => Some(s),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            };
            if out.len() >= MAX_IDS {
                out.truncate(MAX_IDS);
                return Ok((out, false));
            }
            if continuation.is_none() || got == 0 {
                return Ok((out, true));
            }
        }
    }

    /// The contents of `ids` (decimal), in one request: callers batch.
    pub async fn contents(&mut self, ids: &[String]) -> Result<Vec<Item>, SyncError> {
        let form: Vec<(&str, String)> = ids
            .iter()
            .filter_map(|id| long_id(id))
            .map(|id| ("i", id))
            .collect();
        let reply = self
            .call(
                "reader/api/0/stream/items/contents",
                Body::Post(&form),
                false,
            )
            .await?;
        Ok(parse::<ContentsPage>(&reply, "stream/items/contents")?.items)
    }

    /// Adds the tags `add` to and removes `remove` from the items `ids` (decimal).
    pub async fn edit_tag(
        &mut self,
        ids: &[String],
        add: &[String],
        remove: &[String],
    ) -> Result<(), SyncError> {
        let mut form: Vec<(&str, String)> = ids
            .iter()
            .filter_map(|id| long_id(id))
            .map(|id| ("i", id))
            .collect();
        form.extend(add.iter().map(|t| ("a", t.clone())));
        form.extend(remove.iter().map(|t| ("r", t.clone())));
        self.call("reader/api/0/edit-tag", Body::Post(&form), true)
            .await
            .map(drop)
    }

    /// Subscribes; returns the new stream id, or None when the server found no feed there.
    pub async fn quickadd(&mut self, url: &str) -> Result<Option<String>, SyncError> {
        let form = [("quickadd", url.to_owned())];
        let reply = self
            .call(
                "reader/api/0/subscription/quickadd",
                Body::Post(&form),
                true,
            )
            .await?;
        let added: QuickAdd = parse(&reply, "subscription/quickadd")?;
        let none = matches!(&added.num_results, Some(Value::Number(n)) if n.as_i64() == Some(0));
        Ok(added.stream_id.filter(|s| !s.is_empty() && !none))
    }

    /// subscription/edit: `ac` is "edit" or "unsubscribe".
    pub async fn edit_subscription(
        &mut self,
        ac: &str,
        stream: &str,
        title: Option<&str>,
        add: Option<&str>,
        remove: Option<&str>,
    ) -> Result<(), SyncError> {
        let mut form = vec![("ac", ac.to_owned()), ("s", stream.to_owned())];
        if let Some(t) = title {
            form.push(("t", t.to_owned()));
        }
        if let Some(a) = add {
            form.push(("a", a.to_owned()));
        }
        if let Some(r) = remove {
            form.push(("r", r.to_owned()));
        }
        self.call("reader/api/0/subscription/edit", Body::Post(&form), true)
            .await
            .map(drop)
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

/// A status other than success or 401, in words.
fn status_error(reply: &Reply, what: &str) -> SyncError {
    let text = reply.text().to_ascii_lowercase();
    match reply.status {
        404 => SyncError::ApiDisabled {
            api: "Google Reader",
            detail: format!("HTTP 404 at {what}: check `url`"),
        },
        503 | 403 if text.contains("disabled") || text.contains("api") => SyncError::ApiDisabled {
            api: "Google Reader",
            detail: format!("HTTP {}", reply.status),
        },
        code => SyncError::Server(format!("HTTP {code} at {what}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_id_forms_give_the_same_decimal() {
        assert_eq!(
            item_id("tag:google.com,2005:reader/item/000000000000001f").as_deref(),
            Some("31")
        );
        assert_eq!(item_id("31").as_deref(), Some("31"));
        // Ids past i64::MAX are negative in the short form (Google's own convention).
        assert_eq!(
            item_id("tag:google.com,2005:reader/item/ffffffffffffffff").as_deref(),
            Some("-1")
        );
        assert_eq!(item_id("-1").as_deref(), Some("-1"));
        assert_eq!(item_id("tag:google.com,2005:reader/item/"), None);
        assert_eq!(
            item_id("tag:google.com,2005:reader/item/1234567890abcdef0"),
            None
        );
        assert_eq!(item_id("abc"), None);
        for d in ["31", "-1", "1700000000123456"] {
            assert_eq!(item_id(&long_id(d).unwrap()).as_deref(), Some(d));
        }
    }

    #[test]
    fn label_names_come_from_either_user_form() {
        assert_eq!(label_name("user/-/label/Tin Việt"), Some("Tin Việt"));
        assert_eq!(label_name("user/1/label/docbao/★4"), Some("docbao/★4"));
        assert_eq!(label_name("user/-/state/com.google/read"), None);
    }
}
