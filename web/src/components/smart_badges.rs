use cinplan_core::finding::Smart;
use cinplan_core::summary::LetterStatus;
use leptos::prelude::*;

use crate::components::mark_list::focus_element;
use crate::pointer;
use crate::state::use_editor;

/// The SMART badges of one action row: S, M, A, R and T, each met (✓) or not (✗), as the
/// core's summary says (a letter is not met while an error or warning about it remains in
/// the row or its need). Focus or hover shows why; a badge that is not met takes the
/// keyboard to the first field that needs work.
#[component]
pub fn SmartBadges(
    /// Index of the need in the plan.
    need: usize,
    /// Index of the action within its need.
    action: usize,
) -> impl IntoView {
    let editor = use_editor();
    let letters = Memo::new(move |_| {
        editor.summary.with(|summary| {
            summary
                .rows
                .iter()
                .find(|row| row.need_index == need && row.action_index == Some(action))
                .map(|row| row.letters.clone())
                .unwrap_or_default()
        })
    });
    let summary = move || {
        letters.with(|letters| {
            let met = letters.iter().filter(|state| state.met).count();
            format!("SMART: {met} of {} met", letters.len())
        })
    };
    view! {
        <div class="smart" data-testid="smart">
            <p class="smart-summary">{summary}</p>
            <ul class="smart-badges">
                {move || {
                    letters
                        .get()
                        .into_iter()
                        .map(|state| view! { <Badge state=state need=need action=action /> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// How many of a letter's causes (findings, in text order) its explanation is drawn from.
const CAUSES_EXPLAINED: usize = 20;

/// One letter's badge and its explanation.
#[component]
fn Badge(state: LetterStatus, need: usize, action: usize) -> impl IntoView {
    let editor = use_editor();
    let letter = letter(state.letter);
    let word = state.letter.word();
    let met = state.met;
    let tip_id = format!("smart-{need}-{action}-{letter}");
    // The summary names findings by rule and field; their messages say why.
    let reasons: Vec<String> =
        editor.report.with_untracked(|report| {
            let mut reasons: Vec<String> = Vec::new();
            // The first few causes give reason enough: a cause is named once per finding,
            // a long paste names thousands, and looking each up through the report took
            // the editor seconds.
            for cause in state.because.iter().take(CAUSES_EXPLAINED) {
                for finding in report.findings.iter().filter(|finding| {
                    finding.rule == cause.rule && finding.pointer == cause.pointer
                }) {
                    if !reasons.contains(&finding.message) {
                        reasons.push(finding.message.clone());
                    }
                }
            }
            reasons
        });
    let explanation = if met {
        format!("{word}: met. Nothing found in this row that concerns it.")
    } else {
        format!("{word}: not met. {}", reasons.join(" "))
    };
    let first_field = state.because.first().map(|cause| cause.pointer.clone());
    let go_to_problem = move |_| {
        if let Some(pointer) = &first_field {
            focus_element(&pointer::element_id(pointer));
        }
    };
    // Esc hides the explanation (WCAG 1.4.13) until the pointer or focus moves on.
    let dismissed = RwSignal::new(false);
    view! {
        <li
            class="smart-item"
            class:smart-tip-dismissed=move || dismissed.get()
            on:mouseleave=move |_| dismissed.set(false)
            on:focusout=move |_| dismissed.set(false)
            on:keydown=move |event: leptos::ev::KeyboardEvent| {
                if event.key() == "Escape" {
                    dismissed.set(true);
                }
            }
        >
            <button
                type="button"
                class=if met { "smart-badge smart-met" } else { "smart-badge smart-unmet" }
                data-letter=letter
                data-met=if met { "true" } else { "false" }
                aria-describedby=tip_id.clone()
                on:click=go_to_problem
            >
                <span aria-hidden="true">{letter}</span>
                <span class="smart-mark" aria-hidden="true">{if met { "✓" } else { "✗" }}</span>
                <span class="visually-hidden">
                    {format!("{word}: {}", if met { "met" } else { "not met" })}
                </span>
            </button>
            <span class="smart-tip" role="tooltip" id=tip_id>
                {explanation}
            </span>
        </li>
    }
}

fn letter(smart: Smart) -> &'static str {
    match smart {
        Smart::S => "S",
        Smart::M => "M",
        Smart::A => "A",
        Smart::R => "R",
        Smart::T => "T",
    }
}
