//! Training: a gallery of exercises; an exercise loads its unhelpful plan into a workspace
//! of its own (checked as of the exercise's day, apart from the plan being edited), shows
//! the score and hints as the trainee rewrites it, and compares it with the model answer.

use std::time::Duration;

use chrono::NaiveDate;
use cinplan_core::check::fields;
use cinplan_core::plan::{Plan, PlanDates};
use cinplan_core::profile::Profile;
use cinplan_core::training::{self, Exercise};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::components::plain_words::WordsField;
use crate::pointer;
use crate::state::use_editor;

const CHECK_DELAY: Duration = Duration::from_millis(180);

type DateSlot = fn(&mut PlanDates) -> &mut Option<NaiveDate>;

/// The plan's dates a trainee can set: (id, label, the date in the plan).
const DATE_FIELDS: [(&str, &str, DateSlot); 5] = [
    ("assessment_completed", "Assessment completed", |dates| {
        &mut dates.assessment_completed
    }),
    ("allocated", "Allocated", |dates| &mut dates.allocated),
    ("planning_meeting", "Planning meeting", |dates| {
        &mut dates.planning_meeting
    }),
    ("plan_circulated", "Plan sent to the family", |dates| {
        &mut dates.plan_circulated
    }),
    ("first_review", "First review", |dates| {
        &mut dates.first_review
    }),
];

