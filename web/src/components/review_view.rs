//! Reviews: progress per action before the review (with drift shown), then "Start next
//! version", which records the review and carries the plan forward, keeping the old
//! version read-only and viewable beside the new one.

use cinplan_core::plan::{Plan, Professional, ProgressRating, Review, Role};
use cinplan_core::review::{self, ActionStatus, ProgressRow};
use leptos::prelude::*;

use crate::components::plain_words::WordsField;
use crate::pointer;
use crate::state::{use_editor, Editor};

const CHAIR_ROLES: [(Role, &str, &str); 6] = [
    (Role::SocialWorker, "social-worker", "Social worker"),
    (Role::KeyWorker, "key-worker", "Key worker"),
    (
        Role::SeniorPractitioner,
        "senior-practitioner",
        "Senior practitioner",
    ),
    (Role::TeamManager, "team-manager", "Team manager"),
    (
        Role::Sswop,
        "sswop",
        "Senior social work oversight practitioner",
    ),
    (Role::Other, "other", "Other"),
];

fn status_words(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Achieved => "Achieved",
        ActionStatus::Drifting => "Drifting: past its date with no progress recorded",
        ActionStatus::PastDateNotAchieved => "Past its date, not yet achieved",
        ActionStatus::NotDueYet => "Not due yet",
        ActionStatus::NoDate => "No date to judge it by",
    }
}

fn status_id(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Achieved => "achieved",
        ActionStatus::Drifting => "drifting",
        ActionStatus::PastDateNotAchieved => "past-date",
        ActionStatus::NotDueYet => "not-due",
        ActionStatus::NoDate => "no-date",
    }
}

fn rating_id(rating: Option<ProgressRating>) -> &'static str {
    match rating {
        Some(ProgressRating::Achieved) => "achieved",
        Some(ProgressRating::Partly) => "partly",
        Some(ProgressRating::NotYet) => "not-yet",
        None => "",
    }
}

fn rating_from(id: &str) -> Option<ProgressRating> {
    match id {
        "achieved" => Some(ProgressRating::Achieved),
        "partly" => Some(ProgressRating::Partly),
        "not-yet" => Some(ProgressRating::NotYet),
        _ => None,
    }
}

fn set_rating(editor: Editor, need: usize, action: usize, rating: Option<ProgressRating>) {
    editor.edit(|plan| {
        if let Some(action) = plan
            .needs
            .get_mut(need)
            .and_then(|need| need.actions.get_mut(action))
        {
            action.progress_rating = rating;
        }
    });
}

#[component]
pub fn ReviewView() -> impl IntoView {
    let editor = use_editor();
    let sheet = Memo::new(move |_| {
        let profile = editor.profile.read();
        editor
            .checked
            .with(|plan| review::progress_sheet(plan, &profile, editor.today))
    });
    // Rows are rebuilt only when actions are added or removed, so typing keeps focus.
    let shape = Memo::new(move |_| {
        editor.plan.with(|plan| {
            plan.needs
                .iter()
                .enumerate()
                .flat_map(|(need, item)| (0..item.actions.len()).map(move |action| (need, action)))
                .collect::<Vec<_>>()
        })
    });
    let row_of = move |need: usize, action: usize| -> Option<ProgressRow> {
        sheet.with(|rows| {
            rows.iter()
                .find(|row| row.need_index == need && row.action_index == action)
                .cloned()
        })
    };
    let drifting = move || {
        sheet.with(|rows| {
            rows.iter()
                .filter(|row| row.status == ActionStatus::Drifting)
                .count()
        })
    };
    let counts = move || {
        editor.plan.with(|plan| {
            (
                review::review_count(plan),
                review::version_number(plan),
                review::third_review_needs_manager(plan),
            )
        })
    };

    view! {
        <section class="review" data-testid="review-view" aria-labelledby="review-title">
            <h1 id="review-title">"Review"</h1>
            <p data-testid="review-counts">
                {move || {
                    let (reviews, version, _) = counts();
                    format!("Version {version} of the plan. Reviews held so far: {reviews}.")
                }}
            </p>
            {move || {
                counts()
                    .2
                    .then(|| {
                        view! {
                            <p class="review-manager" data-testid="review-manager">
                                "The next review is the third: a team manager or senior practitioner must chair it."
                            </p>
                        }
                    })
            }}
            <p class="review-drift" role="status" aria-live="polite" data-testid="review-drift">
                {move || match drifting() {
                    0 => "No action is drifting.".to_owned(),
                    1 => "One action is past its date with no progress recorded.".to_owned(),
                    n => format!("{n} actions are past their date with no progress recorded."),
                }}
            </p>
            <h2>"Progress before the review"</h2>
            <div class="review-rows">
                {move || {
                    shape
                        .get()
                        .into_iter()
                        .map(|(need, action)| progress_row(editor, need, action, row_of))
                        .collect_view()
                }}
            </div>
            <StartNextVersion />
            <Versions />
        </section>
    }
}

