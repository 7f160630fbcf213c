//! Which files akhbar may use as its database, decided before SQLite touches them.
//!
//! akhbar marks its databases with `PRAGMA application_id` = [`APPLICATION_ID`]. A missing or
//! empty file becomes a new database; a file with the mark opens; a cache made before the mark
//! existed is recognised by its schema (user_version and akhbar's tables) and gets the mark.
//! Anything else — a directory, a FIFO, a device, another program's SQLite file, a file that is
//! not SQLite — is refused before SQLite opens it, so it stays byte-for-byte as it was (no WAL
//! switch, no tables, no -wal/-shm files).

use super::StoreError;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// `PRAGMA application_id` of akhbar's databases: the ASCII bytes of "akhb" (0x616B6862).
pub const APPLICATION_ID: u32 = u32::from_be_bytes(*b"akhb");

/// What is at a database path, as far as can be told without changing anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileState {
    /// Nothing there yet: a new database is made on first use.
    Missing,
    /// A 0-byte file: becomes a new database too.
    Empty,
    /// Not a regular file: "a directory", "a FIFO (named pipe)", …
    NotAFile(&'static str),
    /// Cannot be looked at: the reason, naming the path.
    Unreadable(String),
    /// Not akhbar's database: what it is instead.
    Foreign(String),
    /// akhbar's database, damaged in a way seen without SQLite: how.
    Damaged(String),
    /// akhbar's database. `legacy`: made before the application id (recognised by its schema).
    Ours { legacy: bool },
}

/// How `Store::open` may treat the file it vetted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vetted {
    New,
    Ours,
    Legacy,
}

/// Look at `path` without writing anything and without blocking (a FIFO is never opened).
pub fn classify(path: &Path) -> FileState {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return FileState::Missing,
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            let dir = path.parent().unwrap_or(Path::new("."));
            return FileState::Unreadable(format!(
                "no permission to look into the folder {}",
                dir.display()
            ));
        }
        Err(e) => return FileState::Unreadable(format!("cannot look at {}: {e}", path.display())),
    };
    if !meta.file_type().is_file() {
        return FileState::NotAFile(kind_of(&meta.file_type()));
    }
    if meta.len() == 0 {
        return FileState::Empty;
    }
    let header = match read_header(path) {
        Ok(Some(h)) => h,
        Ok(None) => {
            return FileState::Foreign(format!(
                "not an SQLite database (only {} bytes)",
                meta.len()
            ));
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return FileState::Unreadable(format!("no read permission on {}", path.display()));
        }
        Err(e) => return FileState::Unreadable(format!("cannot read {}: {e}", path.display())),
    };
    if !header.magic_ok() {
        // Only a header that still carries akhbar's mark is damage; anything else may be
        // some other program's file, which is not ours to "repair".
        return if header.plausible() && header.be32(68) == APPLICATION_ID {
            FileState::Damaged(
                "the file header is damaged (its SQLite signature is overwritten)".into(),
            )
        } else {
            FileState::Foreign("not an SQLite database".into())
        };
    }
    let legacy = match header.be32(68) {
        APPLICATION_ID => false,
        0 => match legacy_schema(path) {
            Ok(true) => true,
            Ok(false) => {
                return FileState::Foreign(
                    "an SQLite database without akhbar's tables (another program's)".into(),
                );
            }
            // The schema could not be read (damage, or a writer mid-way): the header's schema
            // version is the remaining sign of an old akhbar cache; SQLite will say the rest.
            Err(_) if (1..=super::schema::MIGRATIONS.len() as u32).contains(&header.be32(60)) => {
                true
            }
            Err(e) => {
                return FileState::Foreign(format!("an SQLite database akhbar cannot read ({e})"));
            }
        },
        other => {
            return FileState::Foreign(format!(
                "an SQLite database of another program (application_id {other:#010x})"
            ));
        }
    };
    if let Some(how) = truncation(path, &header, meta.len()) {
        return FileState::Damaged(how);
    }
    FileState::Ours { legacy }
}

/// The check `Store::open` runs: refuse what is not ours, before SQLite opens it.
pub(crate) fn vet(path: &Path) -> Result<Vetted, StoreError> {
    let shown = path.display().to_string();
    // The first open in this process read the file already; reading it again would close a
    // second descriptor on it, and closing any descriptor drops every POSIX lock this process
    // holds on the file — SQLite's locks too, which lets another process delete the -wal under
    // a live connection.
    if std::fs::metadata(path).is_ok_and(|m| m.is_file() && already_vetted(&m)) {
        return Ok(Vetted::Ours);
    }
    match classify(path) {
        FileState::Missing | FileState::Empty => Ok(Vetted::New),
        FileState::Ours { legacy: false } => Ok(Vetted::Ours),
        FileState::Ours { legacy: true } => Ok(Vetted::Legacy),
        FileState::NotAFile(kind) => Err(StoreError::Refused {
            path: shown,
            reason: format!("is {kind}, not a database file"),
        }),
        FileState::Unreadable(why) => Err(StoreError::Unreadable(why)),
        FileState::Foreign(what) => Err(StoreError::Refused {
            path: shown,
            reason: format!("is not an akhbar database: {what}"),
        }),
        FileState::Damaged(how) => Err(StoreError::Corrupt {
            path: shown,
            reason: how,
        }),
    }
}

