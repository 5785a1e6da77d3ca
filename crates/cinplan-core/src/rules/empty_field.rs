//! `empty-field`: a need with no action, or an action row with a column left empty.

use super::facts::{child_for_rewrite, first_review_for_rewrite, lead_for_rewrite};
use super::{FieldName, PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};
use crate::plan::{Action, Plan};

#[derive(Debug)]
pub struct EmptyField;

pub static META: RuleMeta = RuleMeta {
    id: "empty-field",
    severity: Severity::Error,
    smart: &[Smart::S, Smart::M, Smart::T],
    fields: &[],
    source: "000 Outcomes (\"completed for every need identified\"); 001 Child in Need Plan",
    docs: RuleDocs {
        summary: "Flags a need with no action, an action with no need, and an action row with \
                  no \"By whom\", \"By when\" or outcome.",
        why: "The plan must set out, for every need, \"the actions required to achieve the \
              outcomes; timescales for actions to be completed … and who is responsible\" (001 \
              Child in Need Plan); the outcome \"should be completed for every need \
              identified\" (000 Outcomes). A row with an empty column cannot be carried out or \
              reviewed.",
        example: "\"action\": \"Tommy needs counselling\", \"by_whom\": \"\"",
        instead: "\"action\": \"Tommy needs counselling\", \"by_whom\": \"Jo Green, counsellor at Beacon House\"",
    },
};

/// The columns every action row needs, with the SMART letter an empty one fails.
const REQUIRED: [(FieldName, Smart); 4] = [
    (FieldName::Action, Smart::S),
    (FieldName::ByWhom, Smart::S),
    (FieldName::ByWhen, Smart::T),
    (FieldName::Outcome, Smart::M),
];

fn column(action: &Action, field: FieldName) -> &str {
    match field {
        FieldName::Action => &action.action,
        FieldName::ByWhom => &action.by_whom,
        FieldName::ByWhen => &action.by_when,
        FieldName::Outcome => &action.outcome,
        _ => &action.progress,
    }
}

fn is_empty_row(action: &Action) -> bool {
    REQUIRED
        .iter()
        .all(|(field, _)| column(action, *field).trim().is_empty())
}

impl Rule for EmptyField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let has_any_need = plan.needs.iter().any(|need| {
            !need.need.trim().is_empty() || need.actions.iter().any(|action| !is_empty_row(action))
        });
        if !has_any_need {
            let mut finding = META.finding(
                "/needs",
                None,
                "The plan lists no needs: write what the assessment found that the plan must \
                 change for the child.",
            );
            finding.smart = vec![Smart::S];
            findings.push(finding);
            return;
        }
        for (need_index, need) in plan.needs.iter().enumerate() {
            let filled: Vec<(usize, &Action)> = need
                .actions
                .iter()
                .enumerate()
                .filter(|(_, action)| !is_empty_row(action))
                .collect();
            let need_text = need.need.trim();
            if need_text.is_empty() && filled.is_empty() {
                continue;
            }
            if need_text.is_empty() {
                let mut finding = META.finding(
                    &format!("/needs/{need_index}/need"),
                    None,
                    "This row has actions but no need: say which need of the child they answer.",
                );
                finding.smart = vec![Smart::S];
                findings.push(finding);
            }
            if filled.is_empty() {
                let pointer = if need.actions.is_empty() {
                    format!("/needs/{need_index}/actions")
                } else {
                    format!("/needs/{need_index}/actions/0/action")
                };
                let mut finding = META.finding(
                    &pointer,
                    None,
                    "This need has no action: say what will be done about it, by whom, by when, \
                     and what will be different for the child.",
                );
                finding.smart = vec![Smart::S, Smart::M, Smart::T];
                findings.push(finding);
                continue;
            }
            for (action_index, action) in filled {
                for (field, letter) in REQUIRED {
                    if !column(action, field).trim().is_empty() {
                        continue;
                    }
                    let mut finding = META.finding(
                        &format!("/needs/{need_index}/actions/{action_index}/{}", field.id()),
                        None,
                        format!(
                            "\"{}\" is empty: {}",
                            field.label(),
                            what_to_write(field, plan)
                        ),
                    );
                    finding.smart = vec![letter];
                    if let Some(suggestion) = suggestion_for(field, plan) {
                        finding.suggestions.push(suggestion);
                    }
                    findings.push(finding);
                }
            }
        }
    }
}

