use leptos::prelude::*;

use crate::state::{use_editor, NoticeKind, SaveState};

/// Messages above the plan: a file that could not be opened (what is wrong and where), a
/// plan restored after a reload, and storage that is full or unavailable.
#[component]
pub fn Notices() -> impl IntoView {
    let editor = use_editor();
    let storage_problem = move || match editor.save_state.get() {
        SaveState::Problem(problem) => Some(problem.explain()),
        _ => None,
    };
    view! {
        <div class="notices">
            <div role="alert" class="notice-slot">
                {move || storage_problem().map(|text| view! {
                    <div class="notice notice-problem" data-testid="storage-notice">
                        <p class="notice-title">
                            <span aria-hidden="true">"⚠ "</span>"Not saved in this browser"
                        </p>
                        <p>{text}</p>
                    </div>
                })}
            </div>
            <div role="status" class="notice-slot">
                {move || editor.notice.get().map(|notice| {
                    let class = match notice.kind {
                        NoticeKind::Success => "notice notice-success",
                        NoticeKind::Problem => "notice notice-problem",
                    };
                    let icon = match notice.kind {
                        NoticeKind::Success => "✓ ",
                        NoticeKind::Problem => "⚠ ",
                    };
                    view! {
                        <div class=class data-testid="notice" data-kind=match notice.kind {
                            NoticeKind::Success => "success",
                            NoticeKind::Problem => "problem",
                        }>
                            <p class="notice-title">
                                <span aria-hidden="true">{icon}</span>
                                {notice.title}
                            </p>
                            <p>{notice.detail}</p>
                            <button
                                type="button"
                                class="button button-small button-secondary"
                                on:click=move |_| editor.notice.set(None)
                            >
                                "Dismiss"
                            </button>
                        </div>
                    }
                })}
            </div>
        </div>
    }
}
