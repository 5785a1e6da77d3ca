use cinplan_core::finding::{Applicability, Finding, Suggestion};
use cinplan_core::plan::IgnoredFinding;
use cinplan_core::rules::registry;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::marks;
use crate::pointer;
use crate::state::{use_editor, Editor};

/// What the checker says about one finding, from the core: the message, the rule's
/// explanation and source, the suggested rewrites (applied with a click, or with the
/// number key shown), and "Ignore this" with a reason.
#[component]
pub fn FindingPopover(
    /// The finding to explain.
    finding: Finding,
    /// JSON Pointer of its field ("" for the whole plan).
    pointer: String,
    /// The field's text as last checked, to quote the flagged words.
    text: Memo<String>,
    /// The element id (the mark's `aria-controls` points here).
    id: String,
) -> impl IntoView {
    let editor = use_editor();
    let meta = registry::find(&finding.rule).map(|rule| rule.meta());
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    let severity = finding.severity;
    let title = rule_name(&finding.rule);
    let finding = StoredValue::new(finding);
    let pointer = StoredValue::new(pointer);

    let mut number = 0;
    let suggestions = finding.with_value(|found| {
        found
            .suggestions
            .iter()
            .map(|suggestion| {
                if suggestion.applicability == Applicability::DisplayOnly {
                    view! {
                        <li class="advice">
                            <span class="advice-label">{suggestion.label.clone()}": "</span>
                            {suggestion.replacement.clone()}
                        </li>
                    }
                    .into_any()
                } else {
                    number += 1;
                    let suggestion = suggestion.clone();
                    let label = suggestion.label.clone();
                    let replacement = suggestion.replacement.clone();
                    let fills = suggestion.applicability == Applicability::HasPlaceholders;
                    view! {
                        <li>
                            <button
                                type="button"
                                class="suggestion"
                                data-testid="apply-suggestion"
                                aria-keyshortcuts=number.to_string()
                                on:click=move |_| {
                                    finding.with_value(|finding| {
                                        pointer.with_value(|pointer| {
                                            apply_suggestion(editor, pointer, finding, &suggestion)
                                        })
                                    })
                                }
                            >
                                <kbd class="suggestion-key" aria-hidden="true">{number}</kbd>
                                <span class="suggestion-text">
                                    <span class="suggestion-label">{label}</span>
                                    <span class="suggestion-replacement">{replacement}</span>
                                    {fills.then(|| view! {
                                        <span class="suggestion-note">
                                            "Fill in the parts in [brackets] after applying."
                                        </span>
                                    })}
                                </span>
                            </button>
                        </li>
                    }
                    .into_any()
                }
            })
            .collect_view()
    });
    let has_suggestions = finding.with_value(|finding| !finding.suggestions.is_empty());

    let reason = RwSignal::new(String::new());
    let reason_id = format!("{id}-reason");
    let ignore = move |_| {
        let reason_text = reason.get_untracked().trim().to_owned();
        finding.with_value(|finding| {
            let flagged = if pointer.with_value(String::is_empty) {
                String::new()
            } else {
                text.with_untracked(|text| marks::flagged(text, finding).to_owned())
            };
            let field = pointer.with_value(|pointer| {
                if pointer.is_empty() {
                    String::new()
                } else {
                    pointer.rsplit('/').next().unwrap_or("").to_owned()
                }
            });
            let ignored = IgnoredFinding {
                rule: finding.rule.clone(),
                pointer: finding.pointer.clone(),
                field,
                text: flagged,
                reason: reason_text,
                extra: Default::default(),
            };
            editor.edit(move |plan| plan.suppressions.ignored.push(ignored));
        });
        editor.open_mark.set(None);
        editor.announce("Ignored. It is listed under \"Ignored\" in the checks panel, where you can bring it back.");
        let field_id = pointer.with_value(|pointer| pointer::element_id(pointer));
        request_animation_frame(move || crate::components::mark_list::focus_element(&field_id));
    };

    view! {
        <div class="popover" id=id role="group" aria-labelledby=labelled_by data-testid="popover">
            <p class="popover-title" id=heading_id>
                <span class=format!("badge badge-{}", severity.as_str())>
                    <span aria-hidden="true">{marks::severity_icon(severity)}" "</span>
                    {marks::severity_word(severity)}
                </span>
                " "
                {title}
            </p>
            <p class="popover-message">{finding.with_value(|finding| finding.message.clone())}</p>
            {has_suggestions.then(|| view! {
                <div class="popover-suggestions">
                    <p class="popover-subhead">"Suggestions"</p>
                    <ol class="suggestions">{suggestions}</ol>
                </div>
            })}
            {meta.map(|meta| view! {
                <div class="popover-docs">
                    {(!meta.docs.summary.is_empty()).then(|| view! {
                        <p><strong>"This check: "</strong>{meta.docs.summary}</p>
                    })}
                    {(!meta.docs.why.is_empty()).then(|| view! {
                        <p><strong>"Why it matters: "</strong>{meta.docs.why}</p>
                    })}
                    {(!meta.docs.instead.is_empty()).then(|| view! {
                        <p><strong>"Better: "</strong><q>{meta.docs.instead}</q></p>
                    })}
                    {(!meta.source.is_empty()).then(|| view! {
                        <p class="popover-source"><strong>"Source: "</strong>{meta.source}</p>
                    })}
                </div>
            })}
            <details class="ignore">
                <summary>"Ignore this…"</summary>
                <label for=reason_id.clone()>"Why is it right as written? (kept with the plan)"</label>
                <input
                    id=reason_id
                    type="text"
                    class="input"
                    data-native-undo="true"
                    prop:value=move || reason.get()
                    on:input=move |event| reason.set(event_target_value(&event))
                />
                <button type="button" class="button button-secondary" on:click=ignore>
                    "Ignore this"
                </button>
            </details>
            // Last in the tab order (Esc does the same from anywhere inside), shown at
            // the top right.
            <button
                type="button"
                class="popover-close link-button"
                data-testid="popover-close"
                on:click=move |_| {
                    let button = editor
                        .open_mark
                        .with_untracked(|key| key.as_ref().map(|key| format!("{}-button", key.dom_id())));
                    // Focus first: focusing the mark while its popover is open keeps it
                    // open, so closing afterwards leaves it closed.
                    if let Some(button) = button {
                        crate::components::mark_list::focus_element(&button);
                    }
                    editor.open_mark.set(None);
                }
            >
                "Close"
                <span class="visually-hidden">" this explanation"</span>
            </button>
        </div>
    }
}

