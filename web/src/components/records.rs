use cinplan_core::plan::{Plan, Professional, Review, Visit};
use leptos::prelude::*;

use crate::components::date_input::DateInput;
use crate::components::mark_list::focus_element;
use crate::components::plan_details::{role_from_id, role_options};
use crate::state::use_editor;

/// Visits and reviews that have happened: the timeline marks their events done, and the
/// checks compare them with what the plan promised.
#[component]
pub fn Records() -> impl IntoView {
    let editor = use_editor();
    let visit_count = Memo::new(move |_| editor.form.with(|plan| plan.visits.len()));
    let review_count = Memo::new(move |_| editor.form.with(|plan| plan.reviews.len()));

    let add_visit = move |_| {
        let date = Some(editor.today);
        editor.edit(|plan| {
            plan.visits.push(Visit {
                date,
                ..Visit::default()
            })
        });
        let index = visit_count.get_untracked().saturating_sub(1);
        request_animation_frame(move || focus_element(&format!("f-visits-{index}-date")));
    };
    let add_review = move |_| {
        let date = Some(editor.today);
        editor.edit(|plan| {
            plan.reviews.push(Review {
                date,
                ..Review::default()
            })
        });
        let index = review_count.get_untracked().saturating_sub(1);
        request_animation_frame(move || focus_element(&format!("f-reviews-{index}-date")));
    };

    view! {
        <section class="panel" id="f-visits" aria-labelledby="records-title" tabindex="-1">
            <h2 id="records-title">"Visits and reviews held"</h2>
            <div class="records">
                <div class="record-list">
                    <h3>"Visits"</h3>
                    <Show
                        when=move || { visit_count.get() > 0 }
                        fallback=|| view! { <p class="muted">"No visits recorded yet."</p> }
                    >
                        <ul class="plain-list">
                            <For
                                each=move || 0..visit_count.get()
                                key=|index| *index
                                children=move |index| view! { <VisitRow index=index /> }
                            />
                        </ul>
                    </Show>
                    <button type="button" class="button button-small button-secondary" on:click=add_visit>
                        "Record a visit"
                    </button>
                </div>
                <div class="record-list" id="f-reviews" tabindex="-1">
                    <h3>"Reviews"</h3>
                    <Show
                        when=move || { review_count.get() > 0 }
                        fallback=|| view! { <p class="muted">"No reviews recorded yet."</p> }
                    >
                        <ul class="plain-list">
                            <For
                                each=move || 0..review_count.get()
                                key=|index| *index
                                children=move |index| view! { <ReviewRow index=index /> }
                            />
                        </ul>
                    </Show>
                    <button type="button" class="button button-small button-secondary" on:click=add_review>
                        "Record a review"
                    </button>
                </div>
            </div>
        </section>
    }
}

/// One recorded visit: its date and whether the child was seen alone.
#[component]
fn VisitRow(
    /// Index in `plan.visits`.
    index: usize,
) -> impl IntoView {
    let editor = use_editor();
    let alone = move || {
        editor
            .form
            .with(|plan| plan.visits.get(index).is_some_and(|v| v.seen_alone))
    };
    let alone_id = format!("f-visits-{index}-seen_alone");
    view! {
        <li class="record" id=format!("f-visits-{index}")>
            <DateInput
                id=format!("f-visits-{index}-date")
                label=format!("Visit {} date", index + 1)
                get=move |plan: &Plan| plan.visits.get(index).and_then(|visit| visit.date)
                set=move |plan: &mut Plan, date| {
                    if let Some(visit) = plan.visits.get_mut(index) {
                        visit.date = date;
                    }
                }
            />
            <div class="control control-check">
                <input
                    id=alone_id.clone()
                    type="checkbox"
                    class="checkbox"
                    prop:checked=alone
                    on:change=move |event| {
                        let checked = event_target_checked(&event);
                        editor.edit(|plan| {
                            if let Some(visit) = plan.visits.get_mut(index) {
                                visit.seen_alone = checked;
                            }
                        });
                    }
                />
                <label for=alone_id>"Child seen alone"</label>
            </div>
            <button
                type="button"
                class="button button-small button-warning"
                on:click=move |_| {
                    editor.edit(|plan| {
                        if index < plan.visits.len() {
                            plan.visits.remove(index);
                        }
                    });
                    editor.announce("Removed the visit.");
                }
            >
                {format!("Remove visit {}", index + 1)}
            </button>
        </li>
    }
}

/// One recorded review: its date and who chaired it.
#[component]
fn ReviewRow(
    /// Index in `plan.reviews`.
    index: usize,
) -> impl IntoView {
    let editor = use_editor();
    let chair = move || {
        editor.form.with(|plan| {
            plan.reviews
                .get(index)
                .and_then(|r| r.chair.as_ref())
                .map(|chair| chair.name.clone())
                .unwrap_or_default()
        })
    };
    let chair_role = Memo::new(move |_| {
        editor.form.with(|plan| {
            plan.reviews
                .get(index)
                .and_then(|r| r.chair.as_ref())
                .map(|chair| chair.role)
                .unwrap_or_default()
        })
    });
    let chair_id = format!("f-reviews-{index}-chair");
    let role_id = format!("f-reviews-{index}-role");
    let edit_chair = move |change: Box<dyn FnOnce(&mut Professional)>| {
        editor.edit(|plan| {
            if let Some(review) = plan.reviews.get_mut(index) {
                change(review.chair.get_or_insert_with(Professional::default));
            }
        });
    };
    view! {
        <li class="record" id=format!("f-reviews-{index}")>
            <DateInput
                id=format!("f-reviews-{index}-date")
                label=format!("Review {} date", index + 1)
                get=move |plan: &Plan| plan.reviews.get(index).and_then(|review| review.date)
                set=move |plan: &mut Plan, date| {
                    if let Some(review) = plan.reviews.get_mut(index) {
                        review.date = date;
                    }
                }
            />
            <div class="control">
                <label for=chair_id.clone()>"Chaired by"</label>
                <input
                    id=chair_id
                    class="input"
                    type="text"
                    autocomplete="off"
                    prop:value=chair
                    on:change=move |event| {
                        let name = event_target_value(&event);
                        edit_chair(Box::new(move |chair| chair.name = name));
                    }
                />
            </div>
            <div class="control">
                <label for=role_id.clone()>"Chair's role"</label>
                <select
                    id=role_id
                    class="select"
                    on:change=move |event| {
                        let role = role_from_id(&event_target_value(&event));
                        edit_chair(Box::new(move |chair| chair.role = role));
                    }
                >
                    {move || role_options(chair_role.get())}
                </select>
            </div>
            <button
                type="button"
                class="button button-small button-warning"
                on:click=move |_| {
                    editor.edit(|plan| {
                        if index < plan.reviews.len() {
                            plan.reviews.remove(index);
                        }
                    });
                    editor.announce("Removed the review.");
                }
            >
                {format!("Remove review {}", index + 1)}
            </button>
        </li>
    }
}
