//! Vietnamese collation for names (feeds, categories).
