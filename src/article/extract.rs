//! Readability plus site rules and chrome removal.
