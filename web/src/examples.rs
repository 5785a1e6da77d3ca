//! The example plans shipped with the editor: the same files the core's tests read.
//!
//! The toolbar lists them by id and label; their text lives in the on-demand views module
//! (`examplePlan` in views_main.rs, fetched by `lazy_view::example_plan_json`), which the
//! editor loads right after the page anyway. So the 0.6 KiB of gzip they added to the
//! editor's first download (measured) is spent only when the page is already on screen.

/// (id, button label)
pub const EXAMPLES: [(&str, &str); 2] = [
    ("tommy-unhelpful", "Unhelpful plan (Tommy)"),
    ("tommy-good", "Good plan (Tommy)"),
];

/// The file text of the example plan with this id. Called only from the views module, so
/// the texts are linked into that module and not into the editor's.
pub fn example_json(id: &str) -> Option<&'static str> {
    match id {
        "tommy-unhelpful" => Some(include_str!(
            "../../crates/cinplan-core/tests/fixtures/tommy-unhelpful.json"
        )),
        "tommy-good" => Some(include_str!(
            "../../crates/cinplan-core/tests/fixtures/tommy-good.json"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cinplan_core::plan::Plan;

    #[test]
    fn every_example_reads() {
        for (id, _) in EXAMPLES {
            let text = example_json(id).unwrap_or_else(|| panic!("{id} has no text"));
            assert!(Plan::from_json(text).is_ok(), "{id} does not read");
        }
        assert!(example_json("tommy-bad").is_none());
    }
}
