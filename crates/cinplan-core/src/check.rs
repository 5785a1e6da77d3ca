//! Running the rules over a plan or a single field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;

use crate::calendar::Calendar;
use crate::finding::{Finding, RawFinding};
use crate::plan::{IgnoredFinding, Plan};
use crate::profile::Profile;
use crate::rules::{registry, FieldContext, FieldName, PlanContext, TimescaleReadings};
use crate::summary::{summarise, SmartSummary};
use crate::text::{BuildWordHasher, RangeSet, Utf16Index};
use crate::timescale::{read_timescale, ReadingContext, Timescale};

/// What a check needs besides the plan.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions<'a> {
    pub today: NaiveDate,
    pub profile: &'a Profile,
}

/// Everything a check found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CheckReport {
    /// Sorted by pointer, then position, then rule.
    pub findings: Vec<Finding>,
    /// Findings the plan's suppressions silenced, kept so they stay countable.
    pub ignored: Vec<Finding>,
    /// Which SMART letters each row and the plan meet, counts and a score.
    #[serde(default)]
    pub summary: SmartSummary,
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
    let rows: usize = plan.needs.iter().map(|need| need.actions.len()).sum();
    // A need each, five cells a row, and the six sections below.
    let mut fields = Vec::with_capacity(plan.needs.len() + 5 * rows + 6);
    for (need_index, need) in plan.needs.iter().enumerate() {
        fields.push(FieldRef {
            field: FieldName::Need,
            pointer: format!("/needs/{need_index}/need"),
            text: &need.need,
            need_index: Some(need_index),
            action_index: None,
        });
        for (action_index, action) in need.actions.iter().enumerate() {
            // One `format!` a row, not one a field: every check lists every field.
            let row = format!("/needs/{need_index}/actions/{action_index}/");
            for (field, text) in [
                (FieldName::Action, &action.action),
                (FieldName::ByWhom, &action.by_whom),
                (FieldName::ByWhen, &action.by_when),
                (FieldName::Outcome, &action.outcome),
                (FieldName::Progress, &action.progress),
            ] {
                fields.push(FieldRef {
                    field,
                    pointer: [row.as_str(), field.id()].concat(),
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

/// The calendar a plan's dates count in under a profile: the region's bank holidays plus
/// the profile's local closure days.
pub fn calendar_for(plan: &Plan, profile: &Profile) -> Calendar {
    Calendar::new(plan.region).with_closures(profile.closure_days.iter().copied())
}

/// Checks one field in the context of its plan. Returns raw findings (byte ranges), with
/// the profile's severities applied and rules it turns off left out.
pub fn check_one_field(
    plan: &Plan,
    field: &FieldRef<'_>,
    options: CheckOptions<'_>,
    calendar: &Calendar,
) -> Vec<RawFinding> {
    check_one_field_reading(plan, field, options, calendar).0
}

/// [`check_one_field`], with the reading of the field's text when it is a timescale (for
/// the plan rules, which read it too).
fn check_one_field_reading(
    plan: &Plan,
    field: &FieldRef<'_>,
    options: CheckOptions<'_>,
    calendar: &Calendar,
) -> (Vec<RawFinding>, Option<Timescale>) {
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
    if field.text.is_empty() {
        // No field rule flags an empty text (an empty cell is `empty-field`'s, a plan
        // rule), and asking them would compile their patterns: a new plan's first check,
        // which is what the editor shows first, would pay for every rule's regexes.
        return (findings, timescale);
    }
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
    (findings, timescale)
}

/// `findings` without those another finding makes redundant (see [`SUPERSEDES`]). Applied
/// to what is published, not to each rule's own results, so a rule's tests see everything
/// it finds.
fn without_superseded(findings: Vec<RawFinding>) -> Vec<RawFinding> {
    let superseded = superseded_by_others(
        &findings
            .iter()
            .map(|finding| (finding.rule, finding.pointer.as_str(), finding.span.clone()))
            .collect::<Vec<_>>(),
    );
    findings
        .into_iter()
        .zip(superseded)
        .filter_map(|(finding, superseded)| (!superseded).then_some(finding))
        .collect()
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

/// Checks a whole plan: every field, then the plan-level rules; drops findings another rule
/// says better (see [`SUPERSEDES`]); applies the plan's suppressions; sorts; summarises.
/// Never panics.
pub fn check_plan(plan: &Plan, options: CheckOptions<'_>) -> CheckReport {
    let calendar = calendar_for(plan, options.profile);
    let all_fields = fields(plan);
    let mut located: Vec<Located> = Vec::new();
    let mut readings: Vec<(&str, Timescale)> = Vec::new();
    for field in &all_fields {
        let (found, reading) = locate_field_reading(plan, field, options, &calendar);
        located.extend(found);
        readings.extend(reading.map(|reading| (field.text, reading)));
    }
    let readings = TimescaleReadings::new(readings.iter().map(|(text, reading)| (*text, reading)));
    finish_report(plan, &all_fields, located, options, &calendar, &readings)
}

/// The field rules' findings on one field, published and keyed for suppression.
pub(crate) fn locate_field(
    plan: &Plan,
    field: &FieldRef<'_>,
    options: CheckOptions<'_>,
    calendar: &Calendar,
) -> Vec<Located> {
    locate_field_reading(plan, field, options, calendar).0
}

/// [`locate_field`], with the reading of the field's text when it is a timescale.
pub(crate) fn locate_field_reading(
    plan: &Plan,
    field: &FieldRef<'_>,
    options: CheckOptions<'_>,
    calendar: &Calendar,
) -> (Vec<Located>, Option<Timescale>) {
    let (findings, reading) = check_one_field_reading(plan, field, options, calendar);
    if findings.is_empty() {
        return (Vec::new(), reading);
    }
    let index = Utf16Index::new(field.text);
    let located = findings
        .into_iter()
        .map(|finding| Located::on_field(finding, field, &index))
        .collect();
    (located, reading)
}

/// The plan rules' findings, published: on the free-text field they point at, ranged over
/// its text, or elsewhere.
fn locate_plan_findings(
    plan: &Plan,
    field_at: &HashMap<&str, &FieldRef<'_>, BuildWordHasher>,
    options: CheckOptions<'_>,
    calendar: &Calendar,
    readings: Option<&TimescaleReadings<'_>>,
) -> Vec<Located> {
    let context = PlanContext {
        plan,
        profile: options.profile,
        today: options.today,
        calendar,
        readings,
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
    plan_findings
        .into_iter()
        .map(
            |finding| match field_at.get(finding.pointer.as_str()).copied() {
                Some(field) => Located::on_field(finding, field, &Utf16Index::new(field.text)),
                None => Located::elsewhere(finding),
            },
        )
        .collect()
}

/// The rest of [`check_plan`] once every field's own findings are `located`: the plan
/// rules (given the `readings` the field checks made of the plan's timescale texts), then
/// superseding, suppressions, order and the summary.
pub(crate) fn finish_report(
    plan: &Plan,
    all_fields: &[FieldRef<'_>],
    mut located: Vec<Located>,
    options: CheckOptions<'_>,
    calendar: &Calendar,
    readings: &TimescaleReadings<'_>,
) -> CheckReport {
    // FNV rather than SipHash (as for the speakers below): the keys are the plan's own
    // pointers, looked up for every finding.
    let field_at: HashMap<&str, &FieldRef<'_>, BuildWordHasher> = all_fields
        .iter()
        .map(|field| (field.pointer.as_str(), field))
        .collect();
    located.extend(locate_plan_findings(
        plan,
        &field_at,
        options,
        calendar,
        Some(readings),
    ));
    let superseded = superseded_located(&located);

    let mut report = CheckReport::default();
    for (item, superseded) in located.into_iter().zip(superseded) {
        if superseded {
            continue;
        }
        if is_suppressed(plan, &item.finding.rule, &item.key) {
            report.ignored.push(item.finding);
        } else {
            report.findings.push(item.finding);
        }
    }
    sort_findings(&mut report.findings);
    sort_findings(&mut report.ignored);
    report.summary = summarise(plan, &report.findings, report.ignored.len());
    report
}

/// A published finding with the key its suppression is matched by.
#[derive(Debug, Clone)]
pub(crate) struct Located {
    pub(crate) finding: Finding,
    pub(crate) key: SuppressionKey,
}

impl Located {
    /// A finding on the free-text `field`, whose text `index` counts.
    fn on_field(finding: RawFinding, field: &FieldRef<'_>, index: &Utf16Index<'_>) -> Located {
        let key = SuppressionKey::of_text(field, flagged_text(&finding, field.text));
        Located {
            finding: finding.into_published(index),
            key,
        }
    }

    /// A finding on a date, a review or the plan itself: there is no text to range over.
    fn elsewhere(finding: RawFinding) -> Located {
        let key = SuppressionKey::of_pointer(&finding.pointer);
        Located {
            finding: RawFinding {
                span: None,
                ..finding
            }
            .into_published(&Utf16Index::new("")),
            key,
        }
    }
}

/// What an ignored occurrence is recognised by: the field's name and the flagged text (or,
/// when the flagged text is empty or the finding is not on a text field, its pointer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressionKey {
    /// The field's name (`by_when`), `""` for anything that is not a free-text field.
    pub field: String,
    pub text: String,
}

impl SuppressionKey {
    fn of_text(field: &FieldRef<'_>, flagged: &str) -> SuppressionKey {
        // An empty field has no text to recognise it by: ignoring one empty "By when" must
        // not ignore every empty "By when" of the plan, so it is keyed by where it is.
        if flagged.trim().is_empty() {
            return SuppressionKey {
                field: field.field.id().to_owned(),
                text: field.pointer.clone(),
            };
        }
        SuppressionKey {
            field: field.field.id().to_owned(),
            text: flagged.to_owned(),
        }
    }

    fn of_pointer(pointer: &str) -> SuppressionKey {
        SuppressionKey {
            field: String::new(),
            text: pointer.to_owned(),
        }
    }

    /// The key of a published finding of `plan` (ranges in UTF-16 code units).
    pub fn of_finding(plan: &Plan, finding: &Finding) -> SuppressionKey {
        let all_fields = fields(plan);
        let Some(field) = all_fields
            .iter()
            .find(|field| field.pointer == finding.pointer)
        else {
            return SuppressionKey::of_pointer(&finding.pointer);
        };
        let flagged = match (finding.start, finding.end) {
            (Some(start), Some(end)) => {
                let index = Utf16Index::new(field.text);
                field
                    .text
                    .get(index.to_byte(start)..index.to_byte(end))
                    .unwrap_or(field.text)
            }
            _ => field.text,
        };
        SuppressionKey::of_text(field, flagged)
    }
}

/// The record that ignores this one occurrence of `finding` in `plan`, with the user's
/// reason. Add it to `plan.suppressions.ignored`; it keeps matching after edits elsewhere
/// in the plan and after rows move, because it is keyed by the rule, the field's name and
/// the flagged text rather than by position.
pub fn ignore_finding(plan: &Plan, finding: &Finding, reason: &str) -> IgnoredFinding {
    let key = SuppressionKey::of_finding(plan, finding);
    IgnoredFinding {
        rule: finding.rule.clone(),
        pointer: finding.pointer.clone(),
        field: key.field,
        text: key.text,
        reason: reason.trim().to_owned(),
        extra: Default::default(),
    }
}

/// Ignores one occurrence of `finding` in `plan`; does nothing if it is already ignored.
pub fn ignore_in_plan(plan: &mut Plan, finding: &Finding, reason: &str) {
    let ignored = ignore_finding(plan, finding, reason);
    let already = plan.suppressions.ignored.iter().any(|existing| {
        existing.rule == ignored.rule
            && existing.field == ignored.field
            && existing.text == ignored.text
    });
    if !already {
        plan.suppressions.ignored.push(ignored);
    }
}

/// Turns a rule off for this plan (`off`), or back on; its findings then count as ignored.
pub fn set_rule_off(plan: &mut Plan, rule: &str, off: bool) {
    plan.suppressions
        .rules_off
        .retain(|existing| existing != rule);
    if off {
        plan.suppressions.rules_off.push(rule.to_owned());
    }
}

/// How one rule's finding makes another's redundant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Overlap {
    /// The other's range lies inside this one's.
    Inside,
    /// Both flag exactly the same range.
    Same,
}

/// When two rules flag the same words, only the more specific speaks: `(speaks, silenced,
/// how)`. In "By when", "Ongoing" and other words that name no time are `vague-timescale`'s
/// (which proposes a timescale from the plan's dates), so `vague-term` and `woolly-term`
/// keep quiet on the words it flags; a feeling in an outcome is `outcome-not-measurable`'s;
/// a "TBC" that is the whole "By whom" or contingency is `unnamed-owner`'s or
/// `no-contingency`'s. Findings on other words of the same field are all kept.
const SUPERSEDES: &[(&str, &str, Overlap)] = &[
    ("vague-timescale", "vague-term", Overlap::Inside),
    ("vague-timescale", "woolly-term", Overlap::Inside),
    ("outcome-not-measurable", "subjective-term", Overlap::Inside),
    ("outcome-not-measurable", "woolly-term", Overlap::Inside),
    ("outcome-not-measurable", "vague-term", Overlap::Inside),
    ("unnamed-owner", "vague-term", Overlap::Same),
    ("unnamed-owner", "woolly-term", Overlap::Same),
    ("no-contingency", "vague-term", Overlap::Same),
    ("no-contingency", "woolly-term", Overlap::Same),
];

/// For each `(rule, pointer, range)`, whether another finding makes it redundant (see
/// [`SUPERSEDES`]). A missing range stands for the whole field. Runs in O(n log n): a long
/// pasted text can carry thousands of findings.
/// [`superseded_by_others`] over published findings (ranges in UTF-16 units: the
/// comparison only needs them in one unit).
fn superseded_located(located: &[Located]) -> Vec<bool> {
    superseded_by_others(
        &located
            .iter()
            .map(|item| {
                (
                    item.finding.rule.as_str(),
                    item.finding.pointer.as_str(),
                    item.finding
                        .start
                        .zip(item.finding.end)
                        .map(|(start, end)| start..end),
                )
            })
            .collect::<Vec<_>>(),
    )
}

fn superseded_by_others(findings: &[(&str, &str, Option<Range<usize>>)]) -> Vec<bool> {
    let speaks_at_all = |rule: &str| SUPERSEDES.iter().any(|(speaks, _, _)| *speaks == rule);
    let mut speakers: HashMap<(&str, &str), Speakers, BuildWordHasher> = HashMap::default();
    for (rule, pointer, range) in findings {
        if speaks_at_all(rule) {
            speakers
                .entry((*pointer, *rule))
                .or_default()
                .add(range.clone());
        }
    }
    for group in speakers.values_mut() {
        group.prepare();
    }
    findings
        .iter()
        .map(|(rule, pointer, range)| {
            SUPERSEDES
                .iter()
                .filter(|(_, silenced, _)| silenced == rule)
                .any(|(speaks, _, overlap)| {
                    speakers
                        .get(&(*pointer, *speaks))
                        .is_some_and(|group| group.cover(range.as_ref(), *overlap))
                })
        })
        .collect()
}

/// The ranges one rule flagged in one field, arranged to answer [`covers`] quickly.
#[derive(Debug, Default)]
struct Speakers {
    /// A finding on the whole field.
    whole_field: bool,
    /// As found, until prepared.
    found: Vec<Range<usize>>,
    prepared: RangeSet,
}

impl Speakers {
    fn add(&mut self, range: Option<Range<usize>>) {
        match range {
            Some(range) => self.found.push(range),
            None => self.whole_field = true,
        }
    }

    fn prepare(&mut self) {
        self.prepared = RangeSet::new(std::mem::take(&mut self.found));
    }

    /// Whether one of these findings covers `inner` as [`covers`] says.
    fn cover(&self, inner: Option<&Range<usize>>, overlap: Overlap) -> bool {
        if self.whole_field && covers(None, inner, overlap) {
            return true;
        }
        let Some(inner) = inner else {
            return false;
        };
        match overlap {
            Overlap::Same => self.prepared.has(inner),
            Overlap::Inside => self.prepared.around(inner),
        }
    }
}

fn covers(outer: Option<&Range<usize>>, inner: Option<&Range<usize>>, overlap: Overlap) -> bool {
    match (outer, inner, overlap) {
        (None, None, _) => true,
        (None, Some(_), Overlap::Inside) => true,
        (None, Some(_), Overlap::Same) | (Some(_), None, _) => false,
        (Some(outer), Some(inner), Overlap::Inside) => {
            outer.start <= inner.start && inner.end <= outer.end
        }
        (Some(outer), Some(inner), Overlap::Same) => outer == inner,
    }
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
    let mut raw = check_one_field(plan, &field_ref, options, &calendar);
    raw.extend(plan_findings_on_section(
        plan, field, text, options, &calendar,
    ));
    let index = Utf16Index::new(text);
    let mut findings: Vec<Finding> = without_superseded(raw)
        .into_iter()
        .map(|finding| finding.into_published(&index))
        .collect();
    sort_findings(&mut findings);
    findings
}

/// The plan's own section a field name stands for, and where it is in the plan.
fn section_mut(plan: &mut Plan, field: FieldName) -> Option<(&'static str, &mut String)> {
    Some(match field {
        FieldName::Visiting => ("/visiting", &mut plan.visiting),
        FieldName::ReviewFrequency => ("/review_frequency", &mut plan.review_frequency),
        FieldName::Contingency => ("/contingency", &mut plan.contingency),
        FieldName::ViewsChild => ("/views/child", &mut plan.views.child),
        FieldName::ViewsParents => ("/views/parents", &mut plan.views.parents),
        FieldName::ViewsOthers => ("/views/others", &mut plan.views.others),
        _ => return None,
    })
}

/// For a single text checked as one of the plan's sections (visiting, review frequency,
/// contingency, views): what the plan rules say about that section with this text in it
/// ("In line with procedures" gives no review frequency), pointed at the text as the
/// field rules' findings are. Nothing for the fields of an action row.
fn plan_findings_on_section(
    plan: &Plan,
    field: FieldName,
    text: &str,
    options: CheckOptions<'_>,
    calendar: &Calendar,
) -> Vec<RawFinding> {
    let mut with_text = plan.clone();
    let Some((pointer, section)) = section_mut(&mut with_text, field) else {
        return Vec::new();
    };
    *section = text.to_owned();
    let context = PlanContext {
        plan: &with_text,
        profile: options.profile,
        today: options.today,
        calendar,
        readings: None,
    };
    let mut findings = Vec::new();
    for rule in registry::all() {
        let meta = rule.meta();
        if options
            .profile
            .rule_severity(meta.id, meta.severity)
            .is_some()
        {
            rule.check_plan(&context, &mut findings);
        }
    }
    apply_profile(&mut findings, options.profile);
    findings.retain(|finding| finding.pointer == pointer);
    for finding in &mut findings {
        finding.pointer = String::new();
    }
    findings
}

fn flagged_text<'t>(finding: &RawFinding, text: &'t str) -> &'t str {
    finding
        .span
        .as_ref()
        .and_then(|span| text.get(span.clone()))
        .unwrap_or(text)
}

fn is_suppressed(plan: &Plan, rule: &str, key: &SuppressionKey) -> bool {
    let suppressions = &plan.suppressions;
    suppressions.rules_off.iter().any(|off| off == rule)
        || suppressions.ignored.iter().any(|ignored| {
            ignored.rule == rule && ignored.field == key.field && ignored.text == key.text
        })
}

/// Checks the field at `pointer` of `plan` (with the text the plan holds there) and reports
/// it as [`check_plan`] would: its field rules, the plan rules that point at it (an empty
/// "By whom" in a filled row), without findings another rule's supersede, without those the
/// plan's suppressions silence. For checking one cell as it is typed, where the rest of the
/// plan is only context. An unknown pointer has no findings.
pub fn check_field_at(plan: &Plan, pointer: &str, options: CheckOptions<'_>) -> Vec<Finding> {
    let all_fields = fields(plan);
    let Some(field) = all_fields.iter().find(|field| field.pointer == pointer) else {
        return Vec::new();
    };
    let calendar = calendar_for(plan, options.profile);
    let own = locate_field(plan, field, options, &calendar);
    finish_field_at(plan, field, own, options, &calendar)
}

/// The rest of [`check_field_at`] once the field's own findings are `located`: the plan
/// rules' findings on it, then superseding, suppressions and order.
pub(crate) fn finish_field_at(
    plan: &Plan,
    field: &FieldRef<'_>,
    mut located: Vec<Located>,
    options: CheckOptions<'_>,
    calendar: &Calendar,
) -> Vec<Finding> {
    let field_at: HashMap<_, _, BuildWordHasher> =
        HashMap::from_iter([(field.pointer.as_str(), field)]);
    located.extend(
        locate_plan_findings(plan, &field_at, options, calendar, None)
            .into_iter()
            .filter(|item| item.finding.pointer == field.pointer),
    );
    let superseded = superseded_located(&located);
    let mut findings: Vec<Finding> = located
        .into_iter()
        .zip(superseded)
        .filter(|(item, superseded)| {
            !superseded && !is_suppressed(plan, &item.finding.rule, &item.key)
        })
        .map(|(item, _)| item.finding)
        .collect();
    sort_findings(&mut findings);
    findings
}

/// The stable output order: pointer, then position, then rule.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.pointer, a.start, a.end, &a.rule).cmp(&(&b.pointer, b.start, b.end, &b.rule))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What lets `check_one_field_reading` skip the field rules on an empty text.
    #[test]
    fn no_field_rule_flags_an_empty_text() {
        let plan = crate::rules::testing::tommy_plan();
        let profile = Profile::default_profile();
        let calendar = Calendar::new(plan.region);
        for field in FieldName::ALL {
            let reading = field.is_timescale().then(|| {
                read_timescale(
                    "",
                    &ReadingContext {
                        dates: &plan.dates,
                        today: crate::rules::testing::test_today(),
                        calendar: &calendar,
                    },
                )
            });
            let context = crate::rules::testing::first_row_context(
                field,
                "",
                &plan,
                &profile,
                &calendar,
                reading.as_ref(),
            );
            for rule in registry::all() {
                let mut findings = Vec::new();
                rule.check_field(&context, &mut findings);
                assert!(
                    findings.is_empty(),
                    "{} on an empty {field:?}: {findings:#?}",
                    rule.meta().id
                );
            }
        }
    }

    #[test]
    fn a_more_specific_rule_silences_another_on_the_same_words() {
        let findings = [
            ("vague-timescale", "/needs/0/actions/0/by_when", Some(0..7)),
            ("vague-term", "/needs/0/actions/0/by_when", Some(0..7)),
            ("woolly-term", "/needs/0/actions/0/by_when", Some(12..21)),
            ("vague-term", "/needs/1/actions/0/by_when", Some(0..7)),
        ];
        assert_eq!(superseded_by_others(&findings), [false, true, false, false]);
    }

    #[test]
    fn inside_and_same_ranges_are_told_apart() {
        // "will be happier": subjective-term's "happier" lies inside.
        let outcome = [
            ("outcome-not-measurable", "/o", Some(6..21)),
            ("subjective-term", "/o", Some(15..21)),
        ];
        assert_eq!(superseded_by_others(&outcome), [false, true]);
        // "TBC" as the whole "By whom", but a woolly word beside a name is kept.
        let by_whom = [
            ("unnamed-owner", "/w", Some(0..3)),
            ("woolly-term", "/w", Some(0..3)),
            ("unnamed-owner", "/x", Some(0..20)),
            ("woolly-term", "/x", Some(10..16)),
        ];
        assert_eq!(superseded_by_others(&by_whom), [false, true, false, false]);
        // A finding on the whole field covers any range inside it.
        let whole = [
            ("no-contingency", "/c", None),
            ("vague-term", "/c", Some(0..4)),
        ];
        assert_eq!(superseded_by_others(&whole), [false, false]);
        // A short range starting later does not hide a long one starting earlier.
        let nested = [
            ("outcome-not-measurable", "/o", Some(0..100)),
            ("outcome-not-measurable", "/o", Some(10..12)),
            ("vague-term", "/o", Some(50..60)),
            ("vague-term", "/o", Some(95..105)),
            ("vague-term", "/p", Some(50..60)),
        ];
        assert_eq!(
            superseded_by_others(&nested),
            [false, false, true, false, false]
        );
        assert!(covers(None, Some(&(0..4)), Overlap::Inside));
    }

    #[test]
    fn plan_level_findings_on_a_text_field_are_ranged_over_that_text() {
        let mut plan = Plan::new_blank();
        plan.contingency = "  TBC".to_owned();
        let profile = Profile::default_profile();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let report = check_plan(
            &plan,
            CheckOptions {
                today,
                profile: &profile,
            },
        );
        let contingency = report
            .findings
            .iter()
            .find(|finding| finding.rule == "no-contingency")
            .unwrap_or_else(|| panic!("{:#?}", report.findings));
        assert_eq!((contingency.start, contingency.end), (Some(2), Some(5)));
        let key = SuppressionKey::of_finding(&plan, contingency);
        assert_eq!(
            (key.field.as_str(), key.text.as_str()),
            ("contingency", "TBC")
        );
    }

    fn row_plan(by_whom: &str, by_when: &str) -> Plan {
        let mut plan = Plan::new_blank();
        plan.needs[0].need = "Tommy is withdrawn when his parents argue.".to_owned();
        let action = &mut plan.needs[0].actions[0];
        action.action = "Weekly sessions at the New Way service".to_owned();
        action.by_whom = by_whom.to_owned();
        action.by_when = by_when.to_owned();
        action.outcome = "Tommy will say he feels safe at home.".to_owned();
        plan
    }

    fn at(plan: &Plan, pointer: &str) -> Vec<Finding> {
        let profile = Profile::default_profile();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        check_field_at(
            plan,
            pointer,
            CheckOptions {
                today,
                profile: &profile,
            },
        )
    }

    #[test]
    fn one_field_is_reported_as_the_whole_plan_check_reports_it() {
        let plan = row_plan("", "Ongoing");
        let profile = Profile::default_profile();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let report = check_plan(
            &plan,
            CheckOptions {
                today,
                profile: &profile,
            },
        );
        for pointer in ["/needs/0/actions/0/by_whom", "/needs/0/actions/0/by_when"] {
            let expected: Vec<&Finding> = report
                .findings
                .iter()
                .filter(|finding| finding.pointer == pointer)
                .collect();
            let found = at(&plan, pointer);
            assert!(!found.is_empty(), "{pointer}");
            assert_eq!(found.iter().collect::<Vec<_>>(), expected, "{pointer}");
        }
    }

    #[test]
    fn an_empty_cell_of_a_filled_row_is_flagged_where_it_is() {
        let found = at(
            &row_plan("", "by 1 December 2026"),
            "/needs/0/actions/0/by_whom",
        );
        assert!(
            found.iter().any(|finding| finding.rule == "empty-field"),
            "{found:#?}"
        );
    }

    #[test]
    fn a_suppressed_finding_is_left_out() {
        let mut plan = row_plan("Sam Jones, social worker", "Ongoing");
        let pointer = "/needs/0/actions/0/by_when";
        let first = at(&plan, pointer);
        let Some(finding) = first.first() else {
            panic!("\"Ongoing\" is flagged");
        };
        ignore_in_plan(&mut plan, finding, "agreed with the family");
        assert_eq!(at(&plan, pointer).len(), first.len() - 1);
    }

    #[test]
    fn an_unknown_pointer_has_no_findings() {
        assert!(at(&row_plan("", ""), "/needs/7/actions/0/by_whom").is_empty());
    }
}
