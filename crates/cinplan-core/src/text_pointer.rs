//! The plan's texts by the JSON Pointer that findings and timeline events name them with
//! (`/needs/0/actions/1/by_when`, `/contingency`, `/views/child`), and the two names every
//! rule reads (`/child/name`, `/lead_professional/name`). One reading of these pointers
//! for everything that edits a plan by them: the editor, its popover's suggestions and the
//! embed's `PlanSession`.

use crate::plan::Plan;

/// A text of the plan, as its pointer names it. Parsed without looking at a plan: a row or
/// a field name that is not there is found out when the text is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPointer<'p> {
    /// `/needs/N/need`
    Need(usize),
    /// `/needs/N/actions/M/FIELD`: action, by_whom, by_when, outcome or progress.
    Action(usize, usize, &'p str),
    /// `/visiting`
    Visiting,
    /// `/review_frequency`
    ReviewFrequency,
    /// `/contingency`
    Contingency,
    /// `/views/WHO`: child, parents or others.
    View(&'p str),
    /// `/child/name`
    ChildName,
    /// `/lead_professional/name`
    LeadName,
}

impl<'p> TextPointer<'p> {
    pub fn parse(pointer: &'p str) -> Option<TextPointer<'p>> {
        let mut segments = pointer.strip_prefix('/')?.split('/');
        let parts = [
            segments.next(),
            segments.next(),
            segments.next(),
            segments.next(),
            segments.next(),
        ];
        if segments.next().is_some() {
            return None;
        }
        Some(match parts {
            [Some("needs"), Some(need), Some("need"), None, None] => {
                TextPointer::Need(index(need)?)
            }
            [Some("needs"), Some(need), Some("actions"), Some(action), Some(field)] => {
                TextPointer::Action(index(need)?, index(action)?, field)
            }
            [Some("visiting"), None, ..] => TextPointer::Visiting,
            [Some("review_frequency"), None, ..] => TextPointer::ReviewFrequency,
            [Some("contingency"), None, ..] => TextPointer::Contingency,
            [Some("views"), Some(who), None, ..] => TextPointer::View(who),
            [Some("child"), Some("name"), None, ..] => TextPointer::ChildName,
            [Some("lead_professional"), Some("name"), None, ..] => TextPointer::LeadName,
            _ => return None,
        })
    }

    /// A free-text field, which the field rules check (not one of the two names).
    pub fn is_free_text(self) -> bool {
        !matches!(self, TextPointer::ChildName | TextPointer::LeadName)
    }
}

/// A JSON Pointer's array index: digits, with no sign and no leading zero.
fn index(segment: &str) -> Option<usize> {
    let canonical = !segment.is_empty()
        && segment.bytes().all(|byte| byte.is_ascii_digit())
        && !(segment.len() > 1 && segment.starts_with('0'));
    canonical.then(|| segment.parse().ok()).flatten()
}

impl Plan {
    /// The text at `pointer` (see [`TextPointer`]), if the plan has it.
    pub fn text_at(&self, pointer: &str) -> Option<&str> {
        Some(match TextPointer::parse(pointer)? {
            TextPointer::Need(need) => &self.needs.get(need)?.need,
            TextPointer::Action(need, action, field) => {
                let action = self.needs.get(need)?.actions.get(action)?;
                match field {
                    "action" => &action.action,
                    "by_whom" => &action.by_whom,
                    "by_when" => &action.by_when,
                    "outcome" => &action.outcome,
                    "progress" => &action.progress,
                    _ => return None,
                }
            }
            TextPointer::Visiting => &self.visiting,
            TextPointer::ReviewFrequency => &self.review_frequency,
            TextPointer::Contingency => &self.contingency,
            TextPointer::View("child") => &self.views.child,
            TextPointer::View("parents") => &self.views.parents,
            TextPointer::View("others") => &self.views.others,
            TextPointer::View(_) => return None,
            TextPointer::ChildName => &self.child.name,
            TextPointer::LeadName => &self.lead_professional.as_ref()?.name,
        })
    }

    /// The text at `pointer`, to change it. A plan without a lead professional gets one
    /// for `/lead_professional/name`.
    pub fn text_at_mut(&mut self, pointer: &str) -> Option<&mut String> {
        Some(match TextPointer::parse(pointer)? {
            TextPointer::Need(need) => &mut self.needs.get_mut(need)?.need,
            TextPointer::Action(need, action, field) => {
                let action = self.needs.get_mut(need)?.actions.get_mut(action)?;
                match field {
                    "action" => &mut action.action,
                    "by_whom" => &mut action.by_whom,
                    "by_when" => &mut action.by_when,
                    "outcome" => &mut action.outcome,
                    "progress" => &mut action.progress,
                    _ => return None,
                }
            }
            TextPointer::Visiting => &mut self.visiting,
            TextPointer::ReviewFrequency => &mut self.review_frequency,
            TextPointer::Contingency => &mut self.contingency,
            TextPointer::View("child") => &mut self.views.child,
            TextPointer::View("parents") => &mut self.views.parents,
            TextPointer::View("others") => &mut self.views.others,
            TextPointer::View(_) => return None,
            TextPointer::ChildName => &mut self.child.name,
            TextPointer::LeadName => {
                &mut self
                    .lead_professional
                    .get_or_insert_with(Default::default)
                    .name
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fields;

    fn plan() -> Plan {
        Plan::from_json(include_str!("../tests/fixtures/tommy-good.json"))
            .unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn every_field_the_checker_lists_is_found_by_its_pointer() {
        let plan = plan();
        let listed = fields(&plan);
        assert!(listed.len() > 10);
        for field in listed {
            assert_eq!(
                plan.text_at(&field.pointer),
                Some(field.text),
                "{}",
                field.pointer
            );
            assert!(TextPointer::parse(&field.pointer).is_some_and(TextPointer::is_free_text));
        }
    }

    #[test]
    fn a_text_is_changed_where_its_pointer_says() {
        let mut plan = plan();
        for pointer in ["/needs/0/actions/1/by_when", "/views/others", "/child/name"] {
            if let Some(text) = plan.text_at_mut(pointer) {
                *text = format!("changed {pointer}");
            }
            assert_eq!(
                plan.text_at(pointer),
                Some(format!("changed {pointer}").as_str())
            );
        }
        plan.lead_professional = None;
        assert_eq!(plan.text_at("/lead_professional/name"), None);
        if let Some(name) = plan.text_at_mut("/lead_professional/name") {
            name.push_str("Sam Jones");
        }
        assert_eq!(plan.text_at("/lead_professional/name"), Some("Sam Jones"));
    }

    #[test]
    fn pointers_to_nothing_find_nothing() {
        let mut plan = plan();
        for pointer in [
            "",
            "/",
            "needs/0/need",
            "/needs/00/need",
            "/needs/+0/need",
            "/needs/-1/need",
            "/needs/0/need/extra",
            "/needs/99/need",
            "/needs/0/actions/0/colour",
            "/needs/0/actions/99/action",
            "/views/neighbours",
            "/dates/start",
            "/child",
        ] {
            assert_eq!(plan.text_at(pointer), None, "{pointer}");
            assert!(plan.text_at_mut(pointer).is_none(), "{pointer}");
        }
    }
}
