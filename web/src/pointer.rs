//! Reading and writing a plan's free-text fields by the JSON Pointer the core uses to name
//! them in findings and timeline events, and the id of the element that edits each one.

use cinplan_core::plan::Plan;
use cinplan_core::text_pointer::TextPointer;

/// Whether `pointer` names one of the plan's free-text fields (which the core checks one by
/// one), not the child's or the lead professional's name, which every field's rules read.
pub fn is_free_text(pointer: &str) -> bool {
    TextPointer::parse(pointer).is_some_and(TextPointer::is_free_text)
}

/// Sets the text of the field at `pointer`; returns false when the plan has no such field.
pub fn set_text(plan: &mut Plan, pointer: &str, text: String) -> bool {
    match plan.text_at_mut(pointer) {
        Some(target) => {
            *target = text;
            true
        }
        None => false,
    }
}

/// The id of the element that edits the field at `pointer` ("/needs/0/actions/1/by_when"
/// → "f-needs-0-actions-1-by_when"). Every editable field uses this, so a finding or a
/// timeline event can bring the user to its field.
pub fn element_id(pointer: &str) -> String {
    let mut id = String::from("f");
    for character in pointer.chars() {
        id.push(if character.is_ascii_alphanumeric() || character == '_' {
            character
        } else {
            '-'
        });
    }
    id
}

/// A person's name for the field at `pointer`: "By when, action 2 of need 1".
pub fn describe(plan: &Plan, pointer: &str) -> String {
    match TextPointer::parse(pointer) {
        Some(TextPointer::Need(need)) => format!("Need or risk {}", need + 1),
        Some(TextPointer::Action(need, action, field)) => {
            let row = row_number(plan, need, action)
                .map(|row| format!(", row {}", row + 1))
                .unwrap_or_default();
            format!(
                "{} (need {}, action {}{row})",
                column_label(field),
                need + 1,
                action + 1
            )
        }
        Some(TextPointer::Visiting) => "Visiting".to_owned(),
        Some(TextPointer::ReviewFrequency) => "Review frequency".to_owned(),
        Some(TextPointer::Contingency) => "Contingency".to_owned(),
        Some(TextPointer::View("child")) => "The child's views".to_owned(),
        Some(TextPointer::View("parents")) => "The parents' views".to_owned(),
        Some(TextPointer::View(_)) => "Others' views".to_owned(),
        Some(TextPointer::ChildName) => "Child's name".to_owned(),
        Some(TextPointer::LeadName) => "Lead professional".to_owned(),
        None if pointer.is_empty() => "The whole plan".to_owned(),
        None => date_label(pointer)
            .map(str::to_owned)
            .unwrap_or_else(|| pointer.to_owned()),
    }
}

/// The short column heading of an action field.
pub fn column_label(field: &str) -> &'static str {
    match field {
        "need" => "Need or risk",
        "action" => "Action",
        "by_whom" => "By whom",
        "by_when" => "By when",
        "outcome" => "Outcome",
        "progress" => "Progress",
        _ => "Field",
    }
}

fn date_label(pointer: &str) -> Option<&'static str> {
    Some(match pointer.strip_prefix("/dates/")? {
        "assessment_completed" => "Assessment completed",
        "allocated" => "Allocated",
        "planning_meeting" => "Planning meeting",
        "plan_circulated" => "Plan sent to the family",
        "first_review" => "First review",
        _ => return None,
    })
}

/// The 0-based position of an action row in document order across all needs.
pub fn row_number(plan: &Plan, need: usize, action: usize) -> Option<usize> {
    let before: usize = plan
        .needs
        .get(..need)?
        .iter()
        .map(|need| need.actions.len())
        .sum();
    (action < plan.needs.get(need)?.actions.len()).then_some(before + action)
}

/// The nearest element that edits `pointer` or something it is inside: a timeline event
/// from "/visits/0/date" falls back to "/visits" when no finer element exists.
pub fn candidate_ids(pointer: &str) -> Vec<String> {
    let mut candidates = Vec::new();
    let mut current = pointer;
    while !current.is_empty() {
        candidates.push(element_id(current));
        match current.rfind('/') {
            Some(index) => current = &current[..index],
            None => break,
        }
    }
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_with_rows() -> Plan {
        let mut plan = Plan::new_blank();
        plan.needs.push(plan.needs[0].clone());
        plan.needs[1].actions.push(Default::default());
        plan
    }

    #[test]
    fn reads_and_writes_action_fields() {
        let mut plan = plan_with_rows();
        assert!(set_text(
            &mut plan,
            "/needs/1/actions/1/by_when",
            "Weekly".into()
        ));
        assert_eq!(plan.text_at("/needs/1/actions/1/by_when"), Some("Weekly"));
        assert_eq!(plan.needs[1].actions[1].by_when, "Weekly");
    }

    #[test]
    fn unknown_pointers_change_nothing() {
        let mut plan = plan_with_rows();
        let before = plan.clone();
        assert!(!set_text(&mut plan, "/needs/9/need", "x".into()));
        assert!(!set_text(
            &mut plan,
            "/needs/0/actions/0/colour",
            "x".into()
        ));
        assert!(!set_text(&mut plan, "needs/0/need", "x".into()));
        assert_eq!(plan, before);
        assert_eq!(plan.text_at("/needs/x/need"), None);
    }

    #[test]
    fn rows_are_numbered_across_needs() {
        let plan = plan_with_rows();
        assert_eq!(row_number(&plan, 0, 0), Some(0));
        assert_eq!(row_number(&plan, 1, 1), Some(2));
        assert_eq!(row_number(&plan, 1, 2), None);
        assert_eq!(row_number(&plan, 5, 0), None);
    }

    #[test]
    fn element_ids_are_safe_and_distinct() {
        assert_eq!(
            element_id("/needs/0/actions/1/by_when"),
            "f-needs-0-actions-1-by_when"
        );
        assert_ne!(element_id("/views/child"), element_id("/views/parents"));
        assert_eq!(
            candidate_ids("/visits/0/date"),
            vec!["f-visits-0-date", "f-visits-0", "f-visits"]
        );
    }

    #[test]
    fn lead_name_creates_the_professional() {
        let mut plan = Plan::new_blank();
        assert_eq!(plan.text_at("/lead_professional/name"), None);
        assert!(set_text(&mut plan, "/lead_professional/name", "Sam".into()));
        assert_eq!(plan.text_at("/lead_professional/name"), Some("Sam"));
    }
}
