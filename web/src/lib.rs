//! The cinplan editor: a view of cinplan-core in the browser. Every check, suggestion and
//! date it shows comes from the core, compiled to WebAssembly with the editor; nothing
//! about the plan leaves the browser.

pub mod components;
pub mod dates;
pub mod examples;
pub mod files;
pub mod guest;
pub mod long_check;
pub mod marks;
pub mod pointer;
pub mod rows;
pub mod state;
pub mod storage;
pub mod timeline_view;
pub mod views;

use leptos::prelude::*;

use components::announcer::Announcer;
use components::arrangements::Arrangements;
use components::checks_panel::ChecksPanel;
use components::lazy_view::LazyView;
use components::notices::Notices;
use components::plan_details::PlanDetails;
use components::plan_table::PlanTable;
use components::print_sheet::PrintSheet;
use components::records::Records;
use components::timeline_section::TimelineSection;
use components::toolbar::Toolbar;
use components::view_switcher::ViewSwitcher;
use components::views_section::ViewsSection;
use state::Editor;
use views::{ActiveView, AppView};

/// The whole editor.
#[component]
pub fn App() -> impl IntoView {
    let editor = Editor::start();
    provide_context(editor);
    let active = RwSignal::new(AppView::Plan);
    provide_context(ActiveView(active));

    // Undo and redo work from anywhere, on the editor's own history: the browser's
    // per-field undo would fight with changes made by suggestions and row moves.
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let modifier = event.ctrl_key() || event.meta_key();
        if !modifier || event.alt_key() {
            return;
        }
        let native = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
            .is_some_and(|element| element.has_attribute("data-native-undo"));
        if native {
            return;
        }
        match event.key().to_lowercase().as_str() {
            "z" if event.shift_key() => {
                event.prevent_default();
                editor.redo();
            }
            "z" => {
                event.prevent_default();
                editor.undo();
            }
            "y" => {
                event.prevent_default();
                editor.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    Effect::new(move |_| {
        let name = editor.form.with(|plan| plan.child.name.trim().to_owned());
        document().set_title(&if name.is_empty() {
            "cinplan: Child in Need plan".to_owned()
        } else {
            format!("{name}'s plan – cinplan")
        });
    });

    view! {
        <a class="skip-link" href="#main">"Skip to the plan"</a>
        <header class="header">
            <div class="header-inner">
                <p class="brand">
                    <span class="brand-name">"cinplan"</span>
                    <span class="brand-tag">"Child in Need plan assistant"</span>
                </p>
                <p class="privacy">"Everything stays on this computer: nothing is sent anywhere."</p>
            </div>
            <Toolbar />
            <ViewSwitcher />
            <nav class="section-nav" aria-label="Sections" hidden=move || active.get() != AppView::Plan>
                <a href="#details">"Details"</a>
                <a href="#checks">"Checks"</a>
                <a href="#plan">"The plan"</a>
                <a href="#arrangements">"Visiting and reviews"</a>
                <a href="#views">"Views"</a>
                <a href="#timeline">"Timeline"</a>
                <a href="#f-visits">"Visits held"</a>
            </nav>
        </header>
        <main class="main" id="main" data-view=move || active.get().id()>
            <Notices />
            {move || match active.get() {
                AppView::Plan => view! {
                    <div class="plan-view" data-testid="plan-view">
                        <h1 class="visually-hidden">"Child in Need plan"</h1>
                        <div class="top">
                            <PlanDetails />
                            <ChecksPanel />
                        </div>
                        <PlanTable />
                        <div class="two">
                            <Arrangements />
                            <ViewsSection />
                        </div>
                        <TimelineSection />
                        <Records />
                        <PrintSheet />
                    </div>
                }
                .into_any(),
                // Not in the editor's first download: fetched when first opened.
                view => view! { <LazyView view=view /> }.into_any(),
            }}
        </main>
        <footer class="footer">
            <p>
                "cinplan checks plans against the practice guidance it ships with. It helps you write; it does not decide. "
                "Plans are kept in this browser's storage and in files you save."
            </p>
        </footer>
        <Announcer />
    }
}
