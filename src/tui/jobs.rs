//! A worker's inbox where the latest request wins: a newer job of a kind replaces an older one
//! of that kind still waiting (as gitui's `AsyncSingleJob` keeps only the newest pending job),
//! and a running job can ask whether a newer one of its kind arrived — so a long list stops
//! after its first page when the user has already asked for another. Jobs of no kind (title
//! spans, companies) are never dropped. Both runtimes use it: the threaded one waits on it, the synchronous one
//! drains it.

use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, RecvError, Sender, channel};

/// What makes two jobs the same request, so the older can be dropped; None: keep every one.
pub(crate) trait Supersede {
    type Kind: PartialEq;
    fn kind(&self) -> Option<Self::Kind>;
}

/// The receiving end: owned by the one worker that runs the jobs.
pub(crate) struct Latest<J> {
    rx: Receiver<J>,
    waiting: VecDeque<J>,
}

/// An inbox and the sender that fills it.
pub(crate) fn inbox<J: Supersede>() -> (Sender<J>, Latest<J>) {
    let (tx, rx) = channel();
    (
        tx,
        Latest {
            rx,
            waiting: VecDeque::new(),
        },
    )
}

impl<J: Supersede> Latest<J> {
    /// The next job to run, waiting for one; Err when every sender is gone and nothing waits.
    pub(crate) fn wait(&mut self) -> Result<J, RecvError> {
        if self.waiting.is_empty() {
            let job = self.rx.recv()?;
            self.waiting.push_back(job);
        }
        self.collect();
        self.waiting.pop_front().ok_or(RecvError)
    }

    /// The next job if there is one, without waiting.
    pub(crate) fn try_next(&mut self) -> Option<J> {
        self.collect();
        self.waiting.pop_front()
    }

    /// Whether a job of `kind` is waiting: the one running has been superseded.
    pub(crate) fn superseded(&mut self, kind: &J::Kind) -> bool {
        self.collect();
        self.waiting.iter().any(|j| j.kind().as_ref() == Some(kind))
    }

    /// Take what has arrived; each newcomer drops the waiting job of its kind.
    fn collect(&mut self) {
        while let Ok(job) = self.rx.try_recv() {
            if let Some(kind) = job.kind() {
                self.waiting.retain(|w| w.kind().as_ref() != Some(&kind));
            }
            self.waiting.push_back(job);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Job {
        List(u32),
        Article(u32),
        Mark(u32),
    }

    impl Supersede for Job {
        type Kind = u8;
        fn kind(&self) -> Option<u8> {
            match self {
                Job::List(_) => Some(0),
                Job::Article(_) => Some(1),
                Job::Mark(_) => None,
            }
        }
    }

    #[test]
    fn the_newest_of_a_kind_replaces_the_waiting_one_and_marks_all_run_in_order() {
        let (tx, mut inbox) = inbox();
        for job in [
            Job::List(1),
            Job::Mark(1),
            Job::Article(1),
            Job::List(2),
            Job::Mark(2),
            Job::Article(2),
            Job::List(3),
        ] {
            tx.send(job).unwrap_or_else(|e| panic!("{e}"));
        }
        let mut ran = Vec::new();
        while let Some(j) = inbox.try_next() {
            ran.push(j);
        }
        assert_eq!(
            ran,
            [Job::Mark(1), Job::Mark(2), Job::Article(2), Job::List(3)]
        );
    }

    #[test]
    fn a_running_job_learns_it_was_superseded() {
        let (tx, mut inbox) = inbox();
        tx.send(Job::List(1)).unwrap_or_else(|e| panic!("{e}"));
        let running = inbox.wait().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(running, Job::List(1));
        assert!(!inbox.superseded(&0));
        tx.send(Job::Article(1)).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !inbox.superseded(&0),
            "another kind does not supersede a list"
        );
        tx.send(Job::List(2)).unwrap_or_else(|e| panic!("{e}"));
        assert!(inbox.superseded(&0));
        assert_eq!(inbox.try_next(), Some(Job::Article(1)));
        assert_eq!(inbox.try_next(), Some(Job::List(2)));
        assert_eq!(inbox.try_next(), None);
    }

    #[test]
    fn wait_waits_for_a_sender_and_ends_when_they_are_gone() {
        let (tx, mut inbox) = inbox();
        let sender = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            tx.send(Job::Mark(7)).unwrap_or_else(|e| panic!("{e}"));
        });
        assert_eq!(inbox.wait(), Ok(Job::Mark(7)));
        sender.join().unwrap_or_else(|_| panic!("sender panicked"));
        assert_eq!(inbox.wait(), Err(RecvError));
    }
}
