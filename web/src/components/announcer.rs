use cinplan_core::finding::Finding;
use leptos::prelude::*;

use crate::marks;
use crate::pointer;
use crate::state::use_editor;

/// The polite live region. Besides what other parts announce, it sums up the findings of
/// the field being typed in whenever a check changes them ("2 problems in By when: …"),
/// so a screen-reader user hears the checks as they type, without being flooded.
#[component]
pub fn Announcer() -> impl IntoView {
    let editor = use_editor();
    Effect::new(move |previous: Option<(Option<String>, Vec<String>)>| {
        let field = editor.active_field.get();
        let (messages, description) = editor.report.with(|report| {
            let findings: Vec<&Finding> = report
                .findings
                .iter()
                .filter(|finding| Some(&finding.pointer) == field.as_ref())
                .collect();
            let description = field
                .as_deref()
                .map(|field| {
                    editor
                        .checked
                        .with_untracked(|plan| pointer::describe(plan, field))
                })
                .unwrap_or_default();
            (
                findings
                    .iter()
                    .map(|finding| {
                        format!(
                            "{}: {}",
                            marks::severity_word(finding.severity),
                            finding.message
                        )
                    })
                    .collect::<Vec<_>>(),
                description,
            )
        });
        let changed = previous
            .as_ref()
            .is_none_or(|(previous_field, previous_messages)| {
                *previous_field != field || *previous_messages != messages
            });
        let same_field = previous
            .as_ref()
            .is_some_and(|(previous_field, _)| *previous_field == field);
        if field.is_some() && changed && (same_field || !messages.is_empty()) {
            editor.announce(match messages.len() {
                0 => format!("No problems left in {description}."),
                1 => format!("1 problem in {description}: {}", messages.join(" ")),
                n => format!("{n} problems in {description}: {}", messages.join(" ")),
            });
        }
        (field, messages)
    });
    view! {
        <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
            {move || editor.announcement.get()}
        </div>
    }
}
