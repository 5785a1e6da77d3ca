use leptos::prelude::*;

use crate::components::mark_list::focus_element;
use crate::components::smart_badges::SmartBadges;
use crate::components::text_field::TextField;
use crate::pointer;
use crate::rows::{self, Direction};
use crate::state::{use_editor, Editor};

/// One row of the plan table: the need (editable in its first row, referred to in the
/// others), the action, by whom, by when, the outcome and progress, with the row's SMART
/// badges and its tools. Alt+↑ / Alt+↓ move the row (or, from the need, the whole need),
/// Alt+Enter adds an action below.
#[component]
pub fn ActionRow(
    /// Index of the need in the plan.
    need: usize,
    /// Index of the action within its need.
    action: usize,
) -> impl IntoView {
    let editor = use_editor();
    let base = format!("/needs/{need}/actions/{action}");
    let row_number = Memo::new(move |_| {
        editor
            .form
            .with(|plan| pointer::row_number(plan, need, action).unwrap_or(0))
    });
    let testid = move || format!("row-{}", row_number.get());
    let heading_id = format!("row-{need}-{action}-title");
    let labelled_by = heading_id.clone();
    // Each read once, from the form, which typing leaves as it is: no memo needed.
    let action_count = move || {
        editor
            .form
            .with(|plan| plan.needs.get(need).map_or(0, |need| need.actions.len()))
    };
    let total_rows = move || {
        editor.form.with(|plan| {
            plan.needs
                .iter()
                .map(|need| need.actions.len())
                .sum::<usize>()
        })
    };
    let is_first_row = move || row_number.get() == 0;
    let is_last_row = move || row_number.get() + 1 >= total_rows();

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if !event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let field = focused_field_name();
        let in_need = field.as_deref() == Some("need");
        match event.key().as_str() {
            "ArrowUp" | "ArrowDown" => {
                event.prevent_default();
                let direction = if event.key() == "ArrowUp" {
                    Direction::Up
                } else {
                    Direction::Down
                };
                if in_need {
                    move_need(editor, need, direction);
                } else {
                    move_row(editor, need, action, direction, field.as_deref());
                }
            }
            "Enter" => {
                event.prevent_default();
                add_row(editor, need, action);
            }
            _ => {}
        }
    };

    let need_cell = if action == 0 {
        view! {
            <div class="cell cell-need">
                <TextField
                    pointer=format!("/needs/{need}/need")
                    label="Need or risk"
                    testid="field-need"
                    field="need"
                    tall=true
                />
            </div>
        }
        .into_any()
    } else {
        // The need's own text signal, which only typing in the need wakes.
        let need_text = editor.field(&format!("/needs/{need}/need")).text;
        let need_id = pointer::element_id(&format!("/needs/{need}/need"));
        view! {
            <div class="cell cell-need cell-need-ref">
                <p class="field-label">"Need or risk"</p>
                <div class="need-ref" data-testid="field-need">
                    <p class="need-ref-text">
                        "Same need as above"
                        {move || {
                            let text = need_text.get();
                            (!text.trim().is_empty()).then(|| view! {
                                ": "<q>{short(&text)}</q>
                            })
                        }}
                    </p>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| focus_element(&need_id)
                    >
                        {format!("Edit need {}", need + 1)}
                    </button>
                </div>
            </div>
        }
        .into_any()
    };

    view! {
        <article
            class="row"
            data-testid=testid
            aria-labelledby=labelled_by
            on:keydown=on_keydown
        >
            <h4 class="row-title" id=heading_id>
                {move || format!("Row {}", row_number.get() + 1)}
                <span class="row-title-detail">
                    {move || {
                        format!(
                            " · need {}, action {} of {}",
                            need + 1,
                            action + 1,
                            action_count(),
                        )
                    }}
                </span>
            </h4>
            <div class="row-fields">
                {need_cell}
                <div class="cell">
                    <TextField
                        pointer=format!("{base}/action")
                        label="Action"
                        testid="field-action"
                        field="action"
                    />
                </div>
                <div class="cell">
                    <TextField
                        pointer=format!("{base}/by_whom")
                        label="By whom"
                        testid="field-by_whom"
                        field="by_whom"
                    />
                </div>
                <div class="cell">
                    <TextField
                        pointer=format!("{base}/by_when")
                        label="By when"
                        testid="field-by_when"
                        field="by_when"
                    />
                </div>
                <div class="cell">
                    <TextField
                        pointer=format!("{base}/outcome")
                        label="Outcome"
                        testid="field-outcome"
                        field="outcome"
                    />
                </div>
                <div class="cell">
                    <TextField
                        pointer=format!("{base}/progress")
                        label="Progress"
                        testid="field-progress"
                        field="progress"
                    />
                    <ProgressRating need=need action=action />
                </div>
            </div>
            <div class="row-footer">
                <SmartBadges need=need action=action />
                <div class="row-tools" role="group" aria-label=move || format!("Row {} tools", row_number.get() + 1)>
                    <button
                        type="button"
                        class="button button-small"
                        aria-keyshortcuts="Alt+ArrowUp"
                        disabled=is_first_row
                        on:click=move |_| move_row(editor, need, action, Direction::Up, None)
                    >
                        <span aria-hidden="true">"↑ "</span>"Move up"
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        aria-keyshortcuts="Alt+ArrowDown"
                        disabled=is_last_row
                        on:click=move |_| move_row(editor, need, action, Direction::Down, None)
                    >
                        <span aria-hidden="true">"↓ "</span>"Move down"
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        aria-keyshortcuts="Alt+Enter"
                        data-testid="add-action"
                        on:click=move |_| add_row(editor, need, action)
                    >
                        <span aria-hidden="true">"+ "</span>"Add action"
                    </button>
                    <button
                        type="button"
                        class="button button-small button-warning"
                        data-testid="remove-action"
                        on:click=move |_| remove_row(editor, need, action)
                    >
                        <span aria-hidden="true">"✕ "</span>"Remove action"
                    </button>
                </div>
            </div>
        </article>
    }
}

