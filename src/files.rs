//! Reading a file the user names (`--config`, `import FILE`, `read FILE`): only a regular
//! file, and at most a fixed size. A FIFO would block forever and `/dev/zero` would never
//! end, so both are refused before a byte is read.
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

/// The most a config file may hold.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;
/// The most an OPML file or a local HTML page may hold (the network's cap on a body).
pub const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Why a user-named file was not read. `Display` is one line: the file, then the reason.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {}", self.reason())]
pub struct FileError {
    pub path: String,
    pub kind: FileErrorKind,
}

#[derive(Debug)]
pub enum FileErrorKind {
    Io(std::io::Error),
    /// What it is instead ("a FIFO").
    NotAFile(&'static str),
    /// The limit in bytes.
    TooLarge(u64),
}

impl FileError {
    /// The file does not exist (a missing config means the defaults).
    pub fn is_not_found(&self) -> bool {
        matches!(&self.kind, FileErrorKind::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }

    /// The reason alone, without the file's name.
    pub fn reason(&self) -> String {
        match &self.kind {
            FileErrorKind::Io(e) => e.to_string(),
            FileErrorKind::NotAFile(kind) => format!("{kind}, not a regular file"),
            FileErrorKind::TooLarge(limit) => format!("larger than {}", size(*limit)),
        }
    }
}

/// Reads all of `path` if it is a regular file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let fail = |kind| FileError {
        path: crate::text::clean_line(&path.display().to_string()),
        kind,
    };
    let file = open_nonblocking(path).map_err(|e| fail(FileErrorKind::Io(e)))?;
    // The kind of what was opened, not of what the path named a moment before.
    let meta = file.metadata().map_err(|e| fail(FileErrorKind::Io(e)))?;
    if !meta.is_file() {
        return Err(fail(FileErrorKind::NotAFile(kind_of(&meta.file_type()))));
    }
    if meta.len() > limit {
        return Err(fail(FileErrorKind::TooLarge(limit)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The size can change while reading (a file still being written): the cap holds anyway.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(FileErrorKind::Io(e)))?;
    if bytes.len() as u64 > limit {
        return Err(fail(FileErrorKind::TooLarge(limit)));
    }
    Ok(bytes)
}

/// Opens for reading without waiting for a writer: opening a FIFO blocks until one comes.
/// The flag changes nothing for a regular file.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(unix)]
fn kind_of(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else {
        "something else"
    }
}

#[cfg(not(unix))]
fn kind_of(t: &std::fs::FileType) -> &'static str {
    if t.is_dir() {
        "a directory"
    } else {
        "something else"
    }
}

/// "16 MiB", "1 MiB", "100 bytes".
fn size(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Tin mới").unwrap();
        assert_eq!(read_limited(&path, 100).unwrap(), "Tin mới".as_bytes());
        let err = read_limited(&path, 4).unwrap_err();
        assert!(matches!(err.kind, FileErrorKind::TooLarge(4)), "{err}");
        assert!(
            err.to_string().ends_with("a.txt: larger than 4 bytes"),
            "{err}"
        );
    }

    #[test]
    fn what_is_not_a_file_is_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_limited(dir.path(), 100).unwrap_err();
        assert!(
            err.to_string()
                .ends_with(": a directory, not a regular file")
        );
        let err = read_limited(Path::new("/dev/zero"), 100).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/dev/zero: a character device, not a regular file"
        );
        let missing = read_limited(&dir.path().join("none"), 100).unwrap_err();
        assert!(missing.is_not_found());
    }
}
