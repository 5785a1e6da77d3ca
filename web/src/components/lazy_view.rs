//! Shows a view that lives in the on-demand module (the family view, the child's version,
//! the review, training): fetches the module the first time, mounts the view with the
//! plan as it is, and keeps the two in step. The plan, its storage and its undo history
//! stay with this editor; the view edits a copy and hands back each change.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use cinplan_core::plan::Plan;
use js_sys::{Array, Function, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{use_editor, Editor, NoticeKind};
use crate::views::AppView;

#[wasm_bindgen(module = "/src/on_demand.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = loadViews)]
    async fn load_views() -> Result<JsValue, JsValue>;
}

/// Fetches the views module in the background, as the last part of loading the page, so
/// that the family view opens at once, and still opens when the connection is gone by
/// then (a laptop taken from the office to a family's home). Errors are left for opening
/// a view to report (and to try again). Then starts the worker that checks long fields
/// (see long_check.rs), for the same reason.
pub fn prefetch_views() {
    spawn_local(async {
        if let Err(error) = load_views().await {
            leptos::logging::log!("the views module was not fetched yet: {}", describe(&error));
        }
        crate::long_check::start_worker();
    });
}

/// The file text of an example plan, which the views module keeps (src/examples.rs);
/// fetches the module first if it is not there yet.
pub async fn example_plan_json(id: &str) -> Result<String, String> {
    call_views("examplePlan", &[id])
        .await?
        .ok_or_else(|| format!("there is no example called \"{id}\""))
}

