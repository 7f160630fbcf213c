//! May akhbar change the database now? Only if no other process is using it, and the file and
//! its folder are writable.
//!
//! Another process: SQLite takes POSIX record locks on the database file and, in WAL mode, keeps
//! one on the -shm file for as long as a connection is open; asking the kernel which lock would
//! conflict (`F_GETLK`) finds such a process without taking any lock or waiting. Locks of this
//! process never conflict with its own probe, so they are not seen.
//!
//! Call `holder` when this process has no connection to the file open: the probe opens and
//! closes a descriptor, and closing one drops this process's locks on the file. A process that
//! has the database open asks `write_lock_holder`, which keeps its descriptor for good.

use std::os::fd::AsRawFd;
use std::path::Path;

/// A process holding a lock on the database or its shared memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    /// 0 when the kernel cannot name it (another PID namespace).
    pub pid: i32,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.pid <= 0 {
            return f.write_str("another process");
        }
        let name = std::fs::read_to_string(format!("/proc/{}/comm", self.pid)).ok();
        match name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            // The name is another program's choice: only printable ASCII reaches the terminal.
            Some(n) if n.chars().all(|c| c.is_ascii_graphic() || c == ' ') => {
                write!(f, "process {} ({n})", self.pid)
            }
            _ => write!(f, "process {}", self.pid),
        }
    }
}

/// The first other process found holding a lock on `path` or `path-shm`.
pub fn holder(path: &Path) -> Option<Holder> {
    let shm = format!("{}-shm", path.display());
    [path, Path::new(&shm)].into_iter().find_map(lock_holder)
}

/// The byte of the -shm file SQLite locks while a connection writes to a WAL database
/// (`UNIX_SHM_BASE` + `WAL_WRITE_LOCK` in SQLite's os_unix.c and wal.c).
const WAL_WRITE_LOCK: i64 = 120;

/// The other process holding the write lock of the WAL database at `path` (a fetch, any open
/// write transaction): the one a write of ours is waiting for. For a process that has the
/// database open: the descriptor of the -shm it probes through stays open until the process
/// ends, because closing it would drop this process's own locks on that file.
pub fn write_lock_holder(path: &Path) -> Option<Holder> {
    use std::sync::{Mutex, PoisonError};
    static KEPT: Mutex<Vec<(std::path::PathBuf, std::fs::File)>> = Mutex::new(Vec::new());
    let shm = std::path::PathBuf::from(format!("{}-shm", path.display()));
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    let at = match kept.iter().position(|(p, _)| *p == shm) {
        Some(at) => at,
        None => {
            kept.push((shm.clone(), open_for_probe(&shm)?));
            kept.len() - 1
        }
    };
    probe(&kept[at].1, WAL_WRITE_LOCK, 1)
}

fn lock_holder(path: &Path) -> Option<Holder> {
    // Would a write lock on the whole file (from byte 0 to any length) conflict with anything?
    probe(&open_for_probe(path)?, 0, 0)
}

fn open_for_probe(path: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking: a FIFO in the place of the -shm must not hang the probe.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .ok()
}

/// Who holds a lock that a write lock on `len` bytes from `start` (0: to the end) would
/// conflict with.
fn probe(file: &std::fs::File, start: i64, len: i64) -> Option<Holder> {
    // SAFETY: `flock` is plain old data; all-zero is a valid value that is then filled in.
    let mut probe: libc::flock = unsafe { std::mem::zeroed() };
    probe.l_type = libc::F_WRLCK as _;
    probe.l_whence = libc::SEEK_SET as _;
    probe.l_start = start as _;
    probe.l_len = len as _;
    // SAFETY: F_GETLK reads and writes only the `flock` we pass, on a descriptor we own.
    let rc = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETLK, &mut probe) };
    let unlocked = libc::F_UNLCK as libc::c_short;
    (rc == 0 && probe.l_type != unlocked).then_some(Holder { pid: probe.l_pid })
}

/// What stops this process from writing the database at `path` and the files SQLite keeps
/// beside it (`-wal`, `-shm`, a repair's backup): a phrase naming the path and the missing
/// permission, or None.
pub fn cannot_write(path: &Path) -> Option<String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Err(e) = check_access(dir, libc::W_OK | libc::X_OK) {
        return Some(denial(&e, "the folder", dir));
    }
    if path.exists()
        && let Err(e) = check_access(path, libc::W_OK)
    {
        return Some(denial(&e, "the file", path));
    }
    None
}

fn denial(e: &std::io::Error, what: &str, path: &Path) -> String {
    match e.raw_os_error() {
        Some(libc::EROFS) => format!("{what} {} is on a read-only file system", path.display()),
        Some(libc::EACCES | libc::EPERM) => {
            format!("no write permission on {what} {}", path.display())
        }
        _ => format!("cannot write to {what} {} ({e})", path.display()),
    }
}

/// `faccessat` with the effective ids: what this process may do, not what its owner may.
fn check_access(path: &Path, mode: libc::c_int) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    // SAFETY: `c` is a NUL-terminated path that outlives the call.
    let rc = unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), mode, libc::AT_EACCESS) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}
