//! The one writer: a thread that owns a read-write connection and runs every change — a
//! refresh's feeds, marks, full texts — in the order asked. Callers hand it a job and wait for
//! the answer (async callers without blocking their worker thread); nobody holds a lock on the
//! database. Readers (the reader's queries) have connections of their own: in WAL mode they read
//! the last commit while the writer writes.
//!
//! The user's own changes (read and star marks) are put first: they run before the next job
//! waiting in order, so a refresh's queue of feeds never holds a mark back for more than the
//! one transaction already running.

use super::{FeedMeta, Ingest, Result, Store, StoreError, WriteStats};
use crate::entities::Span;
use std::sync::mpsc;

type Job = Box<dyn FnOnce(&mut Store) + Send>;

/// A handle to the writer thread; clones share it. The thread ends when the last handle goes.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
    /// Jobs that go before the waiting ones; each is also announced on `jobs` to wake the
    /// thread. A job still queued when the thread ends is dropped, and its caller told.
    first: mpsc::Sender<Job>,
    /// The database file (None in memory), to say who holds it when a write waits.
    path: Option<std::path::PathBuf>,
}

impl Writer {
    /// Start the writer thread on `store`.
    pub fn spawn(store: Store) -> std::io::Result<Writer> {
        let path = store
            .conn()
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from);
        let (jobs, rx) = mpsc::channel::<Job>();
        let (first, first_rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("akhbar-writer".into())
            .spawn(move || {
                let mut store = store;
                for job in rx {
                    while let Ok(urgent) = first_rx.try_recv() {
                        urgent(&mut store);
                    }
                    job(&mut store);
                }
            })?;
        Ok(Writer { jobs, first, path })
    }

    /// Another process holding the database's write lock: what a write waits for, if not the
    /// jobs before it.
    pub fn lock_holder(&self) -> Option<super::access::Holder> {
        super::access::write_lock_holder(self.path.as_deref()?)
    }

    /// Put `f` before every job already waiting (the user's marks), now; the returned future
    /// gives its answer without blocking an async worker.
    pub fn run_first<R, F>(&self, f: F) -> impl Future<Output = Result<R>> + use<R, F>
    where
        R: Send + 'static,
        F: FnOnce(&mut Store) -> R + Send + 'static,
    {
        let queued = self.queue_first(f);
        async move { queued?.await.map_err(|_| StoreError::WriterStopped) }
    }

    fn queue_first<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> R + Send + 'static,
    ) -> Result<tokio::sync::oneshot::Receiver<R>> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.first
            .send(Box::new(move |store| {
                let _ = tx.send(f(store));
            }))
            .map_err(|_| StoreError::WriterStopped)?;
        self.send(Box::new(|_| {}))?;
        Ok(rx)
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
        assert!(matches!(
            rt.block_on(writer.run_first(|_| ())),
            Err(StoreError::WriterStopped)
        ));
    }

    #[test]
    fn a_job_put_first_runs_before_the_waiting_ones() {
        use std::sync::{Arc, Mutex};
        let store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let writer = Writer::spawn(store).unwrap_or_else(|e| panic!("{e}"));
        let order = Arc::new(Mutex::new(Vec::new()));
        let log = |name: &'static str| -> Job {
            let order = Arc::clone(&order);
            Box::new(move |_| order.lock().map(|mut o| o.push(name)).unwrap_or(()))
        };
        // The writer is busy (a feed's transaction) while three more feeds wait in order.
        let (busy, is_busy) = mpsc::channel::<()>();
        let (release, held) = mpsc::channel::<()>();
        let ok = |r: Result<()>| r.unwrap_or_else(|e| panic!("{e}"));
        ok(writer.send(Box::new(move |_| {
            let _ = busy.send(());
            let _ = held.recv();
        })));
        is_busy.recv().unwrap_or_else(|e| panic!("{e}"));
        for name in ["feed 1", "feed 2", "feed 3"] {
            ok(writer.send(log(name)));
        }
        let mark = writer.queue_first(log("mark"));
        ok(release.send(()).map_err(|_| StoreError::WriterStopped));
        let mark = mark.unwrap_or_else(|e| panic!("{e}")).blocking_recv();
        assert!(mark.is_ok(), "the mark ran and answered");
        ok(writer.run_blocking(|_| ()));
        let order = order.lock().map(|o| o.clone()).unwrap_or_default();
        assert_eq!(order, ["mark", "feed 1", "feed 2", "feed 3"]);
    }
}
