//! Which of the app's views is on screen: the practitioner's plan, the family's view, the
//! child's version, the review, or training. Every view works on the same plan (the
//! editor's state), so typing in one is seen in all and autosaved once.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppView {
    Plan,
    Family,
    Child,
    Review,
    Training,
}

impl AppView {
    pub const ALL: [AppView; 5] = [
        AppView::Plan,
        AppView::Family,
        AppView::Child,
        AppView::Review,
        AppView::Training,
    ];

    pub fn id(self) -> &'static str {
        match self {
            AppView::Plan => "plan",
            AppView::Family => "family",
            AppView::Child => "child",
            AppView::Review => "review",
            AppView::Training => "training",
        }
    }

    pub fn from_id(id: &str) -> Option<AppView> {
        AppView::ALL.into_iter().find(|view| view.id() == id)
    }

    /// Whether the view is in the on-demand module rather than the editor's first download.
    pub fn loads_on_demand(self) -> bool {
        self != AppView::Plan
    }

    pub fn label(self) -> &'static str {
        match self {
            AppView::Plan => "Plan",
            AppView::Family => "Family view",
            AppView::Child => "Child's version",
            AppView::Review => "Review",
            AppView::Training => "Training",
        }
    }
}

/// The view on screen, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct ActiveView(pub RwSignal<AppView>);

pub fn use_active_view() -> ActiveView {
    expect_context::<ActiveView>()
}
