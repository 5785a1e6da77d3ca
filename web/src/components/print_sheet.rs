//! The practitioner's plan as printed: a clean A4 table of needs and actions with each
//! action's due date, and the next dates from the timeline. Hidden on screen; the
//! interactive editor is hidden in print instead (style.css, `@media print`).

use cinplan_core::review;
use cinplan_core::timeline::EventState;
use leptos::prelude::*;

use crate::state::use_editor;
use crate::timeline_view;

/// How many of the next dates the printed plan lists.
const NEXT_DATES: usize = 12;

fn long(date: chrono::NaiveDate) -> String {
    cinplan_core::date_words::long_date(date)
}

#[component]
pub fn PrintSheet() -> impl IntoView {
    let editor = use_editor();
    let rows = Memo::new(move |_| {
        let profile = editor.profile.read();
        editor
            .checked
            .with(|plan| review::progress_sheet(plan, &profile, editor.today))
    });
    let next_dates = move || {
        editor.timeline.with(|timeline| {
            timeline
                .events
                .iter()
                .filter(|event| event.date >= editor.today && event.state != EventState::Done)
                .take(NEXT_DATES)
                .map(|event| {
                    (
                        long(event.date),
                        format!(
                            "{} ({})",
                            event.title,
                            timeline_view::state_words(event.state)
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let heading = move || {
        editor.checked.with(|plan| {
            let name = plan.child.name.trim();
            if name.is_empty() {
                "Child in Need plan".to_owned()
            } else {
                format!("Child in Need plan for {name}")
            }
        })
    };
    let lead = move || {
        editor.checked.with(|plan| {
            plan.lead_professional
                .as_ref()
                .map(|lead| lead.name.trim().to_owned())
                .filter(|name| !name.is_empty())
                .map(|name| format!("Lead professional: {name}"))
        })
    };
    view! {
        <section class="print-sheet" data-testid="print-sheet" aria-label="The plan as printed">
            <h1 class="print-title">{heading}</h1>
            <p>{lead}</p>
            <p>{move || format!("Printed on {}, version {} of the plan.", long(editor.today), editor.form.with(review::version_number))}</p>
            <table class="print-table" data-testid="print-table">
                <caption>"Needs and actions"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Need"</th>
                        <th scope="col">"Action"</th>
                        <th scope="col">"By whom"</th>
                        <th scope="col">"By when"</th>
                        <th scope="col">"Due"</th>
                        <th scope="col">"Progress"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|row| {
                                view! {
                                    <tr>
                                        <td>{row.need}</td>
                                        <td>{row.action}</td>
                                        <td>{row.by_whom}</td>
                                        <td>{row.by_when}</td>
                                        <td>{row.due.map(long).unwrap_or_default()}</td>
                                        <td>{row.progress}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <h2 class="print-subtitle">"Next dates"</h2>
            <table class="print-table print-dates" data-testid="print-dates">
                <thead>
                    <tr>
                        <th scope="col">"Date"</th>
                        <th scope="col">"What"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        next_dates()
                            .into_iter()
                            .map(|(date, what)| view! { <tr><td>{date}</td><td>{what}</td></tr> })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </section>
    }
}
