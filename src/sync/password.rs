//! The sync password: from `password_command` (run without a shell, its first line of
//! output), else DOCBAO_SYNC_PASSWORD, else the config's `password`. It stays in memory:
//! never logged, printed, stored, or passed to another process.
use super::error::SyncError;
use crate::config::{Secret, SyncConfig};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable that can hold the password.
pub const PASSWORD_ENV: &str = "DOCBAO_SYNC_PASSWORD";

/// How long `password_command` may take (a pinentry may wait for the user).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// More than this much output is not a password.
const MAX_OUTPUT: u64 = 64 * 1024;

pub fn password(config: &SyncConfig) -> Result<Secret, SyncError> {
    if let Some(command) = &config.password_command {
        return run_command(command);
    }
    if let Ok(p) = std::env::var(PASSWORD_ENV)
        && !p.is_empty()
    {
        return Ok(Secret::new(p));
    }
    config.password.clone().ok_or(SyncError::NoPassword)
}

/// Splits a command line into words: whitespace separates, single and double quotes group,
/// a backslash escapes the next character outside single quotes. No shell is involved.
pub fn split_command(line: &str) -> Result<Vec<String>, SyncError> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('\''), c) => word.push(c),
            (_, '\\') => {
                let next = chars.next().ok_or_else(|| {
                    SyncError::PasswordCommand("ends with a lone backslash".into())
                })?;
                word.push(next);
                in_word = true;
            }
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err(SyncError::PasswordCommand("has an unclosed quote".into()));
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

fn run_command(line: &str) -> Result<Secret, SyncError> {
    let words = split_command(line)?;
    let (program, args) = words
        .split_first()
        .ok_or_else(|| SyncError::PasswordCommand("is empty".into()))?;
    let mut child = Command::new(program)
        .args(args)
        .env_remove(PASSWORD_ENV)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| SyncError::PasswordCommand(format!("cannot start {program}: {e}")))?;
    // Read on a thread, so that a command that hangs with its output open still times out.
    let reader = child.stdout.take().map(|stdout| {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            stdout.take(MAX_OUTPUT).read_to_end(&mut out).map(|_| out)
        })
    });
    let deadline = Instant::now() + COMMAND_TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(SyncError::PasswordCommand(format!(
                    "took more than {} s",
                    COMMAND_TIMEOUT.as_secs()
                )));
            }
            Err(e) => return Err(SyncError::PasswordCommand(format!("failed: {e}"))),
        }
    };
    let out = match reader.map(std::thread::JoinHandle::join) {
        Some(Ok(Ok(out))) => out,
        Some(Ok(Err(e))) => {
            return Err(SyncError::PasswordCommand(format!(
                "output unreadable: {e}"
            )));
        }
        _ => return Err(SyncError::PasswordCommand("output unreadable".into())),
    };
    if !status.success() {
        return Err(SyncError::PasswordCommand(format!("failed ({status})")));
    }
    let text = String::from_utf8(out)
        .map_err(|_| SyncError::PasswordCommand("printed something that is not UTF-8".into()))?;
    let first = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if first.is_empty() {
        return Err(SyncError::PasswordCommand("printed no password".into()));
    }
    Ok(Secret::new(first.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_split_like_a_shell_without_one() {
        assert_eq!(
            split_command(r#"pass show "rss/my server" 'a b' c\ d"#).unwrap(),
            ["pass", "show", "rss/my server", "a b", "c d"]
        );
        assert_eq!(split_command("  ").unwrap(), Vec::<String>::new());
        assert_eq!(split_command("echo ''").unwrap(), ["echo", ""]);
        assert!(split_command("echo 'open").is_err());
        assert_eq!(
            split_command("echo $HOME;rm").unwrap(),
            ["echo", "$HOME;rm"]
        );
    }
}
