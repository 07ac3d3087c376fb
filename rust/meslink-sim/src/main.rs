//! `meslink-sim`: the simulator as a process (see `meslink_sim::cli`).

fn main() -> std::process::ExitCode {
    meslink_sim::cli::main_with_args(std::env::args().skip(1))
}
