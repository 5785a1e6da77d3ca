//! `owner-churn`: the named people change often across versions of the plan.
//!
//! Earlier versions are the plan's `previous_versions` (oldest first), kept when a review
//! carries the plan forward; the lead professional and the actions' "By whom" of each are
//! compared.

use std::collections::BTreeSet;

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
                  plan's versions (its \"previous_versions\", kept at each review).",
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

/// The named professionals of one version of the plan (`plan` gives the child's name).
fn people_in(version: &Plan, plan: &Plan) -> BTreeSet<String> {
    let mut people = BTreeSet::new();
    if let Some(lead) = &version.lead_professional {
        if !lead.name.trim().is_empty() {
            people.insert(normalise(&lead.name));
        }
    }
    for action in version.needs.iter().flat_map(|need| &need.actions) {
        people.extend(
            named_professionals(&action.by_whom, plan)
                .iter()
                .map(|name| normalise(name)),
        );
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
        if plan.previous_versions.is_empty() {
            return;
        }
        let versions: Vec<BTreeSet<String>> = plan
            .previous_versions
            .iter()
            .chain(std::iter::once(plan))
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
    use crate::plan::{Action, Need, Plan, Professional};
    use crate::rules::plan_testing::{good_plan, plan_findings};
    use crate::rules::testing::test_today;

    const RULE: &str = "owner-churn";

    fn version(lead: &str, by_whom: &str) -> Plan {
        let mut plan = Plan::new_blank();
        plan.lead_professional = Some(Professional {
            name: lead.to_owned(),
            ..Professional::default()
        });
        plan.needs = vec![Need {
            actions: vec![Action {
                by_whom: by_whom.to_owned(),
                ..Action::default()
            }],
            ..Need::default()
        }];
        plan
    }

    #[test]
    fn two_replacements_are_worth_a_look() {
        let mut plan = good_plan();
        plan.previous_versions = vec![
            version("Priya Shah", "Individual work by Priya Shah"),
            version("Ali Khan", "Individual work by Ali Khan"),
        ];
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
        plan.previous_versions = vec![version(
            "Sam Jones",
            "Individual work by Sam Jones, with Pete Brown",
        )];
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
        plan.previous_versions = vec![version("Ali Khan", "Individual work by Ali Khan")];
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
    }

    #[test]
    fn family_members_do_not_count_as_changes() {
        let mut plan = good_plan();
        plan.previous_versions = vec![version("Sam Jones", "Nan"), version("Sam Jones", "Dad")];
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
    }

    #[test]
    fn a_plan_without_versions_is_not_checked() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }
}
