use leptos::prelude::*;

use crate::smart::{self, LetterState};
use crate::state::use_editor;

/// The SMART badges of one action row: S, M, A, R and T, each met (✓) or not (✗), read
/// from the core's findings for the row. Focus or hover shows why; a badge that is not met
/// takes the keyboard to the first field that needs work.
#[component]
pub fn SmartBadges(
    /// Index of the need in the plan.
    need: usize,
    /// Index of the action within its need.
    action: usize,
) -> impl IntoView {
    let editor = use_editor();
    let letters = Memo::new(move |_| {
        editor
            .report
            .with(|report| smart::row_letters(&report.findings, need, action))
    });
    let summary = move || {
        letters.with(|letters| {
            let met = letters.iter().filter(|state| state.met()).count();
            format!("SMART: {met} of 5 met")
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

/// One letter's badge and its explanation.
#[component]
fn Badge(state: LetterState, need: usize, action: usize) -> impl IntoView {
    let editor = use_editor();
    let letter = smart::letter(state.letter);
    let word = state.letter.word();
    let met = state.met();
    let tip_id = format!("smart-{need}-{action}-{letter}");
    let explanation = if met {
        format!("{word}: met. No problem found that concerns this.")
    } else {
        format!("{word}: not met. {}", state.reasons.join(" "))
    };
    let go_to_problem = move |_| {
        if met {
            return;
        }
        let target = editor.report.with_untracked(|report| {
            report
                .findings
                .iter()
                .find(|finding| {
                    finding
                        .pointer
                        .starts_with(&format!("/needs/{need}/actions/{action}/"))
                        && finding.smart.contains(&state.letter)
                })
                .map(|finding| finding.pointer.clone())
        });
        if let Some(pointer) = target {
            crate::components::mark_list::focus_element(&crate::pointer::element_id(&pointer));
        }
    };
    view! {
        <li class="smart-item">
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
