//! The one writer: a thread that owns a read-write connection and runs every change — a
//! refresh's feeds, marks, full texts — in the order asked. Callers hand it a job and wait for
//! the answer (async callers without blocking their worker thread); nobody holds a lock on the
//! database. Readers (the reader's queries) have connections of their own: in WAL mode they read
//! the last commit while the writer writes.

use super::{FeedMeta, Ingest, Result, Store, StoreError, WriteStats};
use crate::entities::Span;
use std::sync::mpsc;

type Job = Box<dyn FnOnce(&mut Store) + Send>;

/// A handle to the writer thread; clones share it. The thread ends when the last handle goes.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Start the writer thread on `store`.
    pub fn spawn(store: Store) -> std::io::Result<Writer> {
        let (jobs, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("akhbar-writer".into())
            .spawn(move || {
                let mut store = store;
                for job in rx {
                    job(&mut store);
                }
            })?;
        Ok(Writer { jobs })
    }

    /// Run `f` on the writer's connection and wait for it without blocking an async worker.
    pub async fn run<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> R + Send + 'static,
    ) -> Result<R> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.send(Box::new(move |store| {
            let _ = tx.send(f(store));
        }))?;
        rx.await.map_err(|_| StoreError::WriterStopped)
    }

    /// Run `f` on the writer's connection and wait for it (from a plain thread, never from
    /// async code).
    pub fn run_blocking<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> R + Send + 'static,
    ) -> Result<R> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.send(Box::new(move |store| {
            let _ = tx.send(f(store));
        }))?;
        rx.recv().map_err(|_| StoreError::WriterStopped)
    }

    fn send(&self, job: Job) -> Result<()> {
        self.jobs.send(job).map_err(|_| StoreError::WriterStopped)
    }

    /// One feed's fetch in one transaction (see `Store::write_fetch`).
    pub async fn write_fetch(
        &self,
        feed_id: i64,
        meta: FeedMeta,
        items: Vec<Ingest>,
        version: String,
    ) -> Result<WriteStats> {
        self.run(move |s| s.write_fetch(feed_id, &meta, &items, &version))
            .await?
    }

    pub async fn record_failure(
        &self,
        feed_id: i64,
        error: String,
        retry_after_secs: Option<u64>,
    ) -> Result<()> {
        self.run(move |s| s.record_failure(feed_id, &error, retry_after_secs))
            .await?
    }

    pub async fn record_not_modified(&self, feed_id: i64) -> Result<()> {
        self.run(move |s| s.record_not_modified(feed_id)).await?
    }

    pub async fn set_full_content(&self, id: i64, text: String, spans: Vec<Span>) -> Result<()> {
        self.run(move |s| s.set_full_content(id, &text, &spans))
            .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_run_in_order_and_a_stopped_writer_says_so() {
        let store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let writer = Writer::spawn(store).unwrap_or_else(|e| panic!("{e}"));
        writer
            .run_blocking(|s| s.set_meta("k", "1"))
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
        writer
            .run_blocking(|s| s.set_meta("k", "2"))
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
        let got = writer
            .run_blocking(|s| s.meta("k"))
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got.as_deref(), Some("2"));
        // A job that panics ends the thread; every later call reports it instead of hanging.
        let panicked = writer.run_blocking(|_| -> () { panic!("a bug in a job") });
        assert!(matches!(panicked, Err(StoreError::WriterStopped)));
        assert!(matches!(
            writer.run_blocking(|s| s.meta("k")),
            Err(StoreError::WriterStopped)
        ));
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            rt.block_on(writer.record_not_modified(1)),
            Err(StoreError::WriterStopped)
        ));
    }
}
