//! The on-demand side of the app: the family view, the child's version, the review and
//! training, mounted by the main editor into its page from a second WebAssembly module
//! (the `cinplan-views` binary). Keeping them out of the editor's first download lets the
//! plan editor start sooner; they work on the main editor's plan through a guest editor
//! (`Editor::guest`), which hands every change back.

use std::any::Any;

use cinplan_core::plan::Plan;
use cinplan_core::profile::Profile;
use leptos::prelude::*;

use crate::components::announcer::Announcer;
use crate::components::child_view::ChildView;
use crate::components::family_view::FamilyView;
use crate::components::review_view::ReviewView;
use crate::components::training_view::TrainingView;
use crate::state::{Editor, HostLink};
use crate::views::AppView;

/// A view mounted in the main editor's page. Dropping it removes the view from the page.
#[derive(Debug)]
pub struct GuestView {
    editor: Editor,
    /// Leptos's handle for the mounted view; unmounts the view when dropped.
    _mounted: Box<dyn Any>,
}

impl GuestView {
    /// Mounts `view` (its id, e.g. "family") into `container`, editing a copy of the plan
    /// given as JSON. `custom_profiles` is the JSON list of profiles the user loaded.
    pub fn mount(
        container: web_sys::HtmlElement,
        view: &str,
        plan_json: &str,
        plan_id: String,
        custom_profiles: &str,
        host: HostLink,
    ) -> Result<GuestView, String> {
        let view = AppView::from_id(view)
            .filter(|view| view.loads_on_demand())
            .ok_or_else(|| format!("there is no view called \"{view}\" to load"))?;
        let plan = Plan::from_json(plan_json).map_err(|error| error.to_string())?;
        let profiles: Vec<Profile> = serde_json::from_str(custom_profiles)
            .map_err(|error| format!("the loaded profiles could not be read: {error}"))?;
        let slot = std::rc::Rc::new(std::cell::Cell::new(None));
        let editor_out = slot.clone();
        let mounted = leptos::mount::mount_to(container, move || {
            let editor = Editor::guest(plan, plan_id, profiles, host);
            provide_context(editor);
            editor_out.set(Some(editor));
            view! {
                {match view {
                    AppView::Family => view! { <FamilyView /> }.into_any(),
                    AppView::Child => view! { <ChildView /> }.into_any(),
                    AppView::Review => view! { <ReviewView /> }.into_any(),
                    AppView::Training | AppView::Plan => view! { <TrainingView /> }.into_any(),
                }}
                <Announcer />
            }
        });
        let editor = slot
            .take()
            .ok_or_else(|| "the view did not start".to_owned())?;
        Ok(GuestView {
            editor,
            _mounted: Box::new(mounted),
        })
    }

    /// The main editor's plan changed (an undo, a file opened, another plan chosen).
    pub fn set_plan(&self, plan_json: &str) -> Result<(), String> {
        let plan = Plan::from_json(plan_json).map_err(|error| error.to_string())?;
        self.editor.take_from_host(plan);
        Ok(())
    }
}
