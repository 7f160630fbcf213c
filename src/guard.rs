//! Panics we expect to recover from (a third-party parser on hostile input): caught, logged,
//! and kept away from the panic hook's terminal restore and crash message.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    static GUARDED: Cell<u32> = const { Cell::new(0) };
}

/// Run `f`, turning a panic into `Err`. While it runs, the panic hook only logs.
pub(crate) fn catch<R>(f: impl FnOnce() -> R) -> std::thread::Result<R> {
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(g.get().saturating_sub(1)));
    result
}

/// True inside `catch` on this thread.
pub(crate) fn in_guarded_section() -> bool {
    GUARDED.with(|g| g.get() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_is_an_error_and_the_guard_is_released() {
        assert!(!in_guarded_section());
        let r = catch(|| {
            assert!(in_guarded_section());
            panic!("hostile input")
        });
        assert!(r.is_err());
        assert!(!in_guarded_section());
        assert_eq!(catch(|| 7).ok(), Some(7));
    }
}
