//! The family's view: the same plan in plain words, one need per card, editable together
//! on a shared screen. Typing here goes through the editor's state (undo, checks,
//! autosave) exactly as typing in the practitioner's table does.

use cinplan_core::family::{self, ActionCard, FamilyText, FamilyView as Family, GentleNote};
use leptos::prelude::*;

use crate::components::plain_words::{segments_view, WordsField};
use crate::pointer;
use crate::state::{use_editor, Editor};

/// The words of one field: the plain rendering from the last check.
fn plain(text: Option<FamilyText>) -> impl IntoView {
    text.map(|text| {
        if text.text.trim().is_empty() {
            view! { <p class="family-words family-empty">"Not written yet."</p> }.into_any()
        } else {
            view! { <p class="family-words">{segments_view(text.segments)}</p> }.into_any()
        }
    })
}

/// An edit box for the field at `field_pointer`, bound to the editor's plan.
fn edit_box(editor: Editor, field_pointer: String, label: String) -> impl IntoView {
    let id = format!("family-{}", pointer::element_id(&field_pointer));
    let testid = format!("family-{}", pointer::element_id(&field_pointer));
    let reading = field_pointer.clone();
    let pointer_attr = field_pointer.clone();
    let text = Signal::derive(move || {
        editor
            .plan
            .with(|plan| plan.text_at(&reading).unwrap_or("").to_owned())
    });
    let on_input = Callback::new(move |value: String| editor.type_text(&field_pointer, value));
    view! { <WordsField id=id label=label text=text on_input=on_input testid=testid pointer=pointer_attr /> }
}

fn notes_for(notes: &[GentleNote], prefix: &str) -> Vec<GentleNote> {
    notes
        .iter()
        .filter(|note| note.pointer == prefix || note.pointer.starts_with(&format!("{prefix}/")))
        .cloned()
        .collect()
}

fn notes_list(notes: Vec<GentleNote>) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <ul class="gentle-notes">
                {notes
                    .into_iter()
                    .map(|note| view! { <li class="gentle-note">{note.message}</li> })
                    .collect_view()}
            </ul>
        }
    })
}

