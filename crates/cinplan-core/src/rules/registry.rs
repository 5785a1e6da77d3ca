//! Every rule, in alphabetical order of id. A new rule is a new file plus one line here.

use super::Rule;

/// All rules, sorted by id.
pub fn all() -> &'static [&'static dyn Rule] {
    &[
        &super::hard_to_read::HardToRead,
        &super::jargon::Jargon,
        &super::subjective_term::SubjectiveTerm,
        &super::vague_term::VagueTerm,
        &super::woolly_term::WoollyTerm,
    ]
}

/// A rule by id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|rule| rule.meta().id == id)
}