/// Calls the views module's function `name` with text arguments, for text back (`None`
/// when it gives none); fetches the module first if it is not there yet. Errors, thrown
/// or in fetching, as words.
pub async fn call_views(name: &str, arguments: &[&str]) -> Result<Option<String>, String> {
    let module = load_views().await.map_err(|error| describe(&error))?;
    let arguments: Vec<JsValue> = arguments
        .iter()
        .map(|&text| JsValue::from_str(text))
        .collect();
    call_method(&module, name, &arguments)
        .map(|value| value.as_string())
        .map_err(|error| describe(&error))
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ModuleState {
    Loading,
    Shown,
    Failed(String),
}

/// What must live as long as the view is mounted.
struct Mounted {
    /// The module's `MountedView`.
    view: JsValue,
    _changed: Closure<dyn FnMut(String)>,
    _switch_to: Closure<dyn FnMut(String, String)>,
}

#[component]
pub fn LazyView(view: AppView) -> impl IntoView {
    let editor = use_editor();
    let container = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(ModuleState::Loading);
    let mounted: StoredValue<Option<Mounted>, LocalStorage> = StoredValue::new_local(None);
    // The plan's JSON as last exchanged with the view, so nothing is echoed back.
    let exchanged = StoredValue::new(String::new());
    let alive = Arc::new(AtomicBool::new(true));
    let attempt = RwSignal::new(0u32);

    let still_here = alive.clone();
    Effect::new(move |_| {
        attempt.track();
        let Some(element) = container.get() else {
            return;
        };
        let still_here = still_here.clone();
        state.set(ModuleState::Loading);
        spawn_local(async move {
            let result = match load_views().await {
                Ok(module) if still_here.load(Ordering::Relaxed) => {
                    mount(&module, element.into(), view, editor, exchanged)
                }
                Ok(_) => return,
                Err(error) => Err(describe(&error)),
            };
            if !still_here.load(Ordering::Relaxed) {
                return;
            }
            match result {
                Ok(done) => {
                    mounted.set_value(Some(done));
                    state.set(ModuleState::Shown);
                }
                Err(problem) => {
                    editor.show_notice(
                        NoticeKind::Problem,
                        format!("The {} could not be opened", view.label().to_lowercase()),
                        format!("{problem}. Your plan is safe in the Plan view."),
                    );
                    state.set(ModuleState::Failed(problem));
                }
            }
        });
    });

    // The editor's plan changed (an undo, a file opened, another plan): show it in the view.
    Effect::new(move |_| {
        editor.plan.track();
        mounted.with_value(|mounted| {
            let Some(mounted) = mounted else { return };
            let json = editor.plan.with_untracked(Plan::to_json);
            if exchanged.with_value(|sent| *sent == json) {
                return;
            }
            exchanged.set_value(json.clone());
            if let Err(error) = call_method(&mounted.view, "setPlan", &[JsValue::from_str(&json)]) {
                leptos::logging::warn!("the view refused the plan: {}", describe(&error));
            }
        });
    });

    on_cleanup(move || {
        alive.store(false, Ordering::Relaxed);
        if let Some(done) = mounted.try_update_value(Option::take).flatten() {
            if let Err(error) = call_method(&done.view, "unmount", &[]) {
                leptos::logging::warn!("the view did not unmount: {}", describe(&error));
            }
        }
    });

    view! {
        <div class="lazy-view" data-testid="lazy-view" data-view=view.id() aria-busy=move || (state.get() == ModuleState::Loading).to_string()>
            <p class="lazy-loading" hidden=move || state.get() != ModuleState::Loading>
                {format!("Opening the {}…", view.label().to_lowercase())}
            </p>
            <div class="lazy-problem" role="alert" hidden=move || !matches!(state.get(), ModuleState::Failed(_))>
                <p>{move || match state.get() {
                    ModuleState::Failed(problem) => format!("The {} could not be opened: {problem}.", view.label().to_lowercase()),
                    _ => String::new(),
                }}</p>
                <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                    "Try again"
                </button>
            </div>
            <div node_ref=container></div>
        </div>
    }
}

/// Mounts `view` from the loaded module into `element`.
fn mount(
    module: &JsValue,
    element: web_sys::HtmlElement,
    view: AppView,
    editor: Editor,
    exchanged: StoredValue<String>,
) -> Result<Mounted, String> {
    let mount_view: Function = Reflect::get(module, &JsValue::from_str("mountView"))
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or_else(|| "the views module has no mountView".to_owned())?;
    let changed =
        Closure::<dyn FnMut(String)>::new(move |json: String| match Plan::from_json(&json) {
            Ok(plan) => {
                // The guest wrote `json` with `Plan::to_json`, as this editor would.
                exchanged.set_value(json);
                editor.accept_from_guest(plan);
            }
            Err(error) => leptos::logging::warn!("a change from the view was not a plan: {error}"),
        });
    let switch_to = Closure::<dyn FnMut(String, String)>::new(move |json: String, id: String| {
        match Plan::from_json(&json) {
            Ok(plan) => editor.switch_to(plan, id),
            Err(error) => {
                leptos::logging::warn!("the view opened something that is not a plan: {error}")
            }
        }
    });
    let plan_json = editor.plan.with_untracked(Plan::to_json);
    exchanged.set_value(plan_json.clone());
    let profiles = serde_json::to_string(&editor.custom_profiles.get_untracked())
        .map_err(|error| format!("the loaded profiles could not be passed on: {error}"))?;
    let arguments = Array::of5(
        &element.into(),
        &JsValue::from_str(view.id()),
        &JsValue::from_str(&plan_json),
        &JsValue::from_str(&editor.plan_id.get_untracked()),
        &JsValue::from_str(&profiles),
    );
    arguments.push(changed.as_ref());
    arguments.push(switch_to.as_ref());
    let view = mount_view
        .apply(&JsValue::NULL, &arguments)
        .map_err(|error| describe(&error))?;
    Ok(Mounted {
        view,
        _changed: changed,
        _switch_to: switch_to,
    })
}

fn call_method(target: &JsValue, name: &str, arguments: &[JsValue]) -> Result<JsValue, JsValue> {
    let method: Function = Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    method.apply(target, &arguments.iter().collect::<Array>())
}

/// A JavaScript error as words.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser gave no reason".to_owned())
}