/// Applies a suggestion to its field as one undoable step, then puts the caret where the
/// user continues: on the first `[placeholder]` (selected for typing; Tab moves to the
/// next) or after the new words.
pub fn apply_suggestion(editor: Editor, field: &str, finding: &Finding, suggestion: &Suggestion) {
    let current = editor
        .plan
        .with_untracked(|plan| plan.text_at(field).map(str::to_owned));
    let checked = editor.checked_text(field);
    let (Some(current), Some(checked)) = (current, checked) else {
        return;
    };
    if current != checked {
        // The text changed since the check; the range may no longer fit. Check again and
        // let the user choose from the fresh suggestions.
        editor.check_now();
        editor.announce("The text changed: the suggestions are updated, please choose again.");
        return;
    }
    let applied = marks::apply(&checked, finding, suggestion);
    let new_text = applied.text.clone();
    let field_owned = field.to_owned();
    editor.edit(move |plan| {
        pointer::set_text(plan, &field_owned, new_text);
    });
    editor.open_mark.set(None);
    let has_placeholders = !applied.placeholders.is_empty();
    editor
        .placeholder_field
        .set(has_placeholders.then(|| field.to_owned()));
    if let Some(textarea) = document()
        .get_element_by_id(&pointer::element_id(field))
        .and_then(|element| element.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        // Set the value now so the selection below lands on the new text.
        textarea.set_value(&applied.text);
        let _ = textarea.focus();
        let (start, end) = applied
            .placeholders
            .first()
            .copied()
            .unwrap_or((applied.caret, applied.caret));
        let _ = textarea.set_selection_range(start as u32, end as u32);
    }
    editor.announce(if has_placeholders {
        format!(
            "Applied \"{}\". The first part in brackets is selected: type to replace it; Tab moves to the next.",
            suggestion.label
        )
    } else {
        format!("Applied \"{}\".", suggestion.label)
    });
}

/// A rule's id as words: "vague-timescale" → "Vague timescale".
pub fn rule_name(rule: &str) -> String {
    let words = rule.replace('-', " ");
    let mut characters = words.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}