#[component]
pub fn TrainingView() -> impl IntoView {
    let open = RwSignal::new(None::<&'static Exercise>);
    view! {
        <section class="training" data-testid="training-view" aria-labelledby="training-title">
            <h1 id="training-title">"Training"</h1>
            {move || match open.get() {
                None => view! { <Gallery open=open /> }.into_any(),
                Some(exercise) => view! { <Workspace exercise=exercise open=open /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Gallery(open: RwSignal<Option<&'static Exercise>>) -> impl IntoView {
    view! {
        <p>"Rewrite each plan until it has no errors. The plans and people are invented."</p>
        <ul class="gallery" data-testid="training-gallery">
            {training::gallery()
                .into_iter()
                .map(|item| {
                    let id = item.id.clone();
                    view! {
                        <li class="gallery-item">
                            <h2 class="gallery-title">{item.title}</h2>
                            <p class="gallery-topic">{item.topic}</p>
                            <p>{item.summary}</p>
                            <button
                                type="button"
                                class="button"
                                data-testid=format!("exercise-open-{}", item.id)
                                on:click=move |_| open.set(training::exercise(&id))
                            >
                                "Open this exercise"
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn Workspace(
    exercise: &'static Exercise,
    open: RwSignal<Option<&'static Exercise>>,
) -> impl IntoView {
    let editor = use_editor();
    let start = exercise
        .unhelpful_plan()
        .unwrap_or_else(|_| Plan::new_blank());
    let model = exercise.model_answer().ok();
    let plan = RwSignal::new(start.clone());
    let checked = RwSignal::new(start);
    let timer = StoredValue::new_local(None::<Timeout>);
    let profile = Profile::default_profile();
    let attempt =
        Memo::new(move |_| checked.with(|plan| training::attempt(exercise, plan, &profile)));
    let comparing = RwSignal::new(false);
    // The boxes are rebuilt only when an action is added, never while typing.
    let field_list = Memo::new(move |_| {
        plan.with(|plan| {
            fields(plan)
                .into_iter()
                .map(|field| {
                    let label = match (field.need_index, field.action_index) {
                        (Some(need), Some(action)) => format!(
                            "Need {}, action {}: {}",
                            need + 1,
                            action + 1,
                            field.field.label()
                        ),
                        (Some(need), None) => format!("Need {}: {}", need + 1, field.field.label()),
                        _ => field.field.label().to_owned(),
                    };
                    (field.pointer, label)
                })
                .collect::<Vec<_>>()
        })
    });
    let need_count = Memo::new(move |_| plan.with(|plan| plan.needs.len()));
    let add_action = move |need: usize| {
        plan.update(|plan| {
            if let Some(need) = plan.needs.get_mut(need) {
                need.actions.push(Default::default());
            }
        });
        checked.set(plan.get_untracked());
        editor.announce(format!("An empty action was added to need {}.", need + 1));
    };
    let back = move |_| open.set(None);
    let status = move || {
        let score = attempt.with(|attempt| attempt.score);
        if score.solved {
            format!("Solved: no errors left. Score {} out of 100.", score.points)
        } else {
            format!(
                "Score {} out of 100. {} errors, {} warnings left.",
                score.points, score.errors, score.warnings
            )
        }
    };
    let open_in_editor = move |_| {
        let rewritten = plan.get_untracked();
        editor.switch_to(rewritten, crate::state::new_plan_id());
        editor.announce("The exercise plan is open in the plan editor.");
    };
    view! {
        <div class="workspace" data-testid="training-workspace">
            <button type="button" class="button-small" data-testid="training-back" on:click=back>
                "Back to the exercises"
            </button>
            <h2>{exercise.title}</h2>
            <p>{exercise.summary}</p>
            <ul class="learning-points">
                {exercise.learning_points.iter().map(|point| view! { <li>{*point}</li> }).collect_view()}
            </ul>
            <p
                class="training-score"
                role="status"
                aria-live="polite"
                data-testid="training-score"
                data-points=move || attempt.with(|attempt| attempt.score.points.to_string())
                data-solved=move || attempt.with(|attempt| attempt.score.solved.to_string())
            >
                {status}
            </p>
            <div class="workspace-grid">
                <div class="workspace-fields">
                    {move || field_list
                        .get()
                        .into_iter()
                        .map(|(field_pointer, label)| {
                            let reading = field_pointer.clone();
                            let text = Signal::derive(move || {
                                plan.with(|plan| plan.text_at(&reading).unwrap_or("").to_owned())
                            });
                            let writing = field_pointer.clone();
                            let on_input = Callback::new(move |value: String| {
                                plan.update(|plan| {
                                    pointer::set_text(plan, &writing, value);
                                });
                                let pending = Timeout::new(CHECK_DELAY.as_millis() as u32, move || {
                                    checked.set(plan.get_untracked());
                                });
                                timer.set_value(Some(pending));
                            });
                            let id = format!("training-{}", pointer::element_id(&field_pointer));
                            view! {
                                <WordsField id=id.clone() label=label text=text on_input=on_input testid=id pointer=field_pointer.clone() />
                            }
                        })
                        .collect_view()}
                    <fieldset class="workspace-dates">
                        <legend>"Dates"</legend>
                        {DATE_FIELDS
                            .into_iter()
                            .map(|(id, label, slot)| {
                                let input_id = format!("training-date-{id}");
                                view! {
                                    <div class="workspace-date">
                                        <label for=input_id.clone()>{label}</label>
                                        <input
                                            id=input_id.clone()
                                            type="date"
                                            data-testid=input_id
                                            data-date=id
                                            prop:value=move || {
                                                plan.with(|plan| {
                                                    let mut dates = plan.dates.clone();
                                                    slot(&mut dates)
                                                        .map(cinplan_core::date_words::iso)
                                                        .unwrap_or_default()
                                                })
                                            }
                                            on:change=move |event| {
                                                let value = cinplan_core::date_words::parse_iso(
                                                    &event_target_value(&event),
                                                )
                                                .ok();
                                                plan.update(|plan| *slot(&mut plan.dates) = value);
                                                checked.set(plan.get_untracked());
                                            }
                                        />
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="workspace-add">
                        {move || {
                            (0..need_count.get())
                                .map(|need| {
                                    view! {
                                        <button
                                            type="button"
                                            class="button-small"
                                            data-testid=format!("training-add-action-{need}")
                                            on:click=move |_| add_action(need)
                                        >
                                            {format!("Add an action to need {}", need + 1)}
                                        </button>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                </div>
                <div class="workspace-hints">
                    <h3>"Hints"</h3>
                    <ul class="hints" data-testid="training-hints">
                        {move || {
                            attempt
                                .get()
                                .hints
                                .into_iter()
                                .map(|hint| {
                                    view! {
                                        <li class="hint" data-rule=hint.rule.clone()>
                                            <p class="hint-summary">
                                                {format!("{} ({} left)", if hint.summary.is_empty() { hint.rule.clone() } else { hint.summary.clone() }, hint.count)}
                                            </p>
                                            <p>{hint.message}</p>
                                            {(!hint.why.is_empty()).then(|| view! { <p class="hint-why">{format!("Why: {}", hint.why)}</p> })}
                                            {(!hint.instead.is_empty()).then(|| view! { <p class="hint-instead">{format!("Instead: {}", hint.instead)}</p> })}
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </div>
            <div class="workspace-actions">
                <button
                    type="button"
                    class="button"
                    data-testid="training-compare"
                    aria-expanded=move || comparing.get().to_string()
                    on:click=move |_| comparing.update(|on| *on = !*on)
                >
                    "Compare with the model answer"
                </button>
                <button type="button" class="button-small" data-testid="training-to-editor" on:click=open_in_editor>
                    "Open this plan in the plan editor"
                </button>
            </div>
            {move || {
                (comparing.get())
                    .then(|| {
                        let pairs = model
                            .as_ref()
                            .map(|model| plan.with(|plan| training::compare(plan, model)))
                            .unwrap_or_default();
                        view! {
                            <table class="compare-table" data-testid="training-comparison">
                                <caption>"Your plan and the model answer"</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Field"</th>
                                        <th scope="col">"Yours"</th>
                                        <th scope="col">"Model answer"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {pairs
                                        .into_iter()
                                        .map(|pair| view! {
                                            <tr>
                                                <th scope="row">{pair.label}</th>
                                                <td>{pair.yours.unwrap_or_default()}</td>
                                                <td>{pair.model.unwrap_or_default()}</td>
                                            </tr>
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                    })
            }}
        </div>
    }
}
