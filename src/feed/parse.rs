//! Feed bytes -> [`ParsedFeed`]: charset decoding, repair of common faults, feed-rs on a
//! blocking thread inside `catch_unwind`.