fn progress_row(
    editor: Editor,
    need: usize,
    action: usize,
    row_of: impl Fn(usize, usize) -> Option<ProgressRow> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let base = format!("/needs/{need}/actions/{action}");
    let progress_pointer = format!("{base}/progress");
    let reading = progress_pointer.clone();
    let rating_select = format!("review-rating-{need}-{action}");
    let heading_id = format!("review-row-{need}-{action}");
    let text = Signal::derive(move || {
        editor
            .plan
            .with(|plan| plan.text_at(&reading).unwrap_or("").to_owned())
    });
    let writing = progress_pointer.clone();
    let on_input = Callback::new(move |value: String| editor.type_text(&writing, value));
    let rating = move || {
        editor.plan.with(|plan| {
            plan.needs
                .get(need)
                .and_then(|item| item.actions.get(action))
                .and_then(|item| item.progress_rating)
        })
    };
    let labelled_by = heading_id.clone();
    view! {
        <article
            class="review-row"
            data-testid=format!("review-row-{need}-{action}")
            data-status=move || row_of(need, action).map(|row| status_id(row.status)).unwrap_or("")
            aria-labelledby=labelled_by
        >
            <h3 id=heading_id>{format!("Need {}, action {}", need + 1, action + 1)}</h3>
            {move || {
                row_of(need, action)
                    .map(|row| {
                        view! {
                            <p class="review-action">{row.action}</p>
                            <p class="review-meta">
                                {format!(
                                    "By {}. Due: {}.",
                                    if row.by_whom.trim().is_empty() { "(nobody named)".to_owned() } else { row.by_whom.clone() },
                                    row.due.map(cinplan_core::date_words::long_date).unwrap_or_else(|| "no date".to_owned()),
                                )}
                            </p>
                            <p class=format!("review-status status-{}", status_id(row.status))>
                                {status_words(row.status)}
                            </p>
                        }
                    })
            }}
            <label for=rating_select.clone()>"Progress"</label>
            <select
                id=rating_select.clone()
                data-testid=rating_select
                prop:value=move || rating_id(rating())
                on:change=move |event| {
                    set_rating(editor, need, action, rating_from(&event_target_value(&event)))
                }
            >
                <option value="">"Not rated yet"</option>
                <option value="achieved">"Achieved"</option>
                <option value="partly">"Partly"</option>
                <option value="not-yet">"Not yet"</option>
            </select>
            <WordsField
                id=format!("review-{}", pointer::element_id(&progress_pointer))
                label="Progress in words"
                text=text
                on_input=on_input
                testid=format!("review-progress-{need}-{action}")
            />
        </article>
    }
}

#[component]
fn StartNextVersion() -> impl IntoView {
    let editor = use_editor();
    let date = RwSignal::new(cinplan_core::date_words::iso(editor.today));
    let chair = RwSignal::new(String::new());
    let role = RwSignal::new("social-worker".to_owned());
    let problem = RwSignal::new(String::new());
    let start = move |_| {
        let Ok(held) = cinplan_core::date_words::parse_iso(&date.get_untracked()) else {
            problem.set("Give the date the review was held.".to_owned());
            return;
        };
        let name = chair.get_untracked().trim().to_owned();
        if name.is_empty() {
            problem.set("Give the name of who chaired the review.".to_owned());
            return;
        }
        let wanted = role.get_untracked();
        let chair_role = CHAIR_ROLES
            .iter()
            .find(|(_, id, _)| *id == wanted)
            .map(|(role, ..)| *role)
            .unwrap_or_default();
        problem.set(String::new());
        let review_record = Review {
            date: Some(held),
            chair: Some(Professional {
                name,
                role: chair_role,
                ..Default::default()
            }),
            ..Default::default()
        };
        editor.edit(|plan| *plan = review::start_next_version(plan, review_record));
        let version = editor.plan.with_untracked(review::version_number);
        editor.announce(format!(
            "Review recorded. Version {version} of the plan started; the previous version is kept."
        ));
    };
    view! {
        <section class="review-next" aria-labelledby="review-next-title">
            <h2 id="review-next-title">"After the review: start the next version"</h2>
            <div class="review-form">
                <label for="review-date">"Date of the review"</label>
                <input id="review-date" type="date" data-testid="review-date"
                    prop:value=move || date.get()
                    on:input=move |event| date.set(event_target_value(&event)) />
                <label for="review-chair">"Who chaired it"</label>
                <input id="review-chair" type="text" data-testid="review-chair" autocomplete="off"
                    prop:value=move || chair.get()
                    on:input=move |event| chair.set(event_target_value(&event)) />
                <label for="review-chair-role">"Their role"</label>
                <select id="review-chair-role" data-testid="review-chair-role"
                    prop:value=move || role.get()
                    on:change=move |event| role.set(event_target_value(&event))>
                    {CHAIR_ROLES
                        .iter()
                        .map(|(_, id, label)| view! { <option value=*id>{*label}</option> })
                        .collect_view()}
                </select>
            </div>
            <p class="review-problem" role="alert">{move || problem.get()}</p>
            <button type="button" class="button" data-testid="start-next-version" on:click=start>
                "Start next version"
            </button>
        </section>
    }
}

