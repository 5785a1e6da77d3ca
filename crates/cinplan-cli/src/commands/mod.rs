//! One file per subcommand.

pub mod check;
pub mod rules;
pub mod timeline;
pub mod workdays;

use std::io::Write as _;

/// Writes the command's output. A reader that went away (`cinplan check … | head`) is not
/// an error: there is nothing more to say, and printing must not panic.
pub fn write_stdout(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("cannot write the output: {error}")),
    }
}
