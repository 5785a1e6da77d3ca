//! The committed JSON Schema of the plan format (schema/cinplan-1.schema.json) is generated
//! from the Rust types; this test fails when the two drift apart.
//!
//! To rewrite the file after changing the types:
//! `UPDATE_SCHEMA=1 cargo test -p cinplan-core --test schema`, then commit it.

use std::path::PathBuf;

use serde_json::Value;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/cinplan-1.schema.json")
}

fn generated() -> String {
    let schema = cinplan_core::plan::json_schema();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[test]
fn the_committed_schema_is_the_one_the_types_generate() {
    let path = schema_path();
    let generated = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        if let Err(error) = std::fs::write(&path, &generated) {
            panic!("cannot write {}: {error}", path.display());
        }
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(old, new)| old != new)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "schema/cinplan-1.schema.json is out of date with the plan types \
             (crates/cinplan-core/src/plan.rs); they first differ at line {}:\n  \
             committed: {}\n  generated: {}\n\
             Rewrite it with `UPDATE_SCHEMA=1 cargo test -p cinplan-core --test schema` and \
             commit it with the change to the types.",
            line + 1,
            committed.lines().nth(line).unwrap_or("(end of file)"),
            generated.lines().nth(line).unwrap_or("(end of file)"),
        );
    }
}

fn committed_schema() -> Value {
    let text = std::fs::read_to_string(schema_path()).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Follows a local `$ref` ("#/$defs/Name").
fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => reference
            .strip_prefix('#')
            .and_then(|pointer| root.pointer(pointer))
            .unwrap_or(&Value::Null),
        None => schema,
    }
}

/// Checks `instance` against the parts of JSON Schema the generated schema uses (type,
/// enum, const, properties, items, anyOf, oneOf, format "date"), collecting what fails.
fn validate(
    root: &Value,
    schema: &Value,
    instance: &Value,
    pointer: &str,
    problems: &mut Vec<String>,
) {
    let schema = resolve(root, schema);
    for (keyword, alternatives) in [("anyOf", false), ("oneOf", true)] {
        if let Some(options) = schema.get(keyword).and_then(Value::as_array) {
            let passing = options
                .iter()
                .filter(|option| {
                    let mut inner = Vec::new();
                    validate(root, option, instance, pointer, &mut inner);
                    inner.is_empty()
                })
                .count();
            let valid = if alternatives {
                passing == 1
            } else {
                passing >= 1
            };
            if !valid {
                problems.push(format!(
                    "{pointer}: matches {passing} of the {keyword} options"
                ));
            }
        }
    }
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let actual = match instance {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(number) if number.is_i64() || number.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let fits =
            allowed.contains(&actual) || (actual == "integer" && allowed.contains(&"number"));
        if !fits {
            problems.push(format!(
                "{pointer}: is {actual}, the schema allows {allowed:?}"
            ));
            return;
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        if !values.contains(instance) {
            problems.push(format!("{pointer}: {instance} is not one of {values:?}"));
        }
    }
    if let Some(value) = schema.get("const") {
        if value != instance {
            problems.push(format!("{pointer}: {instance} is not {value}"));
        }
    }
    if schema.get("format").and_then(Value::as_str) == Some("date") {
        if let Some(text) = instance.as_str() {
            if chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() {
                problems.push(format!("{pointer}: {text} is not a date"));
            }
        }
    }
    if let (Some(properties), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        instance.as_object(),
    ) {
        for (name, property) in properties {
            if let Some(value) = object.get(name) {
                validate(
                    root,
                    property,
                    value,
                    &format!("{pointer}/{name}"),
                    problems,
                );
            }
        }
        for required in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !object.contains_key(required) {
                problems.push(format!("{pointer}: lacks the required {required}"));
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), instance.as_array()) {
        for (index, item) in array.iter().enumerate() {
            validate(root, items, item, &format!("{pointer}/{index}"), problems);
        }
    }
}

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

#[test]
fn every_fixture_plan_is_valid_against_the_schema() {
    let schema = committed_schema();
    for name in [
        "tommy-good.json",
        "tommy-unhelpful.json",
        "unknown-fields.json",
    ] {
        let mut problems = Vec::new();
        validate(&schema, &schema, &fixture(name), "", &mut problems);
        assert_eq!(problems, Vec::<String>::new(), "{name}");
    }
}

#[test]
fn the_validator_catches_what_the_schema_forbids() {
    let schema = committed_schema();
    let mut plan = fixture("tommy-good.json");
    plan["kind"] = "child-on-a-list".into();
    plan["dates"]["first_review"] = "2026-02-31".into();
    plan["needs"][0]["actions"] = "none".into();
    let mut problems = Vec::new();
    validate(&schema, &schema, &plan, "", &mut problems);
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn the_schema_keeps_the_plan_format_contract() {
    let schema = committed_schema();
    let top: Vec<&str> = schema["properties"]
        .as_object()
        .map(|properties| properties.keys().map(String::as_str).collect())
        .unwrap_or_default();
    for field in [
        "format",
        "kind",
        "region",
        "profile",
        "child",
        "lead_professional",
        "dates",
        "visiting",
        "review_frequency",
        "contingency",
        "views",
        "needs",
        "visits",
        "reviews",
    ] {
        assert!(top.contains(&field), "the schema has no {field}");
    }
    let enum_of = |name: &str| -> Vec<String> {
        let definition = &schema["$defs"][name];
        let options = match definition["oneOf"].as_array() {
            Some(options) => options.clone(),
            None => vec![definition.clone()],
        };
        let mut values: Vec<String> = options
            .iter()
            .flat_map(|option| {
                let listed = option["enum"].as_array().cloned().unwrap_or_default();
                listed.into_iter().chain(option.get("const").cloned())
            })
            .filter_map(|value| value.as_str().map(str::to_owned))
            .collect();
        values.sort();
        values
    };
    assert_eq!(enum_of("PlanKind"), ["child-in-need", "child-protection"]);
    assert_eq!(
        enum_of("Region"),
        ["england-and-wales", "northern-ireland", "scotland"]
    );
    assert_eq!(
        enum_of("Role"),
        [
            "key-worker",
            "other",
            "senior-practitioner",
            "social-worker",
            "sswop",
            "team-manager"
        ]
    );
    for date in [
        "assessment_completed",
        "allocated",
        "planning_meeting",
        "plan_circulated",
        "first_review",
    ] {
        assert_eq!(
            schema["$defs"]["PlanDates"]["properties"][date]["format"], "date",
            "{date}"
        );
    }
    // Unknown fields are kept on a round trip, so the schema must not forbid them.
    assert!(
        !schema
            .to_string()
            .contains("\"additionalProperties\":false"),
        "the schema forbids unknown fields"
    );
}
