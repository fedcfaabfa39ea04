//! Refreshing feeds from the reader: the request, its progress, its end (the connection
//! state follows from it), and retention once no article is open.
use super::articles;
use super::effect::Effect;
use super::{Connectivity, Problem, State};
use crate::feed::FeedId;
use crate::i18n::{self, T, tr};

/// Refreshes `feeds` (all when `None`), unless offline by choice or one runs already.
pub(super) fn start(s: &mut State, feeds: Option<Vec<FeedId>>, fx: &mut Vec<Effect>) {
    if s.connectivity == Connectivity::Forced {
        s.status.error = Some(Problem::Said(T::OfflineNoFetch));
        return;
    }
    if s.status.refresh.is_some() {
        return;
    }
    let total = feeds.as_ref().map_or(s.feeds.len(), Vec::len);
    s.status.refresh = Some((0, total));
    s.status.error = None;
    fx.push(Effect::Refresh { feeds });
}

/// The runner is ready (first frame drawn, network set up): `refresh_on_start` refreshes
/// every feed now, online and with feeds to refresh.
pub(super) fn ready(s: &mut State, fx: &mut Vec<Effect>) {
    if s.refresh_on_start && s.connectivity == Connectivity::Online && !s.feeds.is_empty() {
        start(s, None, fx);
    }
}

pub(super) fn done(
    s: &mut State,
    (ok, failed, new): (usize, usize, usize),
    offline: bool,
    error: Option<Problem>,
    fx: &mut Vec<Effect>,
) {
    s.status.refresh = None;
    s.status.sync = None;
    if offline {
        if s.connectivity == Connectivity::Online {
            s.connectivity = Connectivity::Lost;
        }
    } else if ok > 0 {
        s.connectivity = s.connectivity.online_again();
    }
    s.status.message = Some(i18n::strings::refresh_done(s.lang, ok, failed, new));
    s.status.error = error;
    s.prune_due = true;
    prune_when_free(s, fx);
    fx.push(Effect::LoadFeeds);
    articles::reload(s, fx);
}

/// Esc on the feed list stops a running refresh.
pub(super) fn cancel(s: &mut State, fx: &mut Vec<Effect>) {
    if s.status.refresh.is_some() {
        fx.push(Effect::CancelRefresh);
        s.status.refresh = None;
        s.status.sync = None;
        s.status.message = Some(tr(s.lang, T::Cancelled).into());
    }
}

/// Runs retention if a refresh asked for it and no article is open (the loads that follow
/// see its result: the store runs jobs in order).
pub(super) fn prune_when_free(s: &mut State, fx: &mut Vec<Effect>) {
    if s.prune_due && s.reader.is_none() {
        s.prune_due = false;
        fx.push(Effect::Prune);
    }
}
