//! Every rule, in alphabetical order of id. A new rule is a new file plus one line here.

use super::Rule;

/// All rules, sorted by id.
pub fn all() -> &'static [&'static dyn Rule] {
    &[]
}

/// A rule by id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|rule| rule.meta().id == id)
}