/// The review rating of an action's progress.
#[component]
fn ProgressRating(need: usize, action: usize) -> impl IntoView {
    use cinplan_core::plan::ProgressRating as Rating;
    let editor = use_editor();
    let id = format!("rating-{need}-{action}");
    let value = move || {
        editor.form.with(|plan| {
            match plan
                .needs
                .get(need)
                .and_then(|n| n.actions.get(action))
                .and_then(|a| a.progress_rating)
            {
                Some(Rating::Achieved) => "achieved",
                Some(Rating::Partly) => "partly",
                Some(Rating::NotYet) => "not-yet",
                None => "",
            }
        })
    };
    let on_change = move |event: leptos::ev::Event| {
        let rating = match event_target_value(&event).as_str() {
            "achieved" => Some(Rating::Achieved),
            "partly" => Some(Rating::Partly),
            "not-yet" => Some(Rating::NotYet),
            _ => None,
        };
        editor.edit(|plan| {
            if let Some(row) = plan
                .needs
                .get_mut(need)
                .and_then(|n| n.actions.get_mut(action))
            {
                row.progress_rating = rating;
            }
        });
    };
    view! {
        <div class="rating">
            <label class="field-label" for=id.clone()>"Rating at review"</label>
            <select id=id class="select" on:change=on_change>
                {[
                    ("", "Not rated"),
                    ("achieved", "Achieved"),
                    ("partly", "Partly achieved"),
                    ("not-yet", "Not yet achieved"),
                ]
                    .into_iter()
                    .map(|(id, label)| {
                        view! { <option value=id prop:selected=move || value() == id>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

fn short(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(60) {
        Some((index, _)) => format!("{}…", &text[..index]),
        None => text.to_owned(),
    }
}

/// The field name (last pointer segment) of the focused plan field, if any.
fn focused_field_name() -> Option<String> {
    let active = document().active_element()?;
    let id = active.id();
    let rest = id.strip_prefix("f-needs-")?;
    rest.rsplit('-').next().map(str::to_owned)
}

fn focus_later(pointer: String) {
    request_animation_frame(move || focus_element(&pointer::element_id(&pointer)));
}

fn move_row(editor: Editor, need: usize, action: usize, direction: Direction, field: Option<&str>) {
    let mut landed = None;
    editor.edit(|plan| landed = rows::move_action(plan, need, action, direction));
    match landed {
        Some((to_need, to_action)) => {
            let row = editor
                .plan
                .with_untracked(|plan| pointer::row_number(plan, to_need, to_action))
                .unwrap_or(0);
            // Keep the keyboard in the same column; the need column only exists in a need's
            // first row, so from there follow with the action field.
            let field = match field {
                Some("need") | None => "action",
                Some(field) => field,
            };
            focus_later(format!("/needs/{to_need}/actions/{to_action}/{field}"));
            editor.announce(format!("Moved to row {}.", row + 1));
        }
        None => editor.announce(match direction {
            Direction::Up => "This is already the first row.",
            Direction::Down => "This is already the last row.",
        }),
    }
}

fn move_need(editor: Editor, need: usize, direction: Direction) {
    let mut landed = None;
    editor.edit(|plan| landed = rows::move_need(plan, need, direction));
    match landed {
        Some(to) => {
            focus_later(format!("/needs/{to}/need"));
            editor.announce(format!("Moved the need to position {}.", to + 1));
        }
        None => editor.announce("The need cannot move further."),
    }
}

fn add_row(editor: Editor, need: usize, action: usize) {
    let mut added = None;
    editor.edit(|plan| added = rows::add_action(plan, need, Some(action)));
    if let Some((need, action)) = added {
        focus_later(format!("/needs/{need}/actions/{action}/action"));
        editor.announce("Added an empty action row.");
    }
}

fn remove_row(editor: Editor, need: usize, action: usize) {
    let mut next = None;
    editor.edit(|plan| next = rows::remove_action(plan, need, action));
    if let Some((need, action)) = next {
        let has_rows = editor
            .plan
            .with_untracked(|plan| plan.needs.get(need).is_some_and(|n| !n.actions.is_empty()));
        focus_later(if has_rows {
            format!("/needs/{need}/actions/{action}/action")
        } else {
            format!("/needs/{need}/need")
        });
        editor.announce("Removed the action. Ctrl+Z brings it back.");
    }
}
