//! The example plans shipped with the editor: the same files the core's tests read.

use cinplan_core::plan::Plan;

/// (id, button label, file text)
pub const EXAMPLES: [(&str, &str, &str); 2] = [
    (
        "tommy-unhelpful",
        "Unhelpful plan (Tommy)",
        include_str!("../../crates/cinplan-core/tests/fixtures/tommy-unhelpful.json"),
    ),
    (
        "tommy-good",
        "Good plan (Tommy)",
        include_str!("../../crates/cinplan-core/tests/fixtures/tommy-good.json"),
    ),
];

/// The example plan with this id.
pub fn example(id: &str) -> Option<Plan> {
    EXAMPLES
        .iter()
        .find(|(example_id, ..)| *example_id == id)
        .and_then(|(_, _, text)| Plan::from_json(text).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_reads() {
        for (id, ..) in EXAMPLES {
            assert!(example(id).is_some(), "{id} does not read");
        }
    }
}
