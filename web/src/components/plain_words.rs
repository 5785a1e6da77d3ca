//! Text as the family reads it, and fields that edit the plan from the family's screens.

use cinplan_core::family::Segment;
use leptos::prelude::*;

/// Renders plain-words segments as elements (never as HTML from text): a glossary term
/// carries its meaning as a title, and is followed by the meaning in brackets where the
/// core says to explain it.
pub fn segments_view(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|segment| match segment {
            Segment::Text { text } => view! { <span>{text}</span> }.into_any(),
            Segment::Term {
                shown,
                meaning,
                explain,
                ..
            } => {
                let explanation = explain.then(|| {
                    view! { <span class="term-meaning">{format!(" ({meaning})")}</span> }
                });
                view! {
                    <span class="term">
                        <dfn title=meaning.clone()>{shown}</dfn>
                        {explanation}
                    </span>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// A labelled box editing one free-text field of a plan.
#[component]
pub fn WordsField(
    /// Unique element id.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] text: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] testid: Option<String>,
    /// JSON Pointer of the field, on the box as `data-pointer`.
    #[prop(optional, into)]
    pointer: Option<String>,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    view! {
        <div class="words-field">
            <label class="words-label" for=id.clone()>{label}</label>
            <textarea
                id=id
                class="words-input"
                rows="2"
                data-testid=testid
                data-pointer=pointer
                readonly=readonly
                prop:value=move || text.get()
                on:input=move |event| on_input.run(event_target_value(&event))
            ></textarea>
        </div>
    }
}
