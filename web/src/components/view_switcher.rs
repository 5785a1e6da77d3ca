use leptos::prelude::*;

use crate::state::use_editor;
use crate::views::{use_active_view, AppView};

/// Buttons that switch between the views of the same plan. Toggle buttons (aria-pressed)
/// rather than tabs: each view is a whole page, reached with Tab and Enter like any button.
#[component]
pub fn ViewSwitcher() -> impl IntoView {
    let active = use_active_view().0;
    let editor = use_editor();
    view! {
        <nav class="view-switcher" aria-label="Views of the plan" data-testid="view-switcher">
            {AppView::ALL
                .into_iter()
                .map(|view| {
                    view! {
                        <button
                            type="button"
                            class="view-button"
                            data-testid=format!("view-{}", view.id())
                            aria-pressed=move || if active.get() == view { "true" } else { "false" }
                            on:click=move |_| {
                                active.set(view);
                                editor.announce(format!("{} shown.", view.label()));
                            }
                        >
                            {view.label()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
