//! The family's and the child's versions of a plan.
pub mod gentle;
pub mod icons;
pub mod voice;
pub mod words;
