//! Files embedded in the binary: the default subscriptions, the guide feed, the default config.
