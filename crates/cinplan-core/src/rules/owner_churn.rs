//! `owner-churn`: the named people change often across versions of the plan.
//!
//! Earlier versions are kept in the plan file under `"previous_versions"`: an array, oldest
//! first, of earlier states of the plan in the same format (only `lead_professional` and the
//! actions' `by_whom` are read here, so a version may hold just those). The editor appends
//! the plan as it stood when a review ends.

use std::collections::BTreeSet;

use serde_json::Value;

use super::people::named_professionals;
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, Severity, Smart};
use crate::plan::Plan;

#[derive(Debug)]
pub struct OwnerChurn;

/// People replaced across the versions before it is worth a look.
const CHANGES_WORTH_A_LOOK: usize = 2;

pub static META: RuleMeta = RuleMeta {
    id: "owner-churn",
    severity: Severity::Info,
    smart: &[Smart::S],
    fields: &[],
    source: "000 By whom?",
    docs: RuleDocs {
        summary: "Points out when the named people in the plan (the lead professional and the \
                  people in \"By whom\") have been replaced two or more times across the \
                  plan's versions (kept in \"previous_versions\").",
        why: "\"Frequent changes of social workers can often hamper progress and can lead to \
              families being disengaged or resistant\"; naming the professionals \"is an \
              important way of monitoring the continuity of relationships, and … alerting \
              those working with the family to possible disruption and fragmentation of the \
              Plan when there are a number of changes of personnel\" (000 By whom?).",
        example:
            "Lead professional Sam Jones, then Ali Khan, then Priya Shah across three versions",
        instead:
            "The same named people from one review to the next, or a recorded plan to hand over",
    },
};

/// The named professionals of one version of the plan.
fn people_in(version: &Value, plan: &Plan) -> BTreeSet<String> {
    let mut people = BTreeSet::new();
    if let Some(name) = version
        .pointer("/lead_professional/name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|name| !name.is_empty())
    {
        people.insert(normalise(name));
    }
    let needs = version.get("needs").and_then(Value::as_array);
    for need in needs.into_iter().flatten() {
        let actions = need.get("actions").and_then(Value::as_array);
        for action in actions.into_iter().flatten() {
            if let Some(by_whom) = action.get("by_whom").and_then(Value::as_str) {
                people.extend(
                    named_professionals(by_whom, plan)
                        .iter()
                        .map(|name| normalise(name)),
                );
            }
        }
    }
    people
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .map(|word| word.trim_end_matches('.'))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Rule for OwnerChurn {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let Some(previous) = plan
            .extra
            .get("previous_versions")
            .and_then(Value::as_array)
        else {
            return;
        };
        let current = serde_json::to_value(plan).unwrap_or(Value::Null);
        let versions: Vec<BTreeSet<String>> = previous
            .iter()
            .chain(std::iter::once(&current))
            .map(|version| people_in(version, plan))
            .collect();
        // A change is a person who left while someone new arrived.
        let changes: usize = versions
            .windows(2)
            .map(|pair| {
                let left = pair[0].difference(&pair[1]).count();
                let arrived = pair[1].difference(&pair[0]).count();
                left.min(arrived)
            })
            .sum();
        if changes < CHANGES_WORTH_A_LOOK {
            return;
        }
        findings.push(META.finding(
            "",
            None,
            format!(
                "The named people in the plan have been replaced {changes} times across its {} \
                 versions: frequent changes can hamper progress, and children find telling \
                 their story again hard. Plan handovers with the family.",
                versions.len()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::rules::plan_testing::{good_plan, plan_findings};
    use crate::rules::testing::test_today;

    const RULE: &str = "owner-churn";

    fn version(lead: &str, by_whom: &str) -> serde_json::Value {
        json!({
            "lead_professional": { "name": lead },
            "needs": [ { "actions": [ { "by_whom": by_whom } ] } ]
        })
    }

    #[test]
    fn two_replacements_are_worth_a_look() {
        let mut plan = good_plan();
        plan.extra.insert(
            "previous_versions".to_owned(),
            json!([
                version("Priya Shah", "Individual work by Priya Shah"),
                version("Ali Khan", "Individual work by Ali Khan"),
            ]),
        );
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("2 times"), "{}", found[0].message);
        assert!(
            found[0].message.contains("3 versions"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn the_same_people_or_a_single_change_pass() {
        let mut plan = good_plan();
        plan.extra.insert(
            "previous_versions".to_owned(),
            json!([version(
                "Sam Jones",
                "Individual work by Sam Jones, with Pete Brown"
            )]),
        );
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
        plan.extra.insert(
            "previous_versions".to_owned(),
            json!([version("Ali Khan", "Individual work by Ali Khan")]),
        );
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
    }

    #[test]
    fn family_members_do_not_count_as_changes() {
        let mut plan = good_plan();
        plan.extra.insert(
            "previous_versions".to_owned(),
            json!([version("Sam Jones", "Nan"), version("Sam Jones", "Dad")]),
        );
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
    }

    #[test]
    fn a_plan_without_versions_is_not_checked() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }
}
