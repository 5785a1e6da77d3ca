use std::collections::HashMap;

use chrono::Datelike;
use chrono::NaiveDate;
use cinplan_core::check::calendar_for;
use cinplan_core::timeline::{Event, EventKind, EventState};
use leptos::prelude::*;

use crate::dates;
use crate::state::use_editor;
use crate::timeline_view::{self as tv, LANES};

const WIDTH: f64 = 1000.0;
const PLOT_LEFT: f64 = 170.0;
const PLOT_RIGHT: f64 = 985.0;
const TOP: f64 = 34.0;
const LANE_HEIGHT: f64 = 52.0;
const AXIS_HEIGHT: f64 = 30.0;

/// The timeline as a chart: one band per kind of event, every event the core computes
/// placed on its date with a shape for its state, bank holidays shaded, today and the
/// plan's 12- and 16-week marks drawn across. Each event is focusable; Enter or a click
/// takes the keyboard to the field it comes from.
#[component]
pub fn TimelineChart() -> impl IntoView {
    let editor = use_editor();
    let selected = RwSignal::new(None::<Event>);
    let height = TOP + LANE_HEIGHT * LANES.len() as f64 + AXIS_HEIGHT;

    let chart = move || {
        let timeline = editor.timeline.get();
        let calendar = editor
            .checked
            .with(|plan| calendar_for(plan, &editor.profile.read()));
        let today = editor.today;
        let (start, end) = tv::domain(&timeline.events, today);
        let span = (end - start).num_days().max(1) as f64;
        let x = move |date: NaiveDate| {
            PLOT_LEFT + (date - start).num_days() as f64 / span * (PLOT_RIGHT - PLOT_LEFT)
        };
        let day_width = (PLOT_RIGHT - PLOT_LEFT) / span;
        let lanes_bottom = TOP + LANE_HEIGHT * LANES.len() as f64;

        let lanes = LANES
            .iter()
            .enumerate()
            .map(|(index, name)| {
                let y = TOP + LANE_HEIGHT * index as f64;
                view! {
                    <g class="tl-lane">
                        <rect
                            class=if index % 2 == 0 { "tl-band" } else { "tl-band tl-band-alt" }
                            x="0"
                            y=y.to_string()
                            width=WIDTH.to_string()
                            height=LANE_HEIGHT.to_string()
                        ></rect>
                        <text class="tl-lane-name" x="8" y=(y + LANE_HEIGHT / 2.0 + 5.0).to_string()>
                            {*name}
                        </text>
                    </g>
                }
            })
            .collect_view();

        let holidays = start
            .iter_days()
            .take_while(|day| *day <= end)
            .take(1500)
            .filter_map(|day| {
                let weekend = matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
                match calendar.bank_holiday(day) {
                    Some(name) => Some((day, format!("{name} (bank holiday)"))),
                    // A profile's closure day (the office shut between Christmas and New Year).
                    None if !weekend && !calendar.is_working_day(day) => {
                        Some((day, "Office closed (the profile's closure day)".to_owned()))
                    }
                    None => None,
                }
            })
            .map(|(day, name)| {
                view! {
                    <rect
                        class="tl-holiday"
                        data-holiday=dates::iso(Some(day))
                        x=x(day).to_string()
                        y=TOP.to_string()
                        width=day_width.max(3.0).to_string()
                        height=(lanes_bottom - TOP).to_string()
                    >
                        <title>{format!("{}: {name}", dates::short(day))}</title>
                    </rect>
                }
            })
            .collect_view();

        let ticks = tv::ticks(start, end);
        let monthly = (end - start).num_days() > 70;
        let axis = ticks
            .into_iter()
            .map(|tick| {
                let tick_x = x(tick);
                let label = if monthly {
                    format!("{} {}", dates::month_short(tick.month()), tick.year())
                } else {
                    dates::day_month(tick)
                };
                view! {
                    <g class="tl-tick">
                        <line
                            x1=tick_x.to_string()
                            x2=tick_x.to_string()
                            y1=TOP.to_string()
                            y2=(lanes_bottom + 6.0).to_string()
                        ></line>
                        <text x=tick_x.to_string() y=(lanes_bottom + 22.0).to_string() text-anchor="middle">
                            {label}
                        </text>
                    </g>
                }
            })
            .collect_view();

        let marks_across = timeline
            .events
            .iter()
            .filter(|event| {
                matches!(
                    event.kind,
                    EventKind::TrajectoryTarget | EventKind::TrajectoryLimit
                )
            })
            .map(|event| {
                let line_x = x(event.date);
                // The two marks are four weeks apart, often a few pixels on a long plan:
                // the first is labelled to the left of its line, the second to the right.
                let (label, anchor, label_x) = if event.kind == EventKind::TrajectoryTarget {
                    ("12 weeks", "end", line_x - 4.0)
                } else {
                    ("16 weeks", "start", line_x + 4.0)
                };
                view! {
                    <g class="tl-trajectory">
                        <line
                            x1=line_x.to_string()
                            x2=line_x.to_string()
                            y1=(TOP - 6.0).to_string()
                            y2=lanes_bottom.to_string()
                        ></line>
                        <text x=label_x.to_string() y=(TOP - 10.0).to_string() text-anchor=anchor>
                            {label}
                        </text>
                    </g>
                }
            })
            .collect_view();

        let today_x = x(today);
        let today_line = view! {
            <g class="tl-today" data-date=dates::iso(Some(today))>
                <line
                    x1=today_x.to_string()
                    x2=today_x.to_string()
                    y1=(TOP - 6.0).to_string()
                    y2=(lanes_bottom + 6.0).to_string()
                ></line>
                <text x=today_x.to_string() y="14" text-anchor="middle">{format!("Today, {}", dates::day_month(today))}</text>
            </g>
        };

        // Events on the same day in the same band stack downwards rather than hide.
        let mut stacked: HashMap<(usize, i64), usize> = HashMap::new();
        let plan = editor.checked.get();
        let events = timeline
            .events
            .into_iter()
            .map(|event| {
                let lane = tv::lane(event.kind);
                let event_x = x(event.date);
                let bucket = (event_x / 9.0).round() as i64;
                let depth = stacked.entry((lane, bucket)).or_insert(0);
                let offset = (*depth % 4) as f64 * 9.0;
                *depth += 1;
                let event_y = TOP + LANE_HEIGHT * lane as f64 + 16.0 + offset;
                let label = tv::describe(&plan, &event);
                let source = event.source.clone();
                let source_on_key = event.source.clone();
                let shown = event.clone();
                let shown_on_hover = event.clone();
                view! {
                    <g
                        class=format!("tl-event tl-{}", tv::state_id(event.state))
                        data-event-kind=tv::kind_id(event.kind)
                        data-date=dates::iso(Some(event.date))
                        data-state=tv::state_id(event.state)
                        tabindex="0"
                        role="button"
                        aria-label=label
                        on:click=move |_| {
                            tv::go_to_source(&source);
                        }
                        on:keydown=move |key: leptos::ev::KeyboardEvent| {
                            if key.key() == "Enter" || key.key() == " " {
                                key.prevent_default();
                                tv::go_to_source(&source_on_key);
                            }
                        }
                        on:focus=move |_| selected.set(Some(shown.clone()))
                        on:mouseenter=move |_| selected.set(Some(shown_on_hover.clone()))
                    >
                        {shape(event.state, event_x, event_y)}
                    </g>
                }
            })
            .collect_view();

        view! {
            {lanes}
            {holidays}
            {axis}
            {marks_across}
            {today_line}
            {events}
        }
    };

    let caption = move || match selected.get() {
        Some(event) => {
            let plan = editor.checked.get();
            view! {
                <p class="tl-caption-text">
                    <span class=format!("state-chip state-{}", tv::state_id(event.state))>
                        <span aria-hidden="true">{tv::state_icon(event.state)}" "</span>
                        {tv::state_words(event.state)}
                    </span>
                    " "
                    <strong>{dates::short(event.date)}</strong>
                    {format!(": {} (from {}). ", event.title, tv::source_label(&plan, &event.source))}
                    "Enter or click goes to it."
                </p>
            }
            .into_any()
        }
        None => view! {
            <p class="tl-caption-text muted">"Point at or tab to an event to see what it is."</p>
        }
        .into_any(),
    };

    view! {
        <div class="tl-chart" data-testid="timeline">
            <svg
                class="tl-svg"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="group"
                aria-label="Timeline chart. Each event is a button that goes to the field it comes from; the list view has the same events as a table."
                preserveAspectRatio="xMinYMin meet"
            >
                {chart}
            </svg>
            <div class="tl-caption" aria-live="off">
                {caption}
            </div>
        </div>
    }
}

/// The marker of an event: a shape per state, so state never depends on colour alone.
fn shape(state: EventState, x: f64, y: f64) -> impl IntoView {
    match state {
        EventState::Done => view! {
            <circle class="tl-shape" cx=x.to_string() cy=y.to_string() r="7"></circle>
            <path
                class="tl-glyph"
                d=format!("M{} {} l3 3 l5 -6", x - 4.0, y)
            ></path>
        }
        .into_any(),
        EventState::Due => view! {
            <circle class="tl-shape" cx=x.to_string() cy=y.to_string() r="6.5"></circle>
        }
        .into_any(),
        EventState::DueSoon => view! {
            <path
                class="tl-shape"
                d=format!("M{} {} l8 14 h-16 z", x, y - 8.0)
            ></path>
        }
        .into_any(),
        EventState::Overdue => view! {
            <path
                class="tl-shape"
                d=format!("M{} {} l8 8 l-8 8 l-8 -8 z", x, y - 8.0)
            ></path>
            <path class="tl-glyph" d=format!("M{} {} v5 M{} {} v1.5", x, y - 4.0, x, y + 3.0)></path>
        }
        .into_any(),
    }
}
