//! A labelled date of the plan in the browser's own date picker: plan details, visits
//! and reviews held all use it.

use chrono::NaiveDate;
use cinplan_core::plan::Plan;
use leptos::prelude::*;

use crate::dates;
use crate::state::use_editor;

/// A date of the plan in a native date picker; clearing it sets the date to none. Each
/// change is one undoable edit.
#[component]
pub fn DateInput(
    /// Element id (derived from the date's pointer, so timeline events can focus it).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Reads the date from the plan.
    get: impl Fn(&Plan) -> Option<NaiveDate> + Copy + Send + Sync + 'static,
    /// Writes the date into the plan.
    set: impl Fn(&mut Plan, Option<NaiveDate>) + Copy + Send + Sync + 'static,
    /// The `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let editor = use_editor();
    let value = move || editor.form.with(|plan| dates::iso(get(plan)));
    view! {
        <div class="control control-date">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                class="input"
                type="date"
                data-testid=testid
                prop:value=value
                on:change=move |event| {
                    let date = dates::parse_iso(&event_target_value(&event));
                    editor.edit(|plan| set(plan, date));
                }
            />
        </div>
    }
}
