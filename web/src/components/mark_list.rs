use cinplan_core::finding::{Applicability, Finding};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::finding_popover::{apply_suggestion, FindingPopover};
use crate::marks;
use crate::state::{use_editor, MarkKey};

/// How many of a field's findings are listed as marks under it (its status line says so
/// when there are more). A long paste can have thousands, which no one reads one by one
/// and which took the editor seconds to draw; the highlights in the text show every one.
pub const MARKS_LISTED: usize = 100;

/// What a field's status line adds when it has more findings than are listed (written
/// out, not formatted: the editor's first download has no bytes to spare).
pub const MARKS_LISTED_NOTE: &str = "100 listed below";

/// The findings of one field as a list of marks under it: each quotes the flagged words
/// with an icon for its severity and opens its popover on hover, focus or click.
#[component]
pub fn MarkList(
    /// The field's findings, as last checked.
    findings: Memo<Vec<Finding>>,
    /// The field's text as last checked (what the findings' ranges refer to).
    text: Memo<String>,
    /// False while the user is typing and the check has not caught up.
    current: Memo<bool>,
    /// JSON Pointer of the field.
    pointer: String,
) -> impl IntoView {
    let editor = use_editor();
    let pointer = StoredValue::new(pointer);
    view! {
        <ul class="marks" class:marks-stale=move || !current.get() data-testid="marks">
            <For
                each=move || {
                    findings.with(|findings| {
                        let mut listed: Vec<Finding> = findings.iter().take(MARKS_LISTED).cloned().collect();
                        // A mark further down opened from the text (hover, Ctrl+.) is listed
                        // while it is open: its popover lives in the list.
                        if let Some(further) = findings.get(MARKS_LISTED..) {
                            editor.open_mark.with(|open| {
                                listed.extend(open.as_ref().and_then(|open| {
                                    further.iter().find(|finding| MarkKey::of(finding) == *open).cloned()
                                }));
                            });
                        }
                        listed
                    })
                }
                key=|finding| format!("{}|{}", MarkKey::of(finding).dom_id(), finding.message)
                children=move |finding| {
                    let key = MarkKey::of(&finding);
                    let dom_id = key.dom_id();
                    let button_id = format!("{dom_id}-button");
                    let popover_id = format!("{dom_id}-pop");
                    let is_open = {
                        let key = key.clone();
                        Memo::new(move |_| editor.open_mark.read().as_ref() == Some(&key))
                    };
                    let open = {
                        let key = key.clone();
                        move |pinned: bool| {
                            if !is_open.get_untracked() {
                                editor.open_mark.set(Some(key.clone()));
                                editor.open_mark_pinned.set(pinned);
                            } else if pinned {
                                editor.open_mark_pinned.set(true);
                            }
                        }
                    };
                    // Escape closes and returns the keyboard to the mark; that focus must
                    // not open the popover again.
                    let returning_focus = StoredValue::new(false);
                    let open_on_focus = {
                        let open = open.clone();
                        move || {
                            if returning_focus.get_value() {
                                returning_focus.set_value(false);
                            } else {
                                open(true);
                            }
                        }
                    };
                    // Hover opens it for as long as the pointer stays; a click pins it
                    // open (hover has usually opened it already, so a click never closes).
                    let open_on_hover = {
                        let open = open.clone();
                        move || {
                            if !editor.open_mark_pinned.get_untracked() || editor.open_mark.read_untracked().is_none() {
                                open(false);
                            }
                        }
                    };
                    let open_on_click = open.clone();
                    let quote = {
                        let finding = finding.clone();
                        move || {
                            let text = text.read();
                            let flagged = marks::flagged(&text, &finding).trim();
                            if finding.start.is_none() || flagged.is_empty() {
                                None
                            } else {
                                Some(view! { <q class="mark-quote">{flagged.to_owned()}</q> })
                            }
                        }
                    };
                    // With a quote, the rule's name is enough here (the popover explains);
                    // without one (a finding about a whole field or the plan), the message.
                    let has_quote = finding.start.is_some();
                    let summary = if has_quote {
                        finding.rule.replace('-', " ")
                    } else {
                        finding.message.clone()
                    };
                    let keyed_finding = finding.clone();
                    let button_for_keys = button_id.clone();
                    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
                        if event.key() == "Escape" && is_open.get_untracked() {
                            event.prevent_default();
                            event.stop_propagation();
                            editor.open_mark.set(None);
                            returning_focus.set_value(true);
                            focus_element(&button_for_keys);
                            returning_focus.set_value(false);
                            return;
                        }
                        // 1–9 apply the suggestion with that number, unless typing a reason.
                        let typing = event
                            .target()
                            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
                            .is_some();
                        if typing || event.ctrl_key() || event.alt_key() || event.meta_key() {
                            return;
                        }
                        let number = event.key().parse::<usize>().ok().filter(|n| *n >= 1);
                        if let Some(number) = number.filter(|_| is_open.get_untracked()) {
                            let applicable: Vec<_> = keyed_finding
                                .suggestions
                                .iter()
                                .filter(|s| s.applicability != Applicability::DisplayOnly)
                                .collect();
                            if let Some(suggestion) = applicable.get(number - 1) {
                                event.prevent_default();
                                pointer.with_value(|pointer| {
                                    apply_suggestion(editor, pointer, &keyed_finding, suggestion)
                                });
                            }
                        }
                    };
                    let severity = finding.severity;
                    view! {
                        <li class="mark-item" on:keydown=on_keydown>
                            <button
                                type="button"
                                class=format!("mark mark-{}", severity.as_str())
                                id=button_id
                                data-rule=finding.rule.clone()
                                data-severity=severity.as_str()
                                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                                aria-controls=popover_id.clone()
                                on:click=move |_| open_on_click(true)
                                on:focus=move |_| open_on_focus()
                                on:mouseenter=move |_| open_on_hover()
                            >
                                <span class="mark-icon" aria-hidden="true">
                                    {marks::severity_icon(severity)}
                                </span>
                                <span class="visually-hidden">
                                    {format!("{}: ", marks::severity_word(severity))}
                                </span>
                                <span class="mark-text">
                                    {quote}
                                    <span class=if has_quote { "mark-rule" } else { "mark-message" }>
                                        {summary}
                                    </span>
                                </span>
                            </button>
                            <Show when=move || is_open.get()>
                                <FindingPopover
                                    finding=finding.clone()
                                    pointer=pointer.get_value()
                                    text=text
                                    id=popover_id.clone()
                                />
                            </Show>
                        </li>
                    }
                }
            />
        </ul>
    }
}

/// Moves the keyboard to the element with this id, if it is there.
pub fn focus_element(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_names_how_many_are_listed() {
        assert_eq!(MARKS_LISTED_NOTE, format!("{MARKS_LISTED} listed below"));
    }
}
