use leptos::prelude::*;

use crate::components::mark_list::focus_element;
use crate::components::need_group::NeedGroup;
use crate::pointer;
use crate::rows;
use crate::state::use_editor;

/// The plan table as the guidance draws it: for each need or risk, its actions, by whom,
/// by when, the outcome and progress.
#[component]
pub fn PlanTable() -> impl IntoView {
    let editor = use_editor();
    let need_count = Memo::new(move |_| editor.form.with(|plan| plan.needs.len()));
    let add_need = move |_| {
        let mut added = 0;
        editor.edit(|plan| added = rows::add_need(plan, Some(plan.needs.len().saturating_sub(1))));
        request_animation_frame(move || {
            focus_element(&pointer::element_id(&format!("/needs/{added}/need")))
        });
        editor.announce(format!(
            "Added need {} with an empty action row.",
            added + 1
        ));
    };
    view! {
        <section class="panel plan-table" id="plan" aria-labelledby="plan-title">
            <div class="section-header">
                <h2 id="plan-title">"The plan"</h2>
                <p class="section-hint">
                    "For each need or risk: what will be done, by whom (a named person), by when (a date or how often, from and until when), and what will be different for the child."
                </p>
                <details class="keys">
                    <summary>"Keyboard shortcuts"</summary>
                    <dl>
                        <dt><kbd>"Alt"</kbd>" + "<kbd>"↑"</kbd>" / "<kbd>"↓"</kbd></dt>
                        <dd>"Move the row up or down (from the need field: move the need)"</dd>
                        <dt><kbd>"Alt"</kbd>" + "<kbd>"Enter"</kbd></dt>
                        <dd>"Add an action below"</dd>
                        <dt><kbd>"Ctrl"</kbd>" + "<kbd>"."</kbd></dt>
                        <dd>"Explain the marked words at the cursor and offer rewrites"</dd>
                        <dt><kbd>"1"</kbd>"–"<kbd>"9"</kbd></dt>
                        <dd>"In an explanation: apply that suggestion"</dd>
                        <dt><kbd>"Tab"</kbd></dt>
                        <dd>"After applying a suggestion: go to the next part in [brackets]"</dd>
                        <dt><kbd>"Ctrl"</kbd>" + "<kbd>"Z"</kbd>" / "<kbd>"Ctrl"</kbd>" + "<kbd>"Y"</kbd></dt>
                        <dd>"Undo / redo"</dd>
                        <dt><kbd>"Esc"</kbd></dt>
                        <dd>"Close an explanation"</dd>
                    </dl>
                </details>
            </div>
            <For
                each=move || 0..need_count.get()
                key=|need| *need
                children=move |need| view! { <NeedGroup need=need /> }
            />
            <button
                type="button"
                class="button"
                id="add-first-need"
                data-testid="add-need-end"
                on:click=add_need
            >
                <span aria-hidden="true">"+ "</span>"Add a need"
            </button>
        </section>
    }
}
