use cinplan_core::plan::Plan;
use leptos::prelude::*;

use crate::state::{use_editor, NoticeKind};
use crate::storage;

/// "My plans": every plan kept in this browser, to switch between them or delete one
/// (deleting asks for a second click).
#[component]
pub fn PlanList() -> impl IntoView {
    let editor = use_editor();
    let open = RwSignal::new(false);
    let confirming = RwSignal::new(None::<String>);
    let count = move || editor.saved_plans.with(Vec::len);

    let switch = move |id: String| match storage::load(&id).map(|text| Plan::from_json(&text)) {
        Some(Ok(plan)) => {
            editor.switch_to(plan, id);
            open.set(false);
            editor.announce("Opened the plan.");
        }
        Some(Err(error)) => editor.show_notice(
            NoticeKind::Problem,
            "That saved plan cannot be read",
            error.to_string(),
        ),
        None => editor.show_notice(
            NoticeKind::Problem,
            "That plan is no longer in this browser",
            "It may have been deleted in another tab.",
        ),
    };
    let delete = move |id: String| {
        if confirming.get_untracked().as_deref() != Some(id.as_str()) {
            confirming.set(Some(id));
            return;
        }
        confirming.set(None);
        if let Err(problem) = storage::remove(&id) {
            editor.show_notice(
                NoticeKind::Problem,
                "The plan could not be deleted",
                problem.explain(),
            );
        }
        editor.saved_plans.set(storage::list());
        editor.announce("Deleted the plan from this browser.");
    };

    view! {
        <div class="plan-list">
            <button
                type="button"
                class="button button-secondary"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="plan-list-panel"
                id="my-plans-button"
                data-testid="my-plans"
                on:click=move |_| {
                    editor.save_now();
                    open.update(|open| *open = !*open);
                }
            >
                {move || format!("My plans ({})", count())}
            </button>
            <div
                id="plan-list-panel"
                class="plan-list-panel"
                hidden=move || !open.get()
                on:keydown=move |event: leptos::ev::KeyboardEvent| {
                    if event.key() == "Escape" {
                        open.set(false);
                        crate::components::mark_list::focus_element("my-plans-button");
                    }
                }
            >
                <p class="plan-list-title">"Plans kept in this browser"</p>
                <Show
                    when=move || { count() > 0 }
                    fallback=|| view! { <p class="muted">"None yet."</p> }
                >
                    <ul class="plain-list">
                        {move || editor.saved_plans.get().into_iter().map(|entry| {
                            let id = entry.id.clone();
                            let delete_id = entry.id.clone();
                            let confirm_id = entry.id.clone();
                            let is_open = entry.id == editor.plan_id.get();
                            let title = if entry.child.is_empty() {
                                "Untitled plan".to_owned()
                            } else {
                                format!("Plan for {}", entry.child)
                            };
                            view! {
                                <li class="plan-entry" data-testid="plan-entry">
                                    <button
                                        type="button"
                                        class="link-button"
                                        aria-current=if is_open { Some("true") } else { None }
                                        on:click=move |_| switch(id.clone())
                                    >
                                        {title}
                                        {is_open.then_some(" (open)")}
                                    </button>
                                    <span class="muted">{format!(" saved {}", entry.saved)}</span>
                                    <button
                                        type="button"
                                        class="button button-small button-warning"
                                        disabled=is_open
                                        on:click=move |_| delete(delete_id.clone())
                                    >
                                        {move || if confirming.get().as_deref() == Some(confirm_id.as_str()) {
                                            "Confirm: delete"
                                        } else {
                                            "Delete"
                                        }}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </Show>
            </div>
        </div>
    }
}