#[component]
pub fn FamilyView() -> impl IntoView {
    let editor = use_editor();
    let family: Memo<Family> = Memo::new(move |_| {
        let profile = editor.profile.read();
        editor
            .checked
            .with(|plan| family::family_view(plan, &profile, editor.today))
    });
    let notes = Memo::new(move |_| family::gentle_notes(&editor.report.read().findings));
    // Cards are rebuilt only when needs or actions are added or removed, never while
    // typing, so the box being typed in keeps its focus.
    let shape = Memo::new(move |_| {
        editor.plan.with(|plan| {
            plan.needs
                .iter()
                .map(|need| need.actions.len())
                .collect::<Vec<_>>()
        })
    });
    let card_of = move |need: usize| {
        family.with(|family| {
            family
                .cards
                .iter()
                .find(|card| card.need_index == need)
                .cloned()
        })
    };
    let action_of = move |need: usize, action: usize| -> Option<ActionCard> {
        card_of(need).and_then(|card| {
            card.actions
                .into_iter()
                .find(|card| card.action_index == action)
        })
    };

    let status = move || {
        let count = notes.with(|notes| notes.len());
        match count {
            0 => "Nothing to look at together just now.".to_owned(),
            1 => "One thing to look at together.".to_owned(),
            n => format!("{n} things to look at together."),
        }
    };

    view! {
        <section class="family" data-testid="family-view" aria-labelledby="family-title">
            <header class="family-head">
                <h1 id="family-title">{move || family.with(|family| family.title.clone())}</h1>
                <p class="family-intro">{move || family.with(|family| family.intro.clone())}</p>
                {move || {
                    family
                        .with(|family| family.worker.clone())
                        .map(|worker| view! { <p class="family-worker">{worker}</p> })
                }}
                <p class="family-status" role="status" aria-live="polite" data-testid="family-status">
                    {status}
                </p>
            </header>
            <Show
                when=move || !shape.with(|shape| shape.is_empty())
                fallback=|| view! { <p class="family-words">"The plan has no needs written yet."</p> }
            >
                {move || {
                    shape
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(need, actions)| {
                            let need_pointer = format!("/needs/{need}");
                            let heading_id = format!("family-need-{need}");
                            let prefix = need_pointer.clone();
                            let labelled_by = heading_id.clone();
                            view! {
                                <article
                                    class="family-card"
                                    data-testid=format!("family-card-{need}")
                                    aria-labelledby=labelled_by
                                >
                                    <h2 id=heading_id class="family-need">
                                        {format!("Need {}", need + 1)}
                                    </h2>
                                    {move || plain(card_of(need).map(|card| card.need))}
                                    {edit_box(
                                        editor,
                                        format!("{need_pointer}/need"),
                                        "Change what this need says".to_owned(),
                                    )}
                                    {(0..actions)
                                        .map(|action| {
                                            family_action(editor, need, action, action_of)
                                        })
                                        .collect_view()}
                                    {move || notes.with(|notes| notes_list(notes_for(notes, &prefix)))}
                                </article>
                            }
                        })
                        .collect_view()
                }}
            </Show>
            <article class="family-card" aria-labelledby="family-visits-title">
                <h2 id="family-visits-title">
                    {move || family.with(|family| family.visits.heading.clone())}
                </h2>
                {move || plain(Some(family.with(|family| family.visits.text.clone())))}
                {move || {
                    family
                        .with(|family| family.visits.next.clone())
                        .map(|next| view! { <p class="family-when">{format!("Next visit: {}", next.words)}</p> })
                }}
                {move || {
                    family
                        .with(|family| family.next_review.clone())
                        .map(|next| {
                            view! {
                                <p class="family-when">
                                    {format!("Next meeting to look at the plan together: {}", next.words)}
                                </p>
                            }
                        })
                }}
            </article>
            <article class="family-card" aria-labelledby="family-contingency-title">
                <h2 id="family-contingency-title">
                    {move || family.with(|family| family.contingency.heading.clone())}
                </h2>
                {move || plain(Some(family.with(|family| family.contingency.text.clone())))}
                {edit_box(editor, "/contingency".to_owned(), "Change what happens if things do not get better".to_owned())}
                {move || notes.with(|notes| notes_list(notes_for(notes, "/contingency")))}
            </article>
        </section>
    }
}

fn family_action(
    editor: Editor,
    need: usize,
    action: usize,
    action_of: impl Fn(usize, usize) -> Option<ActionCard> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let base = format!("/needs/{need}/actions/{action}");
    let heading_id = format!("family-need-{need}-action-{action}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="family-action" aria-labelledby=labelled_by>
            <h3 id=heading_id>{format!("Step {}", action + 1)}</h3>
            <h4 class="family-label">"What we will do"</h4>
            {move || plain(action_of(need, action).map(|card| card.what_we_will_do))}
            {edit_box(editor, format!("{base}/action"), "Change what we will do".to_owned())}
            <h4 class="family-label">"Who"</h4>
            {move || plain(action_of(need, action).map(|card| card.who))}
            {edit_box(editor, format!("{base}/by_whom"), "Change who".to_owned())}
            <h4 class="family-label">"When"</h4>
            {move || {
                action_of(need, action)
                    .map(|card| {
                        if card.when.summary.trim().is_empty() {
                            plain(Some(card.when.text)).into_any()
                        } else {
                            view! {
                                <p class="family-words family-when" data-testid="family-when">
                                    {card.when.summary}
                                </p>
                            }
                            .into_any()
                        }
                    })
            }}
            {edit_box(editor, format!("{base}/by_when"), "Change when".to_owned())}
            <h4 class="family-label">"What will be different for you"</h4>
            {move || plain(action_of(need, action).map(|card| card.what_will_be_different))}
            {edit_box(editor, format!("{base}/outcome"), "Change what will be different".to_owned())}
        </section>
    }
}
