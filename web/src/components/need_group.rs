use leptos::prelude::*;

use crate::components::action_row::ActionRow;
use crate::components::mark_list::focus_element;
use crate::components::text_field::TextField;
use crate::pointer;
use crate::rows::{self, Direction};
use crate::state::use_editor;

/// One need (or risk) of the child with its action rows, and the tools for the need as a
/// whole. A need without actions still shows its text and a button to add the first one.
#[component]
pub fn NeedGroup(
    /// Index of the need in the plan.
    need: usize,
) -> impl IntoView {
    let editor = use_editor();
    let action_count = Memo::new(move |_| {
        editor
            .form
            .with(|plan| plan.needs.get(need).map_or(0, |need| need.actions.len()))
    });
    let need_count = Memo::new(move |_| editor.form.with(|plan| plan.needs.len()));
    let heading_id = format!("need-{need}-title");
    let labelled_by = heading_id.clone();

    let focus_later = move |pointer: String| {
        request_animation_frame(move || focus_element(&pointer::element_id(&pointer)));
    };
    let add_first_action = move |_| {
        let mut added = None;
        editor.edit(|plan| added = rows::add_action(plan, need, None));
        if let Some((need, action)) = added {
            focus_later(format!("/needs/{need}/actions/{action}/action"));
            editor.announce("Added an empty action row.");
        }
    };
    let add_need_after = move |_| {
        let mut added = 0;
        editor.edit(|plan| added = rows::add_need(plan, Some(need)));
        focus_later(format!("/needs/{added}/need"));
        editor.announce(format!(
            "Added need {} with an empty action row.",
            added + 1
        ));
    };
    let remove_need = move |_| {
        let mut next = None;
        editor.edit(|plan| next = rows::remove_need(plan, need));
        match next {
            Some(next) if need_count.get_untracked() > 0 => {
                focus_later(format!("/needs/{next}/need"));
            }
            _ => focus_element("add-first-need"),
        }
        editor.announce("Removed the need and its actions. Ctrl+Z brings them back.");
    };
    let move_need = move |direction: Direction| {
        let mut landed = None;
        editor.edit(|plan| landed = rows::move_need(plan, need, direction));
        if let Some(to) = landed {
            focus_later(format!("/needs/{to}/need"));
            editor.announce(format!("Moved the need to position {}.", to + 1));
        }
    };

    view! {
        <section class="need" aria-labelledby=labelled_by data-testid=format!("need-{need}")>
            <div class="need-header">
                <h3 class="need-title" id=heading_id>
                    {format!("Need {}", need + 1)}
                </h3>
                <div class="need-tools" role="group" aria-label=format!("Need {} tools", need + 1)>
                    <button
                        type="button"
                        class="button button-small"
                        disabled=move || need == 0
                        on:click=move |_| move_need(Direction::Up)
                    >
                        <span aria-hidden="true">"↑ "</span>"Move need up"
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        disabled=move || { need + 1 >= need_count.get() }
                        on:click=move |_| move_need(Direction::Down)
                    >
                        <span aria-hidden="true">"↓ "</span>"Move need down"
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        data-testid="add-need"
                        on:click=add_need_after
                    >
                        <span aria-hidden="true">"+ "</span>"Add need"
                    </button>
                    <button
                        type="button"
                        class="button button-small button-warning"
                        data-testid="remove-need"
                        on:click=remove_need
                    >
                        <span aria-hidden="true">"✕ "</span>"Remove need"
                    </button>
                </div>
            </div>
            <Show
                when=move || { action_count.get() > 0 }
                fallback=move || view! {
                    <div class="row row-need-only">
                        <div class="cell cell-need">
                            <TextField
                                pointer=format!("/needs/{need}/need")
                                label="Need or risk"
                                testid="field-need"
                                field="need"
                                tall=true
                            />
                        </div>
                        <p class="need-empty">
                            "This need has no action yet: every need needs at least one."
                        </p>
                        <button
                            type="button"
                            class="button"
                            data-testid="add-first-action"
                            on:click=add_first_action
                        >
                            "Add an action"
                        </button>
                    </div>
                }
            >
                <For
                    each=move || 0..action_count.get()
                    key=|action| *action
                    children=move |action| view! { <ActionRow need=need action=action /> }
                />
            </Show>
        </section>
    }
}
