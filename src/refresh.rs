//! Refreshing feeds: concurrent fetches (`--jobs`, 2 per host), parsing off the async
//! threads, one store transaction per feed, optional full-text prefetch.
