//! The TypeScript declarations of the data the JavaScript API exchanges, generated from
//! the Rust types' JSON Schemas so that the two cannot drift apart. The test below fails
//! when `js/cinplan-types.d.ts` is out of date; `CINPLAN_UPDATE_TYPES=1 cargo test -p
//! cinplan-wasm typescript` rewrites it.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{Map, Value};

use crate::api;

const HEADER: &str = "\
// The data cinplan's JavaScript API takes and returns.
// Generated from the Rust types by crates/cinplan-wasm/src/typescript.rs: do not edit;
// run `CINPLAN_UPDATE_TYPES=1 cargo test -p cinplan-wasm typescript` after changing them.
// Positions (`start`, `end`, ranges) count UTF-16 code units, like JavaScript strings.
";

fn schema_of<T: schemars::JsonSchema>() -> (String, Value) {
    let schema = schemars::schema_for!(T);
    let value = serde_json::to_value(&schema).unwrap_or(Value::Null);
    (T::schema_name().into_owned(), value)
}

/// Every type the API names in its signatures, with all the types they use.
fn definitions() -> Result<BTreeMap<String, Value>, String> {
    let roots = [
        schema_of::<api::FieldOptions>(),
        schema_of::<api::PlanOptions>(),
        schema_of::<api::PlanInput>(),
        schema_of::<cinplan_core::check::CheckReport>(),
        schema_of::<crate::session::PlanChange>(),
        schema_of::<api::RuleInfo>(),
        schema_of::<api::FieldInfo>(),
        schema_of::<api::Applied>(),
        schema_of::<api::SuggestionChoice>(),
        schema_of::<cinplan_core::Finding>(),
        schema_of::<cinplan_core::Suggestion>(),
        schema_of::<cinplan_core::timeline::Timeline>(),
    ];
    let mut definitions = BTreeMap::new();
    for (name, mut root) in roots {
        let nested = match root.as_object_mut().and_then(|root| root.remove("$defs")) {
            Some(Value::Object(nested)) => nested,
            _ => Map::new(),
        };
        if let Some(root) = root.as_object_mut() {
            for key in ["$schema", "title"] {
                root.remove(key);
            }
        }
        for (name, schema) in nested.into_iter().chain([(name, root)]) {
            match definitions.get(&name) {
                Some(existing) if *existing != schema => {
                    return Err(format!("two different types are both named {name}"))
                }
                _ => {
                    definitions.insert(name, schema);
                }
            }
        }
    }
    Ok(definitions)
}

fn doc_comment(out: &mut String, schema: &Value, indent: &str) {
    if let Some(description) = schema.get("description").and_then(Value::as_str) {
        let description = description.replace("*/", "*\\/");
        let _ = writeln!(out, "{indent}/**");
        for line in description.lines() {
            let _ = writeln!(out, "{indent} * {line}").map(|_| ());
        }
        let _ = writeln!(out, "{indent} */");
    }
}

fn literal(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "unknown".to_owned())
}

fn union(members: Vec<String>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for member in members {
        if !unique.contains(&member) {
            unique.push(member);
        }
    }
    if unique.iter().any(|member| member == "unknown") {
        return "unknown".to_owned();
    }
    unique.join(" | ")
}

fn object_type(schema: &Value, indent: &str) -> String {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return match schema.get("additionalProperties") {
            Some(Value::Bool(false)) => "Record<string, never>".to_owned(),
            Some(extra @ Value::Object(_)) => {
                format!("Record<string, {}>", type_of(extra, indent))
            }
            _ => "Record<string, unknown>".to_owned(),
        };
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    for (name, property) in properties {
        doc_comment(&mut out, property, &inner);
        let optional = if required.contains(&name.as_str()) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(
            out,
            "{inner}{name}{optional}: {};",
            type_of(property, &inner)
        );
    }
    out.push_str(indent);
    out.push('}');
    out
}

/// The TypeScript type of a schema, written at `indent`.
fn type_of(schema: &Value, indent: &str) -> String {
    let Some(object) = schema.as_object() else {
        return "unknown".to_owned();
    };
    if let Some(Value::String(reference)) = object.get("$ref") {
        return reference.trim_start_matches("#/$defs/").to_owned();
    }
    if let Some(constant) = object.get("const") {
        return literal(constant);
    }
    if let Some(Value::Array(values)) = object.get("enum") {
        return union(values.iter().map(literal).collect());
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(members)) = object.get(key) {
            return union(
                members
                    .iter()
                    .map(|member| type_of(member, indent))
                    .collect(),
            );
        }
    }
    match object.get("type") {
        Some(Value::Array(types)) => union(
            types
                .iter()
                .map(|single| {
                    let mut narrowed = object.clone();
                    narrowed.insert("type".to_owned(), single.clone());
                    type_of(&Value::Object(narrowed), indent)
                })
                .collect(),
        ),
        Some(Value::String(single)) => match single.as_str() {
            "string" => "string".to_owned(),
            "integer" | "number" => "number".to_owned(),
            "boolean" => "boolean".to_owned(),
            "null" => "null".to_owned(),
            "array" => {
                let item = object
                    .get("items")
                    .map(|items| type_of(items, indent))
                    .unwrap_or_else(|| "unknown".to_owned());
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            "object" => object_type(schema, indent),
            _ => "unknown".to_owned(),
        },
        _ => "unknown".to_owned(),
    }
}

/// The whole declarations file.
pub fn declarations() -> Result<String, String> {
    let mut out = String::from(HEADER);
    for (name, schema) in definitions()? {
        out.push('\n');
        doc_comment(&mut out, &schema, "");
        let is_interface = schema.get("type").and_then(Value::as_str) == Some("object")
            && schema.get("properties").is_some();
        if is_interface {
            let _ = writeln!(out, "export interface {name} {}", object_type(&schema, ""));
        } else {
            let _ = writeln!(out, "export type {name} = {};", type_of(&schema, ""));
        }
    }
    Ok(out)
}

#[test]
fn typescript_declarations_are_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/js/cinplan-types.d.ts");
    let generated = declarations().unwrap_or_else(|problem| panic!("{problem}"));
    if std::env::var_os("CINPLAN_UPDATE_TYPES").is_some() {
        std::fs::write(path, &generated).unwrap_or_else(|problem| panic!("{path}: {problem}"));
    }
    let shipped = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        shipped == generated,
        "{path} is out of date with the Rust types: run \
         `CINPLAN_UPDATE_TYPES=1 cargo test -p cinplan-wasm typescript` and commit it"
    );
}

#[test]
fn enums_become_unions_of_their_serialised_names() {
    let generated = declarations().unwrap_or_else(|problem| panic!("{problem}"));
    for severity in [
        cinplan_core::Severity::Info,
        cinplan_core::Severity::Warning,
        cinplan_core::Severity::Error,
    ] {
        let name = serde_json::to_string(&severity).unwrap_or_default();
        assert!(generated.contains(&name), "{name} missing from Severity");
    }
    assert!(generated.contains("export interface Finding {"));
    assert!(generated.contains("  start?: number | null;"));
}
