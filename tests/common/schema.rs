//! The documented JSON shape (docs/json-output.schema.json), narrowed to one of its kinds, for
//! tests that check real output against it.

use std::path::Path;

use serde_json::Value;

pub fn validator(kind: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-output.schema.json");
    let text = std::fs::read_to_string(path).expect("schema file");
    let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    assert!(
        schema["$defs"][kind].is_object(),
        "no kind {kind} in the schema"
    );
    let object = schema.as_object_mut().unwrap();
    object.remove("oneOf");
    object.insert("$ref".into(), Value::String(format!("#/$defs/{kind}")));
    jsonschema::validator_for(&schema).expect("schema compiles")
}

pub fn assert_valid(kind: &str, value: &Value) {
    let validator = validator(kind);
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{kind}: {errors:?}\n{value:#}");
}
