//! Where in a JSON file a serde_json error happened, as a JSON Pointer.
//!
//! serde_json says on which line and column it refused a value; the pointer is found by
//! walking the text up to that spot once, after the failure. This replaces
//! serde_path_to_error, which tracked the path during every parse by wrapping each
//! visitor: about 100 KB of WebAssembly for something only a failing file needs.
//!
//! Meant for data errors in valid JSON (plans and profiles are parsed into a `Value`
//! first); on broken JSON it names the value reading stopped in, and it never panics on any
//! text or position. serde_json reports data errors at one of these spots:
//! - just after a scalar it refused (wrong type, unknown variant, impossible date);
//! - just after the `}` or `]` of an object or array refused as a whole (a missing field,
//!   too few items);
//! - just after an object key it refused (unknown or repeated field);
//! - before the `{` or `[` of a value of the wrong type.

use serde_json::Error;

/// The JSON Pointer ("" for the whole document) of the value `error` is about.
pub(crate) fn pointer_of_error(text: &str, error: &Error) -> String {
    pointer_at(text, byte_offset(text, error.line(), error.column()))
}

/// serde_json counts lines from 1 and columns as bytes from the start of the line.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, byte)| byte == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(index, _)| index + 1)
    };
    line_start.saturating_add(column).min(text.len())
}

#[derive(Debug)]
enum Frame {
    /// An object and the key of its value being read, if one was read since the last comma.
    Object(Option<String>),
    /// An array and the index of its latest value, if one has begun.
    Array(Option<usize>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Open,
    Key,
    Colon,
    Comma,
    ValueEnd,
}

fn pointer_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let offset = offset.min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut last = Last::Open;
    let mut last_end = 0;
    let mut index = 0;
    while index < offset && index < bytes.len() {
        let byte = bytes[index];
        let start = index;
        index += 1;
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => continue,
            b'{' | b'[' => {
                begin_value(&mut frames);
                frames.push(if byte == b'{' {
                    Frame::Object(None)
                } else {
                    Frame::Array(None)
                });
                last = Last::Open;
            }
            b'}' | b']' => {
                frames.pop();
                last = Last::ValueEnd;
            }
            b',' => {
                if let Some(Frame::Object(key)) = frames.last_mut() {
                    *key = None;
                }
                last = Last::Comma;
            }
            b':' => last = Last::Colon,
            b'"' => {
                let mut escaped = false;
                while let Some(&next) = bytes.get(index) {
                    index += 1;
                    match next {
                        b'\\' if !escaped => escaped = true,
                        b'"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                let is_key = matches!(frames.last(), Some(Frame::Object(_)))
                    && matches!(last, Last::Open | Last::Comma);
                if is_key {
                    let key = text
                        .get(start..index)
                        .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
                        .unwrap_or_default();
                    if let Some(Frame::Object(slot)) = frames.last_mut() {
                        *slot = Some(key);
                    }
                    last = Last::Key;
                } else {
                    begin_value(&mut frames);
                    last = Last::ValueEnd;
                }
            }
            _ => {
                while bytes.get(index).is_some_and(|next| {
                    !matches!(
                        next,
                        b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}' | b':'
                    )
                }) {
                    index += 1;
                }
                begin_value(&mut frames);
                last = Last::ValueEnd;
            }
        }
        last_end = index;
    }
    let right_after = last_end == offset;
    let next = bytes[offset..]
        .iter()
        .find(|byte| !byte.is_ascii_whitespace());
    let innermost_counts = match last {
        Last::ValueEnd => right_after,
        Last::Key => true,
        Last::Colon => true,
        Last::Open | Last::Comma => {
            if let Some(Frame::Array(latest)) = frames.last_mut() {
                if next == Some(&b']') {
                    false
                } else {
                    *latest = Some(latest.map_or(0, |latest| latest + 1));
                    true
                }
            } else {
                false
            }
        }
    };
    let mut pointer = String::new();
    let count = frames.len();
    for (depth, frame) in frames.iter().enumerate() {
        if depth + 1 == count && !innermost_counts {
            break;
        }
        match frame {
            Frame::Object(Some(key)) => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Frame::Array(Some(position)) => {
                pointer.push('/');
                pointer.push_str(&position.to_string());
            }
            Frame::Object(None) | Frame::Array(None) => {}
        }
    }
    pointer
}

