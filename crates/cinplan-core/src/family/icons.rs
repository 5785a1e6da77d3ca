//! The pictures of the child's version: the app's own simple drawings, as SVG text, so
//! nothing is fetched from another host. Each has a `<title>` and an `aria-label`, uses
//! only presentation attributes (no `style`, which a strict Content Security Policy
//! blocks) and no ids (so two copies on a page do not clash).
//!
//! The editor can put the SVG text into the page as it is (it is the app's own, fixed
//! text, not user input) or save it as a file.

use serde::{Deserialize, Serialize};

/// A picture of the child's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Icon {
    /// Two people: who is helping you.
    Helpers,
    /// A clipboard with ticks: what will happen.
    Plan,
    /// A calendar with a clock: when we meet next.
    Calendar,
    /// A smiling star: what will be different for you.
    Star,
    /// A speech bubble: what you told us.
    Speech,
}

impl Icon {
    pub const ALL: [Icon; 5] = [
        Icon::Helpers,
        Icon::Plan,
        Icon::Calendar,
        Icon::Star,
        Icon::Speech,
    ];

    /// The stable id, as serialised: "helpers", "plan", "calendar", "star", "speech".
    pub fn id(self) -> &'static str {
        match self {
            Icon::Helpers => "helpers",
            Icon::Plan => "plan",
            Icon::Calendar => "calendar",
            Icon::Star => "star",
            Icon::Speech => "speech",
        }
    }

    pub fn from_id(id: &str) -> Option<Icon> {
        Icon::ALL.into_iter().find(|icon| icon.id() == id)
    }

    /// What the picture says, for a screen reader (also its `<title>`).
    pub fn label(self) -> &'static str {
        match self {
            Icon::Helpers => "People who are helping you",
            Icon::Plan => "What will happen",
            Icon::Calendar => "When we meet next",
            Icon::Star => "What will be different for you",
            Icon::Speech => "What you told us",
        }
    }

    /// The picture as SVG text, 64 by 64.
    pub fn svg(self) -> &'static str {
        match self {
            Icon::Helpers => include_str!("icons/helpers.svg"),
            Icon::Plan => include_str!("icons/plan.svg"),
            Icon::Calendar => include_str!("icons/calendar.svg"),
            Icon::Star => include_str!("icons/star.svg"),
            Icon::Speech => include_str!("icons/speech.svg"),
        }
    }
}

/// The SVG text of the icon with this id.
pub fn icon_svg(id: &str) -> Option<&'static str> {
    Icon::from_id(id).map(Icon::svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_is_an_accessible_self_contained_svg() {
        for icon in Icon::ALL {
            let svg = icon.svg();
            assert_eq!(Icon::from_id(icon.id()), Some(icon));
            assert_eq!(icon_svg(icon.id()), Some(svg));
            assert!(
                svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
                "{}",
                icon.id()
            );
            assert!(svg.trim_end().ends_with("</svg>"), "{}", icon.id());
            assert!(svg.contains("role=\"img\""), "{}", icon.id());
            assert!(
                svg.contains(&format!("aria-label=\"{}\"", icon.label())),
                "{}",
                icon.id()
            );
            assert!(
                svg.contains(&format!("<title>{}</title>", icon.label())),
                "{}",
                icon.id()
            );
            for forbidden in [
                "style", "<script", "href", " on", " id=", "http://", "https://",
            ] {
                let without_namespace = svg.replacen("http://www.w3.org/2000/svg", "", 1);
                assert!(
                    !without_namespace.contains(forbidden),
                    "{} contains {forbidden:?}",
                    icon.id()
                );
            }
            // Balanced tags: every element is self-closed or closed.
            let opened = svg.matches('<').count();
            let closed = svg.matches("/>").count() + svg.matches("</").count() * 2;
            assert_eq!(opened, closed, "{} has an unclosed element", icon.id());
        }
        assert_eq!(Icon::from_id("dragon"), None);
    }

    #[test]
    fn ids_serialise_as_the_editor_expects() {
        let ids: Vec<String> = Icon::ALL
            .iter()
            .map(|icon| serde_json::to_string(icon).unwrap_or_default())
            .collect();
        assert_eq!(
            ids,
            [
                "\"helpers\"",
                "\"plan\"",
                "\"calendar\"",
                "\"star\"",
                "\"speech\""
            ]
        );
    }
}
