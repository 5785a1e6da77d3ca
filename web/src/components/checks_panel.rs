use cinplan_core::finding::{Finding, Severity};
use leptos::prelude::*;

use crate::components::mark_list::{focus_element, MarkList};
use crate::marks;
use crate::pointer;
use crate::state::use_editor;

/// The plan as a whole: the core's score (the share of SMART checks met), how many
/// problems, warnings and notes it found, how many action rows meet all of SMART, the findings about the whole plan (no contingency, visits
/// too far apart…), where the others are, and what the user chose to ignore.
#[component]
pub fn ChecksPanel() -> impl IntoView {
    let editor = use_editor();
    let counts = Memo::new(move |_| {
        editor.summary.with(|summary| {
            (
                summary.counts.error,
                summary.counts.warning,
                summary.counts.info,
            )
        })
    });
    let score = Memo::new(move |_| editor.summary.with(|summary| summary.score));
    let smart_rows = Memo::new(move |_| {
        editor.summary.with(|summary| {
            let rows = summary.rows.iter().filter(|row| row.action_index.is_some());
            let total = rows.clone().count();
            let met = rows
                .filter(|row| row.letters.iter().all(|letter| letter.met))
                .count();
            (met, total)
        })
    });
    let plan_findings = Memo::new(move |_| {
        editor.report.with(|report| {
            report
                .findings
                .iter()
                .filter(|finding| finding.pointer.is_empty())
                .cloned()
                .collect::<Vec<Finding>>()
        })
    });
    let empty_text = Memo::new(|_| String::new());
    let always_current = Memo::new(|_| true);
    let by_field = Memo::new(move |_| {
        let plan = editor.checked.get();
        editor.report.with(|report| {
            let mut fields: Vec<(String, String, usize, Severity)> = Vec::new();
            for finding in report.findings.iter().filter(|f| !f.pointer.is_empty()) {
                match fields
                    .iter_mut()
                    .find(|(pointer, ..)| *pointer == finding.pointer)
                {
                    Some((_, _, count, worst)) => {
                        *count += 1;
                        *worst = (*worst).max(finding.severity);
                    }
                    None => fields.push((
                        finding.pointer.clone(),
                        pointer::describe(&plan, &finding.pointer),
                        1,
                        finding.severity,
                    )),
                }
            }
            // In the order of the plan, not of the pointers' spelling.
            let order: Vec<String> = cinplan_core::check::fields(&plan)
                .into_iter()
                .map(|field| field.pointer)
                .collect();
            fields.sort_by_key(|(pointer, ..)| {
                order
                    .iter()
                    .position(|known| known == pointer)
                    .unwrap_or(usize::MAX)
            });
            fields
        })
    });
    let ignored = Memo::new(move |_| editor.form.with(|plan| plan.suppressions.ignored.clone()));
    let rules_off =
        Memo::new(move |_| editor.form.with(|plan| plan.suppressions.rules_off.clone()));

    view! {
        <section class="panel checks" id="checks" aria-labelledby="checks-title" data-testid="checks-panel">
            <h2 id="checks-title">"Checks"</h2>
            <div class="score" data-testid="score">
                <p class="score-main">
                    "Score: "
                    <span data-testid="score-value">{move || score.get()}</span>
                    " out of 100"
                </p>
                <p class="score-detail">
                    {move || {
                        let (met, total) = smart_rows.get();
                        format!("{met} of {total} action rows meet all of SMART.")
                    }}
                </p>
                <ul class="score-counts">
                    <li class="count count-error">
                        <span aria-hidden="true">"✖ "</span>
                        {move || plural(counts.get().0, "problem", "problems")}
                    </li>
                    <li class="count count-warning">
                        <span aria-hidden="true">"▲ "</span>
                        {move || plural(counts.get().1, "warning", "warnings")}
                    </li>
                    <li class="count count-info">
                        <span aria-hidden="true">"ℹ "</span>
                        {move || plural(counts.get().2, "note", "notes")}
                    </li>
                </ul>
            </div>
            <h3>"About the whole plan"</h3>
            <Show
                when=move || !plan_findings.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">"Nothing found about the plan as a whole."</p> }
            >
                <MarkList
                    findings=plan_findings
                    text=empty_text
                    current=always_current
                    pointer=String::new()
                />
            </Show>
            <Show when=move || !by_field.with(Vec::is_empty)>
                <h3>"Fields to look at"</h3>
                <ul class="plain-list field-links">
                    {move || by_field.get().into_iter().map(|(field, label, count, worst)| {
                        let id = pointer::element_id(&field);
                        view! {
                            <li>
                                <button type="button" class="link-button" on:click=move |_| focus_element(&id)>
                                    <span aria-hidden="true">{marks::severity_icon(worst)}" "</span>
                                    {format!("{label}: {}", plural(count, "finding", "findings"))}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || !ignored.with(Vec::is_empty) || !rules_off.with(Vec::is_empty)>
                <details class="ignored" data-testid="ignored">
                    <summary>{move || format!("Ignored ({})", ignored.with(Vec::len) + rules_off.with(Vec::len))}</summary>
                    <ul class="plain-list">
                        {move || ignored.get().into_iter().enumerate().map(|(index, item)| {
                            let what = if item.text.is_empty() { item.rule.clone() } else { format!("\u{201c}{}\u{201d} ({})", item.text, item.rule) };
                            let reason = if item.reason.is_empty() { "no reason given".to_owned() } else { item.reason.clone() };
                            view! {
                                <li class="ignored-item">
                                    <span>{format!("{what}: {reason}")}</span>
                                    " "
                                    <button
                                        type="button"
                                        class="button button-small button-secondary"
                                        on:click=move |_| {
                                            editor.edit(|plan| {
                                                if index < plan.suppressions.ignored.len() {
                                                    plan.suppressions.ignored.remove(index);
                                                }
                                            });
                                            editor.announce("It is checked again.");
                                        }
                                    >
                                        "Stop ignoring"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                        {move || rules_off.get().into_iter().map(|rule| {
                            let label = format!("Rule {rule} is turned off for this plan");
                            view! {
                                <li class="ignored-item">
                                    <span>{label}</span>
                                    " "
                                    <button
                                        type="button"
                                        class="button button-small button-secondary"
                                        on:click=move |_| {
                                            let rule = rule.clone();
                                            editor.edit(move |plan| plan.suppressions.rules_off.retain(|r| *r != rule));
                                        }
                                    >
                                        "Turn back on"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            </Show>
        </section>
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}
