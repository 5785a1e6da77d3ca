//! Filling a suggestion's `[placeholders]` the way a practitioner would, for tests that
//! apply every suggestion. Shared by the library's unit tests and the integration tests.

/// The value typed into one placeholder: a plan-like value for the generic ones, and the
/// placeholder's own example for the rest ("[2 weeks]" becomes "2 weeks").
pub fn placeholder_value(inner: &str) -> String {
    match inner {
        "date" => "1 December 2026".to_owned(),
        "start date" => "30 November 2026".to_owned(),
        "first review date" => "16 February 2027".to_owned(),
        "name" => "Sam Jones".to_owned(),
        "role" => "social worker".to_owned(),
        other => other.to_owned(),
    }
}

/// Replaces every `[…]` in `text` by its value.
pub fn fill_placeholders(text: &str) -> String {
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|close| open + close) else {
            break;
        };
        filled.push_str(&rest[..open]);
        filled.push_str(&placeholder_value(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    filled.push_str(rest);
    filled
}
