use leptos::prelude::*;

use crate::components::text_field::TextField;

/// How the plan will be kept going: how often the child is seen, how often the plan is
/// reviewed, and what happens if things do not improve.
#[component]
pub fn Arrangements() -> impl IntoView {
    view! {
        <section class="panel" id="arrangements" aria-labelledby="arrangements-title">
            <h2 id="arrangements-title">"Visiting, reviews and contingency"</h2>
            <div class="stack">
                <TextField
                    pointer="/visiting"
                    label="Visiting"
                    hint="Who will see the child, where, how often, and whether on their own."
                    testid="field-visiting"
                    field="visiting"
                />
                <TextField
                    pointer="/review_frequency"
                    label="Review frequency"
                    hint="How often the plan is reviewed, and the first review date."
                    testid="field-review_frequency"
                    field="review_frequency"
                />
                <TextField
                    pointer="/contingency"
                    label="Contingency"
                    hint="What will happen if things do not improve or get worse, and who will act."
                    testid="field-contingency"
                    field="contingency"
                    tall=true
                />
            </div>
        </section>
    }
}