/// A value starts inside the innermost container: in an array, that is the next index.
fn begin_value(frames: &mut [Frame]) {
    if let Some(Frame::Array(latest)) = frames.last_mut() {
        *latest = Some(latest.map_or(0, |latest| latest + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Period {
        count: u32,
        unit: Unit,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Unit {
        Days,
        WorkingDays,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Document {
        name: String,
        periods: BTreeMap<String, Period>,
        #[serde(default)]
        rows: Vec<Vec<Period>>,
        #[serde(default)]
        pair: Option<(String, String)>,
    }

    #[track_caller]
    fn pointer_for(text: &str) -> String {
        match serde_json::from_str::<Document>(text) {
            Ok(document) => panic!("accepted {document:?}"),
            Err(error) => pointer_of_error(text, &error),
        }
    }

    #[test]
    fn a_wrong_scalar_is_named() {
        assert_eq!(
            pointer_for(r#"{"name": "x", "periods": {"a/b~c": {"count": "ten", "unit": "days"}}}"#),
            "/periods/a~1b~0c/count"
        );
        assert_eq!(
            pointer_for(
                "{\"name\": \"x\",\n \"periods\": {\"a\": {\"count\": 1,\n \"unit\": \"fortnights\"}}}"
            ),
            "/periods/a/unit"
        );
        assert_eq!(pointer_for(r#"{"name": 3, "periods": {}}"#), "/name");
        assert_eq!(pointer_for(r#"{"name": null, "periods": {}}"#), "/name");
    }

    #[test]
    fn a_wrong_container_is_named() {
        assert_eq!(pointer_for(r#"{"name": "x", "periods": []}"#), "/periods");
        assert_eq!(pointer_for(r#"{"name": ["x"], "periods": {}}"#), "/name");
        assert_eq!(
            pointer_for(r#"{"name": "x", "periods": {}, "rows": [[], {"count": 1}]}"#),
            "/rows/1"
        );
    }

    #[test]
    fn a_row_deep_in_arrays_is_named() {
        let text = r#"{"name": "x", "periods": {}, "rows": [[{"count": 1, "unit": "days"}],
            [{"count": 1, "unit": "days"}, {"count": 2, "unit": "weeks"}]]}"#;
        assert_eq!(pointer_for(text), "/rows/1/1/unit");
    }

    #[test]
    fn an_unknown_field_is_named() {
        assert_eq!(
            pointer_for(r#"{"name": "x", "periods": {"a": {"count": 1, "units": "days"}}}"#),
            "/periods/a/units"
        );
        assert_eq!(pointer_for(r#"{"nam": "x", "periods": {}}"#), "/nam");
    }

    #[test]
    fn a_missing_field_names_its_object() {
        assert_eq!(
            pointer_for(r#"{"name": "x", "periods": {"a": {"count": 1}}}"#),
            "/periods/a"
        );
        assert_eq!(
            pointer_for(r#"{"name": "x", "periods": {"a": {"count": 1} }}"#),
            "/periods/a"
        );
        assert_eq!(
            pointer_for(r#"{"periods": {"a": {"count": 1, "unit": "days"}}}"#),
            ""
        );
        assert_eq!(pointer_for(r#"{"periods": {} }"#), "");
        assert_eq!(pointer_for(r#"{ }"#), "");
        assert_eq!(
            pointer_for(r#"{"name": "x", "periods": {"a": {}}}"#),
            "/periods/a"
        );
    }

    #[test]
    fn too_few_items_names_the_array() {
        assert_eq!(
            pointer_for(r#"{"name": "x", "periods": {}, "pair": ["one"]}"#),
            "/pair"
        );
        assert_eq!(
            pointer_for(r#"{"name": "x", "periods": {}, "pair": []}"#),
            "/pair"
        );
    }

    #[test]
    fn escaped_quotes_and_keys_are_read_whole() {
        assert_eq!(
            pointer_for(
                r#"{"name": "say \"hi\", {[", "periods": {"q\"}": {"count": -1, "unit": "days"}}}"#
            ),
            "/periods/q\"}/count"
        );
    }

    #[test]
    fn any_prefix_of_any_text_at_any_position_gives_a_pointer() {
        let text = "{\"a\": [1, {\"b\\\"\": \"é\\\"}\"}, [], {}], \"c\": tru} ]]}}\n\"";
        for end in 0..=text.len() {
            let Some(prefix) = text.get(..end) else {
                continue;
            };
            for offset in 0..=end + 2 {
                let pointer = pointer_at(prefix, offset);
                assert!(pointer.is_empty() || pointer.starts_with('/'), "{pointer}");
            }
        }
        assert_eq!(pointer_at(text, text.find("[]").unwrap_or(0) + 1), "/a/2");
    }

    #[test]
    fn positions_past_the_text_do_not_panic() {
        assert_eq!(pointer_at("{\"a\": [1, 2", 999), "/a/1");
        assert_eq!(pointer_at("", 5), "");
        assert_eq!(byte_offset("ab\ncd", 7, 3), 5);
        assert_eq!(pointer_at("{\"é\": \"x", 4), "/é");
    }
}
