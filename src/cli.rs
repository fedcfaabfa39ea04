//! clap definitions of the commands in `shared/docs/interface.md`.
