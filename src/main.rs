use std::process::ExitCode;

fn main() -> ExitCode {
    akhbar::cli::main()
}
