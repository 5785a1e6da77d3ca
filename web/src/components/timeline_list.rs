use leptos::prelude::*;

use crate::dates;
use crate::state::use_editor;
use crate::timeline_view as tv;

/// The same events as the chart, as a table: for screen readers, narrow screens and
/// anyone who prefers reading dates to looking at them.
#[component]
pub fn TimelineList() -> impl IntoView {
    let editor = use_editor();
    let rows = move || {
        let plan = editor.checked.get();
        editor
            .timeline
            .get()
            .events
            .into_iter()
            .map(|event| {
                let source = event.source.clone();
                let from = tv::source_label(&plan, &event.source);
                view! {
                    <tr
                        data-event-kind=tv::kind_id(event.kind)
                        data-date=dates::iso(Some(event.date))
                        data-state=tv::state_id(event.state)
                    >
                        <td class="tl-date" data-label="Date">
                            <time datetime=dates::iso(Some(event.date))>{dates::short(event.date)}</time>
                        </td>
                        <td data-label="What">{event.title.clone()}</td>
                        <td data-label="State">
                            <span class=format!("state-chip state-{}", tv::state_id(event.state))>
                                <span aria-hidden="true">{tv::state_icon(event.state)}" "</span>
                                {tv::state_words(event.state)}
                            </span>
                        </td>
                        <td data-label="From">
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    tv::go_to_source(&source);
                                }
                            >
                                {from}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let empty = move || editor.timeline.with(|timeline| timeline.events.is_empty());
    view! {
        <div class="tl-list" data-testid="timeline-list">
            <Show
                when=move || !empty()
                fallback=|| view! {
                    <p class="muted">
                        "No dates yet. Give the planning meeting and first review dates, and a date or frequency in each \"By when\", and they appear here."
                    </p>
                }
            >
                <table class="table">
                    <caption class="visually-hidden">"Every date of the plan, earliest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"What"</th>
                            <th scope="col">"State"</th>
                            <th scope="col">"From (go to it)"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </div>
    }
}
