//! The on-demand module: the family view, the child's version, the review and training,
//! loaded by the editor the first time one of them is opened (see src/guest.rs and
//! components/lazy_view.rs). Nothing runs until the editor calls `mountView`.

use cinplan_web::guest::GuestView;
use cinplan_web::state::HostLink;
use wasm_bindgen::prelude::*;

fn main() {}

/// A mounted view, as the editor's JavaScript sees it.
#[wasm_bindgen]
#[derive(Debug)]
pub struct MountedView(GuestView);

#[wasm_bindgen]
impl MountedView {
    /// Shows the editor's plan as it is now.
    #[wasm_bindgen(js_name = setPlan)]
    pub fn set_plan(&self, plan_json: &str) -> Result<(), JsError> {
        self.0
            .set_plan(plan_json)
            .map_err(|error| JsError::new(&error))
    }

    /// Removes the view from the page.
    pub fn unmount(self) {}
}

/// The file text of the example plan `id` for the editor's toolbar (see src/examples.rs:
/// kept here, out of the editor's first download), or `undefined` for an unknown id.
#[wasm_bindgen(js_name = examplePlan)]
pub fn example_plan(id: &str) -> Option<String> {
    cinplan_web::examples::example_json(id).map(str::to_owned)
}

/// The plan's dates as an iCalendar file, for the editor's "Download dates" button (see
/// `timeline_ics` in src/files.rs): the plan and its profile as JSON, today as
/// `YYYY-MM-DD`.
#[wasm_bindgen(js_name = timelineIcs)]
pub fn timeline_ics(plan_json: &str, profile_json: &str, today: &str) -> Result<String, JsError> {
    cinplan_web::files::timeline_ics(
        plan_json,
        profile_json,
        today,
        cinplan_web::dates::now_utc(),
    )
    .map_err(|error| JsError::new(&error))
}

/// Mounts a view into `container`. `changed(planJson)` is called after each change made in
/// the view; `switchTo(planJson, id)` when the view opens another plan.
#[wasm_bindgen(js_name = mountView)]
pub fn mount_view(
    container: web_sys::HtmlElement,
    view: &str,
    plan_json: &str,
    plan_id: String,
    custom_profiles: &str,
    changed: js_sys::Function,
    switch_to: js_sys::Function,
) -> Result<MountedView, JsError> {
    console_error_panic_hook::set_once();
    GuestView::mount(
        container,
        view,
        plan_json,
        plan_id,
        custom_profiles,
        HostLink::new(changed, switch_to),
    )
    .map(MountedView)
    .map_err(|error| JsError::new(&error))
}
