//! Drawing: one file per pane or widget; draw functions read state, never do I/O.
