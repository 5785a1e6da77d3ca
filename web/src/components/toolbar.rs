use cinplan_core::plan::Plan;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::lazy_view::example_plan_json;
use crate::components::plan_list::PlanList;
use crate::examples::EXAMPLES;
use crate::files;
use crate::state::{new_plan_id, use_editor, NoticeKind, SaveState};

/// The header's tools: a new plan, opening and saving plan files, the examples, the list
/// of plans kept in this browser, undo and redo, and whether the plan is saved.
#[component]
pub fn Toolbar() -> impl IntoView {
    let editor = use_editor();
    let file_input: NodeRef<html::Input> = NodeRef::new();

    let new_plan = move |_| {
        editor.switch_to(Plan::new_blank(), new_plan_id());
        editor.announce("Started a new plan.");
        request_animation_frame(|| crate::components::mark_list::focus_element("f-child-name"));
    };
    // The examples' text comes with the views module, which is usually fetched by the time
    // anyone clicks (src/examples.rs says why).
    let open_example = move |id: &'static str, label: &'static str| {
        spawn_local(async move {
            let plan = example_plan_json(id)
                .await
                .and_then(|text| Plan::from_json(&text).map_err(|error| error.to_string()));
            match plan {
                Ok(plan) => {
                    editor.switch_to(plan, new_plan_id());
                    editor.show_notice(
                        NoticeKind::Success,
                        format!("Opened the example: {label}"),
                        "It is a copy: change it freely. Your other plans are under \"My plans\".",
                    );
                }
                Err(problem) => editor.show_notice(
                    NoticeKind::Problem,
                    format!("The example could not be opened: {label}"),
                    format!(
                        "{problem}. Your plan is as it was; try again when the connection is back."
                    ),
                ),
            }
        });
    };
    let open_file = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let Some(file) = files::chosen_file(&input) else {
            return;
        };
        // Let the same file be chosen again after fixing it.
        input.set_value("");
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = match files::read_text(&file).await {
                Ok(text) => text,
                Err(error) => {
                    editor.show_notice(
                        NoticeKind::Problem,
                        format!("\"{name}\" could not be opened"),
                        error,
                    );
                    return;
                }
            };
            match Plan::from_json(&text) {
                Ok(plan) => {
                    editor.switch_to(plan, new_plan_id());
                    editor.show_notice(
                        NoticeKind::Success,
                        format!("Opened \"{name}\""),
                        "It is kept in this browser as you work; \"Save plan file\" writes it back to a file.",
                    );
                }
                Err(error) => {
                    let place = match (error.line, error.column) {
                        (Some(line), Some(column)) => format!(" (line {line}, column {column})"),
                        _ => String::new(),
                    };
                    editor.show_notice(
                        NoticeKind::Problem,
                        format!("\"{name}\" is not a plan cinplan can open"),
                        format!(
                            "{}{place}. The plan you have open is unchanged.",
                            capitalise(&error.message)
                        ),
                    );
                }
            }
        });
    };
    let save_file = move |_| {
        let plan = editor.plan.get_untracked();
        let name = format!("{}-plan.json", files::slug(plan.child_name()));
        match files::download(&name, "application/json", &plan.to_json()) {
            Ok(()) => editor.announce(format!("Saving {name}.")),
            Err(error) => editor.show_notice(
                NoticeKind::Problem,
                "The plan file could not be saved",
                error,
            ),
        }
    };
    let save_status = move || match editor.save_state.get() {
        SaveState::Saved(at) if at.is_empty() => "Kept in this browser".to_owned(),
        SaveState::Saved(at) => format!(
            "Saved in this browser at {}",
            at.rsplit(' ').next().unwrap_or(&at)
        ),
        SaveState::Pending => "Saving…".to_owned(),
        SaveState::Problem(_) => "Not saved in this browser".to_owned(),
    };

    view! {
        <div class="toolbar" role="toolbar" aria-label="Plan">
            <div class="toolbar-group">
                <button type="button" class="button" data-testid="new-plan" on:click=new_plan>
                    "New plan"
                </button>
                <input
                    type="file"
                    id="open-file"
                    class="visually-hidden"
                    accept=".json,application/json"
                    tabindex="-1"
                    aria-hidden="true"
                    data-testid="open-file"
                    node_ref=file_input
                    on:change=open_file
                />
                <button
                    type="button"
                    class="button"
                    data-testid="open-file-button"
                    on:click=move |_| {
                        if let Some(input) = file_input.get_untracked() {
                            input.click();
                        }
                    }
                >
                    "Open plan file…"
                </button>
                <button type="button" class="button" data-testid="save-file" on:click=save_file>
                    "Save plan file"
                </button>
            </div>
            <div class="toolbar-group">
                <span class="toolbar-label" id="examples-label">"Examples:"</span>
                {EXAMPLES.iter().map(|(id, label)| {
                    let id: &'static str = id;
                    let label: &'static str = label;
                    view! {
                        <button
                            type="button"
                            class="button button-secondary"
                            data-testid=format!("example-{id}")
                            aria-describedby="examples-label"
                            on:click=move |_| open_example(id, label)
                        >
                            {label}
                        </button>
                    }
                }).collect_view()}
            </div>
            <div class="toolbar-group">
                <PlanList />
                <button
                    type="button"
                    class="button button-secondary"
                    aria-keyshortcuts="Control+Z"
                    data-testid="undo"
                    disabled=move || !editor.can_undo.get()
                    on:click=move |_| editor.undo()
                >
                    "Undo"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    aria-keyshortcuts="Control+Y"
                    data-testid="redo"
                    disabled=move || !editor.can_redo.get()
                    on:click=move |_| editor.redo()
                >
                    "Redo"
                </button>
                <span
                    class="save-status"
                    class:save-problem=move || matches!(editor.save_state.get(), SaveState::Problem(_))
                    data-testid="save-status"
                >
                    {save_status}
                </span>
            </div>
        </div>
    }
}

fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}
