use leptos::prelude::*;

use crate::components::text_field::TextField;

/// The views of the child, of the parents and of others, in their own words where
/// possible.
#[component]
pub fn ViewsSection() -> impl IntoView {
    view! {
        <section class="panel" id="views" aria-labelledby="views-title">
            <h2 id="views-title">"Views"</h2>
            <div class="stack">
                <TextField
                    pointer="/views/child"
                    label="The child's views"
                    hint="What the child said, in their words, and how they were seen."
                    testid="field-views_child"
                    field="views_child"
                    tall=true
                />
                <TextField
                    pointer="/views/parents"
                    label="The parents' views"
                    testid="field-views_parents"
                    field="views_parents"
                    tall=true
                />
                <TextField
                    pointer="/views/others"
                    label="Others' views"
                    hint="School, health, and other people who know the family."
                    testid="field-views_others"
                    field="views_others"
                    tall=true
                />
            </div>
        </section>
    }
}