#[component]
fn Versions() -> impl IntoView {
    let editor = use_editor();
    let shown = RwSignal::new(None::<usize>);
    let versions = Memo::new(move |_| editor.plan.with(review::versions));
    view! {
        <section class="review-versions" aria-labelledby="review-versions-title">
            <h2 id="review-versions-title">"Versions"</h2>
            <ul class="version-list" data-testid="version-list">
                {move || {
                    versions
                        .get()
                        .into_iter()
                        .map(|summary| {
                            let number = summary.number;
                            let words = if summary.current {
                                format!("Version {number} (this one): {} needs, {} actions", summary.needs, summary.actions)
                            } else {
                                format!(
                                    "Version {number}: reviewed {}{}; {} needs, {} actions",
                                    summary.closed_by_review_on.map(cinplan_core::date_words::long_date).unwrap_or_else(|| "(no date)".to_owned()),
                                    summary.chair.map(|chair| format!(", chaired by {chair}")).unwrap_or_default(),
                                    summary.needs,
                                    summary.actions,
                                )
                            };
                            view! {
                                <li data-testid=format!("version-{number}")>
                                    <span>{words}</span>
                                    {(!summary.current).then(|| view! {
                                        <button type="button" class="button-small"
                                            data-testid=format!("show-version-{number}")
                                            aria-pressed=move || if shown.get() == Some(number) { "true" } else { "false" }
                                            on:click=move |_| shown.update(|open| *open = if *open == Some(number) { None } else { Some(number) })>
                                            {format!("Show version {number} beside this one")}
                                        </button>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                shown.get().and_then(|number| {
                    let old = editor.plan.with(|plan| review::version(plan, number).cloned())?;
                    let current = editor.plan.get();
                    Some(view! {
                        <div class="side-by-side" data-testid="side-by-side">
                            {version_table(&old, &format!("Version {number} (read-only)"), "old-version")}
                            {version_table(&current, "This version", "current-version")}
                        </div>
                    })
                })
            }}
        </section>
    }
}

fn version_table(plan: &Plan, caption: &str, testid: &str) -> impl IntoView {
    let rows = plan
        .needs
        .iter()
        .flat_map(|need| {
            need.actions.iter().map(move |action| {
                let rating = match action.progress_rating {
                    Some(ProgressRating::Achieved) => "Achieved",
                    Some(ProgressRating::Partly) => "Partly",
                    Some(ProgressRating::NotYet) => "Not yet",
                    None => "",
                };
                view! {
                    <tr>
                        <td>{need.need.clone()}</td>
                        <td>{action.action.clone()}</td>
                        <td>{action.by_whom.clone()}</td>
                        <td>{action.by_when.clone()}</td>
                        <td>{format!("{rating} {}", action.progress).trim().to_owned()}</td>
                    </tr>
                }
            })
        })
        .collect_view();
    view! {
        <div class="version-table-wrap">
            <table class="version-table" data-testid=testid.to_owned()>
                <caption>{caption.to_owned()}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Need"</th>
                        <th scope="col">"Action"</th>
                        <th scope="col">"By whom"</th>
                        <th scope="col">"By when"</th>
                        <th scope="col">"Progress"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
