//! Benchmark placeholder: filled in by the work that owns it.
fn main() {
    divan::main();
}
