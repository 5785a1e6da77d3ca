//! The child's own version of the plan, with a picture for each part, to print.

use cinplan_core::family;
use leptos::prelude::*;

use crate::components::plain_words::segments_view;
use crate::state::use_editor;

#[component]
pub fn ChildView() -> impl IntoView {
    let editor = use_editor();
    let version = Memo::new(move |_| {
        let profile = editor.profile.read();
        editor
            .checked
            .with(|plan| family::child_version(plan, &profile, editor.today))
    });
    let print = move |_| {
        if let Err(error) = window().print() {
            leptos::logging::warn!("print failed: {error:?}");
        }
    };
    view! {
        <section class="child" data-testid="child-view" aria-labelledby="child-title">
            <div class="child-tools no-print">
                <button type="button" class="button" data-testid="child-print" on:click=print>
                    "Print the child's version"
                </button>
            </div>
            <h1 id="child-title" class="child-title">{move || version.with(|v| v.title.clone())}</h1>
            <p class="child-greeting">{move || version.with(|v| v.greeting.clone())}</p>
            {move || {
                version
                    .with(|v| v.next_time_we_meet.clone())
                    .map(|date| view! { <p class="child-next">{format!("We meet next on {}.", date.words)}</p> })
            }}
            <div class="child-parts">
                {move || {
                    version
                        .get()
                        .parts
                        .into_iter()
                        .map(|part| {
                            view! {
                                <section class="child-part" data-testid="child-part">
                                    // The picture is one of the app's own static SVG strings
                                    // compiled into the core (family::icons), never user text,
                                    // so setting it as HTML cannot inject anything.
                                    <div class="child-icon" aria-hidden="true" inner_html=part.icon.svg()></div>
                                    <div class="child-text">
                                        <h2 class="child-heading">{part.heading}</h2>
                                        {part
                                            .sentences
                                            .into_iter()
                                            .map(|sentence| view! { <p>{segments_view(sentence)}</p> })
                                            .collect_view()}
                                    </div>
                                </section>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </section>
    }
}
