//! JSON text for JavaScript written in ASCII alone: every character past U+007F is written
//! as a `\uXXXX` escape (two of them, a UTF-16 surrogate pair, past U+FFFF).
//!
//! Every result crosses to JavaScript as JSON text: the browser decodes it from
//! WebAssembly's UTF-8 memory and `JSON.parse` reads it. A single curly apostrophe quoted
//! in a finding makes both slower for the whole text: the UTF-8 decoder leaves its ASCII
//! fast path, and the string it makes is a two-byte one, twice the memory for the parser to
//! read. With the escapes the text stays ASCII, and `JSON.parse` turns them back into the
//! same characters, so JavaScript gets exactly the same objects. Measured on the findings
//! of a 1 MB paste (4.5 MB of JSON with 524 non-ASCII characters): decoding and parsing
//! took less than half the time (docs/performance.md).

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::io;

/// serde_json's compact output, with non-ASCII characters escaped.
#[derive(Debug, Clone, Copy, Default)]
struct AsciiOnly;

impl Formatter for AsciiOnly {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        if fragment.is_ascii() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut units = [0u16; 2];
        for character in fragment.chars() {
            if character.is_ascii() {
                writer.write_all(&[character as u8])?;
            } else {
                for &mut unit in character.encode_utf16(&mut units) {
                    writer.write_all(&escape(unit))?;
                }
            }
        }
        Ok(())
    }
}

/// `\u` and the four lower-case hex digits of a UTF-16 code unit, as serde_json writes
/// its own escapes (written by hand: the formatting machinery costs download).
fn escape(unit: u16) -> [u8; 6] {
    let digit = |shift: u16| b"0123456789abcdef"[usize::from((unit >> shift) & 0xf)];
    [b'\\', b'u', digit(12), digit(8), digit(4), digit(0)]
}

/// `value` as compact JSON text in ASCII alone; otherwise what `serde_json::to_string`
/// writes.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    value.serialize(&mut Serializer::with_formatter(&mut out, AsciiOnly))?;
    // Only ASCII bytes were written, so the bytes are UTF-8; a failure here would be a bug
    // in this file, reported as an error rather than a panic.
    String::from_utf8(out).map_err(|_| {
        <serde_json::Error as serde::ser::Error>::custom("the JSON text was not UTF-8")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    #[test]
    fn escapes_every_character_past_ascii_as_javascript_reads_it() {
        let value = json!({"quote": "Mum’s café, “fine” 😀", "ascii": "a\"b\\c\n\u{1}"});
        let text = to_string(&value).expect("writes");
        assert_eq!(
            text,
            r#"{"quote":"Mum\u2019s caf\u00e9, \u201cfine\u201d \ud83d\ude00","ascii":"a\"b\\c\n\u0001"}"#
        );
    }

    #[test]
    fn keys_are_escaped_too() {
        let value = json!({"Zoë": 1});
        assert_eq!(to_string(&value).expect("writes"), r#"{"Zo\u00eb":1}"#);
    }

    proptest! {
        /// Any text, written as ASCII alone, reads back as the same value, and differs from
        /// serde_json's own text only in the escapes.
        #[test]
        fn reads_back_as_the_same_value(text in any::<String>(), key in any::<String>()) {
            let value = json!({ key.clone(): [text.clone(), {"inner": text}] });
            let written = to_string(&value).expect("writes");
            prop_assert!(written.is_ascii());
            let read: Value = serde_json::from_str(&written).expect("reads");
            prop_assert_eq!(&read, &value);
            if key.is_ascii() && value.to_string().is_ascii() {
                prop_assert_eq!(written, serde_json::to_string(&value).expect("writes"));
            }
        }
    }
}
