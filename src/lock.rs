//! The writer lock: one reindex at a time, across processes and within one.
//!
//! The lock is an OS file lock on `index/writer.lock`, so it is released when its holder exits,
//! however it exits (a SIGKILL included). The file names the holder, for the "reindex already
//! running" message.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Held while a reindex writes; dropping it releases the lock.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
}

impl WriterLock {
    /// Takes the lock in `index_dir`, recording `holder` (e.g. "reindex from the command line").
    /// Fails at once with [`Error::ReindexRunning`] naming the current holder.
    pub fn acquire(index_dir: &Path, holder: &str) -> Result<Self> {
        std::fs::create_dir_all(index_dir).map_err(|e| Error::io(index_dir, e))?;
        let path = index_dir.join("writer.lock");
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                // The holder writes its name right after it takes the lock: a lock taken a
                // moment ago may not name it yet.
                let mut text = String::new();
                for _ in 0..20 {
                    text.clear();
                    let _ = file.seek(SeekFrom::Start(0));
                    let _ = file.read_to_string(&mut text);
                    if !text.trim().is_empty() {
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                let holder = text.trim();
                return Err(Error::ReindexRunning {
                    holder: if holder.is_empty() {
                        "another process".to_string()
                    } else {
                        holder.to_string()
                    },
                });
            }
            Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        let started = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC");
        let line = format!("{holder}, pid {}, since {started}", std::process::id());
        file.set_len(0).map_err(|e| Error::io(&path, e))?;
        file.seek(SeekFrom::Start(0))
            .map_err(|e| Error::io(&path, e))?;
        file.write_all(line.as_bytes())
            .map_err(|e| Error::io(&path, e))?;
        file.flush().map_err(|e| Error::io(&path, e))?;
        Ok(WriterLock { file, path })
    }

    /// Where the lock file is.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_told_who_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let first = WriterLock::acquire(dir.path(), "reindex by @maria").unwrap();
        let err = WriterLock::acquire(dir.path(), "reindex by @li").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("reindex already running"), "{msg}");
        assert!(msg.contains("@maria"), "{msg}");
        drop(first);
        let again = WriterLock::acquire(dir.path(), "reindex by @li").unwrap();
        assert!(again.path().ends_with("writer.lock"));
    }
}
