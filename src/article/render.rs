//! Article HTML -> styled lines (ratatui) and plain text, wrapped by grapheme.
