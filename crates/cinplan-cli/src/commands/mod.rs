//! One file per subcommand.

pub mod check;
pub mod rules;
pub mod timeline;
pub mod workdays;