/// Note that this process has opened `path` as its database (see `vet`).
pub(crate) fn remember(path: &Path) {
    if let Ok(meta) = std::fs::metadata(path)
        && let Some(id) = file_id(&meta)
    {
        vetted()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id);
    }
}

/// Device, inode and birth time: the birth time tells a new file from a deleted one whose
/// inode number was reused. Without it (a file system that does not keep it) nothing is
/// remembered and every open checks again.
fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino(), meta.created().ok()?))
}

fn vetted() -> &'static Mutex<HashSet<(u64, u64, std::time::SystemTime)>> {
    static VETTED: std::sync::OnceLock<Mutex<HashSet<(u64, u64, std::time::SystemTime)>>> =
        std::sync::OnceLock::new();
    VETTED.get_or_init(Default::default)
}

fn already_vetted(meta: &std::fs::Metadata) -> bool {
    file_id(meta).is_some_and(|id| {
        vetted()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&id)
    })
}

fn kind_of(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else {
        "not a regular file"
    }
}

/// The 100-byte SQLite file header.
pub(crate) struct Header([u8; 100]);

impl Header {
    pub(crate) fn be32(&self, at: usize) -> u32 {
        u32::from_be_bytes([self.0[at], self.0[at + 1], self.0[at + 2], self.0[at + 3]])
    }

    fn magic_ok(&self) -> bool {
        &self.0[..16] == b"SQLite format 3\0"
    }

    /// The page size, if it is one SQLite can write (a power of two, 512 to 65536).
    pub(crate) fn page_size(&self) -> Option<u64> {
        match u16::from_be_bytes([self.0[16], self.0[17]]) {
            1 => Some(65_536),
            n if n >= 512 && n.is_power_of_two() => Some(u64::from(n)),
            _ => None,
        }
    }

    /// Does the rest of the header look like SQLite's (fixed payload fractions 64/32/32,
    /// read/write versions 1 or 2, a valid page size)?
    fn plausible(&self) -> bool {
        self.page_size().is_some()
            && (1..=2).contains(&self.0[18])
            && (1..=2).contains(&self.0[19])
            && self.0[21..24] == [64, 32, 32]
    }
}

/// The header, or None when the file is shorter than one.
pub(crate) fn read_header(path: &Path) -> std::io::Result<Option<Header>> {
    let mut file = std::fs::File::open(path)?;
    let mut bytes = [0u8; 100];
    match file.read_exact(&mut bytes) {
        Ok(()) => Ok(Some(Header(bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

/// A file shorter than its header's page count says (SQLite itself would notice only on the
/// first missing page).
fn truncation(path: &Path, header: &Header, len: u64) -> Option<String> {
    let page_size = header.page_size()?;
    // The page count in the header is valid only when its version stamp matches. With a
    // write-ahead log present, an interrupted checkpoint may have written page 1 before the
    // file grew: the log still holds every page, so a short file is not damage then.
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let wal_has_frames = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 32);
    if header.be32(24) != header.be32(92) || wal_has_frames {
        return None;
    }
    let pages = u64::from(header.be32(28));
    let expected = page_size * pages;
    (len < expected).then(|| {
        format!(
            "truncated: {len} bytes of {expected} (the last {} of {pages} pages are missing)",
            pages - len / page_size
        )
    })
}

/// Is this SQLite file (with no application id) a cache made by an akhbar from before the
/// mark? Read with `immutable=1`: no locks, no -wal/-shm, nothing written.
fn legacy_schema(path: &Path) -> rusqlite::Result<bool> {
    use rusqlite::OpenFlags;
    let conn = rusqlite::Connection::open_with_flags(
        format!("file:{}?immutable=1", uri_path(path)),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'
         AND name IN ('feeds', 'articles', 'meta')",
        [],
        |r| r.get(0),
    )?;
    Ok(version >= 1 && tables == 3)
}

/// `path` percent-encoded for an SQLite `file:` URI.
pub(crate) fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_id_spells_akhb() {
        assert_eq!(APPLICATION_ID, 0x616B_6862);
    }

    #[test]
    fn uri_paths_escape_what_sqlite_would_read_as_syntax() {
        assert_eq!(
            uri_path(Path::new("/a b/c?d#e%f.db")),
            "/a%20b/c%3Fd%23e%25f.db"
        );
    }
}