fn what_to_write(field: FieldName, plan: &Plan) -> String {
    match field {
        FieldName::Action => "say what will be done to meet the need.".to_owned(),
        FieldName::ByWhom => "name who will do it (and their role and agency).".to_owned(),
        FieldName::ByWhen => format!(
            "say when it starts, how often, and by when (the first review is {}).",
            first_review_for_rewrite(plan)
        ),
        _ => format!("say what will be different for {}.", plan.child_name()),
    }
}

fn suggestion_for(field: FieldName, plan: &Plan) -> Option<RawSuggestion> {
    let review = first_review_for_rewrite(plan);
    let child = child_for_rewrite(plan);
    let text = match field {
        FieldName::ByWhom => "[name], [role] at [agency]".to_owned(),
        FieldName::ByWhen => format!("Every [2] weeks from [start date] until the review on {review}"),
        FieldName::Outcome => format!(
            "{child} will be able to tell {} [what is different for {child}] by the review on {review}.",
            lead_for_rewrite(plan)
        ),
        _ => return None,
    };
    Some(RawSuggestion::replace_field("Fill it in", text))
}

#[cfg(test)]
mod tests {
    use crate::plan::{Action, Need, Plan};
    use crate::rules::plan_testing::{good_plan, plan_findings, pointers, unhelpful_plan};
    use crate::rules::testing::test_today;

    const RULE: &str = "empty-field";

    #[test]
    fn the_good_and_unhelpful_tommy_plans_have_every_column() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
        assert!(plan_findings(RULE, &unhelpful_plan(), test_today()).is_empty());
    }

    #[test]
    fn each_empty_column_of_a_row_is_flagged_where_it_is() {
        let mut plan = good_plan();
        plan.needs[0].actions[1].by_whom = "  ".to_owned();
        plan.needs[0].actions[1].outcome = String::new();
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(
            pointers(&found),
            ["/needs/0/actions/1/by_whom", "/needs/0/actions/1/outcome"]
        );
        assert_eq!(found[1].smart, [crate::Smart::M]);
        assert!(found[1].suggestions[0]
            .replacement
            .starts_with("Tommy will be able to tell Sam Jones"));
    }

    #[test]
    fn a_need_with_no_action_is_flagged() {
        let mut plan = good_plan();
        plan.needs.push(Need {
            need: "Tommy has missed 9 days of school since September.".to_owned(),
            ..Need::default()
        });
        assert_eq!(
            pointers(&plan_findings(RULE, &plan, test_today())),
            ["/needs/1/actions"]
        );
        plan.needs[1].actions.push(Action::default());
        assert_eq!(
            pointers(&plan_findings(RULE, &plan, test_today())),
            ["/needs/1/actions/0/action"]
        );
    }

    #[test]
    fn actions_without_a_need_are_flagged() {
        let mut plan = good_plan();
        plan.needs[0].need = String::new();
        assert_eq!(
            pointers(&plan_findings(RULE, &plan, test_today())),
            ["/needs/0/need"]
        );
    }

    #[test]
    fn a_plan_with_no_needs_says_so_once() {
        assert_eq!(
            pointers(&plan_findings(RULE, &Plan::new_blank(), test_today())),
            ["/needs"]
        );
    }

    #[test]
    fn blank_rows_under_a_filled_need_do_not_count_twice() {
        let mut plan = good_plan();
        plan.needs[0].actions.push(Action::default());
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
    }
}
