use cinplan_core::date_words;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::lazy_view::call_views;
use crate::components::timeline_chart::TimelineChart;
use crate::components::timeline_list::TimelineList;
use crate::files;
use crate::state::{use_editor, NoticeKind};

/// The live timeline of the plan: chart or list, a key to its shapes, and the dates as an
/// iCalendar file for the practitioner's own calendar.
#[component]
pub fn TimelineSection() -> impl IntoView {
    let editor = use_editor();
    let show_list = RwSignal::new(false);
    let count = move || editor.timeline.with(|timeline| timeline.events.len());
    // The calendar writer lives in the views module (out of the first download), which
    // the page fetched after loading: usually there already when the button is pressed.
    let download = move |_| {
        let plan = editor.checked.get_untracked();
        let plan_json = plan.to_json();
        let name = format!("{}-dates.ics", files::slug(plan.child_name()));
        let profile_json = editor.profile_json();
        let today = date_words::iso(editor.today);
        spawn_local(async move {
            let made = call_views("timelineIcs", &[&plan_json, &profile_json, &today]).await;
            let downloaded = made.and_then(|text| {
                files::download(&name, "text/calendar", &text.unwrap_or_default())
            });
            match downloaded {
                Ok(()) => editor.announce(format!("Downloading {name}.")),
                Err(error) => editor.show_notice(
                    NoticeKind::Problem,
                    "The dates could not be downloaded",
                    error,
                ),
            }
        });
    };
    view! {
        <section
            class="panel timeline"
            id="timeline"
            aria-labelledby="timeline-title"
            class:timeline-as-list=move || show_list.get()
        >
            <div class="section-header">
                <h2 id="timeline-title">"Timeline"</h2>
                <p class="section-hint">
                    {move || match count() {
                        0 => "No dates yet.".to_owned(),
                        1 => "1 date, worked out from the plan in working days.".to_owned(),
                        n => format!("{n} dates, worked out from the plan in working days."),
                    }}
                </p>
                <div class="toolbar-group" role="group" aria-label="Timeline view">
                    <button
                        type="button"
                        class="button button-small button-toggle view-chart"
                        aria-pressed=move || if show_list.get() { "false" } else { "true" }
                        on:click=move |_| show_list.set(false)
                    >
                        "Chart"
                    </button>
                    <button
                        type="button"
                        class="button button-small button-toggle"
                        data-testid="timeline-show-list"
                        aria-pressed=move || if show_list.get() { "true" } else { "false" }
                        on:click=move |_| show_list.set(true)
                    >
                        "List"
                    </button>
                    <button
                        type="button"
                        class="button button-small button-secondary"
                        data-testid="download-ics"
                        on:click=download
                    >
                        "Download dates (.ics)"
                    </button>
                </div>
            </div>
            <ul class="legend" aria-label="Key">
                <li><span class="legend-shape legend-done" aria-hidden="true"></span>"Done (filled circle with a tick)"</li>
                <li><span class="legend-shape legend-due" aria-hidden="true"></span>"Due (open circle)"</li>
                <li><span class="legend-shape legend-due-soon" aria-hidden="true"></span>"Due within 5 working days (triangle)"</li>
                <li><span class="legend-shape legend-overdue" aria-hidden="true"></span>"Overdue (diamond with !)"</li>
                <li><span class="legend-shape legend-holiday" aria-hidden="true"></span>"Bank holiday or closure day (shaded)"</li>
                <li><span class="legend-shape legend-today" aria-hidden="true"></span>"Today (line)"</li>
            </ul>
            <TimelineChart />
            <TimelineList />
        </section>
    }
}
