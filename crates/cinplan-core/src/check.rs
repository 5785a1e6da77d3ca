//! Running the rules over a plan or a single field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::finding::{Finding, RawFinding};
use crate::plan::Plan;
use crate::profile::Profile;
use crate::rules::{registry, FieldContext, FieldName, PlanContext};
use crate::timescale::{read_timescale, ReadingContext};

/// What a check needs besides the plan.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions<'a> {
    pub today: NaiveDate,
    pub profile: &'a Profile,
}

/// Everything a check found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckReport {
    /// Sorted by pointer, then position, then rule.
    pub findings: Vec<Finding>,
    /// Findings the plan's suppressions silenced, kept so they stay countable.
    pub ignored: Vec<Finding>,
}

/// One free-text field of a plan: its name, pointer, text and row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRef<'a> {
    pub field: FieldName,
    pub pointer: String,
    pub text: &'a str,
    pub need_index: Option<usize>,
    pub action_index: Option<usize>,
}

/// Every free-text field of the plan, in document order.
pub fn fields(plan: &Plan) -> Vec<FieldRef<'_>> {
    let mut fields = Vec::new();
    for (need_index, need) in plan.needs.iter().enumerate() {
        fields.push(FieldRef {
            field: FieldName::Need,
            pointer: format!("/needs/{need_index}/need"),
            text: &need.need,
            need_index: Some(need_index),
            action_index: None,
        });
        for (action_index, action) in need.actions.iter().enumerate() {
            for (field, text) in [
                (FieldName::Action, &action.action),
                (FieldName::ByWhom, &action.by_whom),
                (FieldName::ByWhen, &action.by_when),
                (FieldName::Outcome, &action.outcome),
                (FieldName::Progress, &action.progress),
            ] {
                fields.push(FieldRef {
                    field,
                    pointer: format!("/needs/{need_index}/actions/{action_index}/{}", field.id()),
                    text,
                    need_index: Some(need_index),
                    action_index: Some(action_index),
                });
            }
        }
    }
    for (field, pointer, text) in [
        (FieldName::Visiting, "/visiting", &plan.visiting),
        (
            FieldName::ReviewFrequency,
            "/review_frequency",
            &plan.review_frequency,
        ),
        (FieldName::Contingency, "/contingency", &plan.contingency),
        (FieldName::ViewsChild, "/views/child", &plan.views.child),
        (
            FieldName::ViewsParents,
            "/views/parents",
            &plan.views.parents,
        ),
        (FieldName::ViewsOthers, "/views/others", &plan.views.others),
    ] {
        fields.push(FieldRef {
            field,
            pointer: pointer.to_owned(),
            text,
            need_index: None,
            action_index: None,
        });
    }
    fields
}

/// The calendar a plan's dates count in under a profile.
pub fn calendar_for(plan: &Plan, _profile: &Profile) -> Calendar {
    Calendar::new(plan.region)
}

/// Checks one field in the context of its plan. Returns raw findings (byte ranges), with
/// the profile's severities applied and rules it turns off left out.
pub fn check_one_field(
    plan: &Plan,
    field: &FieldRef<'_>,
    options: CheckOptions<'_>,
    calendar: &Calendar,
) -> Vec<RawFinding> {
    let timescale = field.field.is_timescale().then(|| {
        read_timescale(
            field.text,
            &ReadingContext {
                dates: &plan.dates,
                today: options.today,
                calendar,
            },
        )
    });
    let context = FieldContext {
        field: field.field,
        pointer: &field.pointer,
        text: field.text,
        plan,
        need_index: field.need_index,
        action_index: field.action_index,
        profile: options.profile,
        today: options.today,
        calendar,
        timescale: timescale.as_ref(),
    };
    let mut findings = Vec::new();
    for rule in registry::all() {
        let meta = rule.meta();
        if meta.reads(field.field)
            && options
                .profile
                .rule_severity(meta.id, meta.severity)
                .is_some()
        {
            rule.check_field(&context, &mut findings);
        }
    }
    apply_profile(&mut findings, options.profile);
    findings
}

fn apply_profile(findings: &mut Vec<RawFinding>, profile: &Profile) {
    findings.retain_mut(
        |finding| match profile.rule_severity(finding.rule, finding.severity) {
            Some(severity) => {
                finding.severity = severity;
                true
            }
            None => false,
        },
    );
}

/// Checks a whole plan: every field, then the plan-level rules; applies the plan's
/// suppressions; sorts. Never panics.
pub fn check_plan(plan: &Plan, options: CheckOptions<'_>) -> CheckReport {
    let calendar = calendar_for(plan, options.profile);
    let mut published = Vec::new();
    for field in fields(plan) {
        for finding in check_one_field(plan, &field, options, &calendar) {
            published.push((
                finding.publish(field.text),
                flagged_text(&finding, field.text),
                field.field.id(),
            ));
        }
    }
    let context = PlanContext {
        plan,
        profile: options.profile,
        today: options.today,
        calendar: &calendar,
    };
    let mut plan_findings = Vec::new();
    for rule in registry::all() {
        if options
            .profile
            .rule_severity(rule.meta().id, rule.meta().severity)
            .is_some()
        {
            rule.check_plan(&context, &mut plan_findings);
        }
    }
    apply_profile(&mut plan_findings, options.profile);
    for finding in plan_findings {
        published.push((finding.publish(""), String::new(), ""));
    }

    let mut report = CheckReport::default();
    for (finding, text, field) in published {
        if is_suppressed(plan, &finding, &text, field) {
            report.ignored.push(finding);
        } else {
            report.findings.push(finding);
        }
    }
    sort_findings(&mut report.findings);
    sort_findings(&mut report.ignored);
    report
}

/// Checks a single text as if it were the named field of `plan` (or of a blank plan).
pub fn check_field(
    text: &str,
    field: FieldName,
    plan: Option<&Plan>,
    options: CheckOptions<'_>,
) -> Vec<Finding> {
    let blank;
    let plan = match plan {
        Some(plan) => plan,
        None => {
            blank = Plan::new_blank();
            &blank
        }
    };
    let calendar = calendar_for(plan, options.profile);
    let field_ref = FieldRef {
        field,
        pointer: String::new(),
        text,
        need_index: None,
        action_index: None,
    };
    let mut findings: Vec<Finding> = check_one_field(plan, &field_ref, options, &calendar)
        .iter()
        .map(|finding| finding.publish(text))
        .collect();
    sort_findings(&mut findings);
    findings
}

fn flagged_text(finding: &RawFinding, text: &str) -> String {
    finding
        .span
        .as_ref()
        .and_then(|span| text.get(span.clone()))
        .unwrap_or(text)
        .to_owned()
}

fn is_suppressed(plan: &Plan, finding: &Finding, text: &str, field: &str) -> bool {
    let suppressions = &plan.suppressions;
    suppressions.rules_off.contains(&finding.rule)
        || suppressions.ignored.iter().any(|ignored| {
            ignored.rule == finding.rule && ignored.field == field && ignored.text == text
        })
}

/// The stable output order: pointer, then position, then rule.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.pointer, a.start, a.end, &a.rule).cmp(&(&b.pointer, b.start, b.end, &b.rule))
    });
}
