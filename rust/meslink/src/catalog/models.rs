//! The one schema of every typed answer: the Rust structs, the Python dataclasses and
//! the C# classes are generated from these tables (`tools/gen_surfaces.py`), so a field
//! is named, typed and documented here and nowhere else.
//!
//! A model travels from the core to Python and C# as JSON with the keys of [`FieldSpec::key`]
//! (the typed answer of `Client::call_typed`, already normalised by the core: ordered
//! org-tree children with their levels, the trace tree with its children under `trees`).
//! Record types (the parameters of one call as one object, such as `GradingRecord`) are
//! not listed here: they come from the call's parameters in the catalog.

use serde_json::{json, Value};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Integer,
    Number,
    Bool,
    /// Any JSON, kept as it came (the server's answer as a whole, say).
    Json,
    /// A string enumeration of [`STR_ENUMS`].
    Enum(&'static str),
    /// Another model.
    Model(&'static str),
    /// A list of another model.
    List(&'static str),
}

/// One field of a model.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The field's name in snake_case: Rust and Python use it as it is, C# in PascalCase.
    pub name: &'static str,
    /// Its key in the model's JSON (the server's name where the server names it).
    pub key: &'static str,
    pub kind: FieldKind,
    /// May be absent (`None`, `null`).
    pub optional: bool,
    pub doc: &'static str,
}

/// How the core makes the model from the server's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Read straight from the answer by the field keys; `raw` is the answer itself.
    Answer,
    /// Built by the server module's own code (ordering, levels, a nested JSON string).
    Normalised,
    /// Only ever part of another model.
    Nested,
}

/// One typed answer.
#[derive(Debug, Clone, Copy)]
pub struct ModelSpec {
    pub name: &'static str,
    pub doc: &'static str,
    pub source: Source,
    pub fields: &'static [FieldSpec],
}

const fn f(name: &'static str, key: &'static str, kind: FieldKind, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        key,
        kind,
        optional: false,
        doc,
    }
}

const fn opt(field: FieldSpec) -> FieldSpec {
    FieldSpec {
        optional: true,
        ..field
    }
}

use FieldKind::*;

const RAW: FieldSpec = f(
    "raw",
    "raw",
    Json,
    "The server's JSON as it came, fields the document does not name included.",
);

/// Every model, in dependency order (a model after the models it contains).
#[rustfmt::skip]
pub static MODELS: &[ModelSpec] = &[
    ModelSpec {
        name: "LoginInfo",
        doc: "Who `ate.login` logged in. The token stays inside the client.",
        source: Source::Answer,
        fields: &[
            f("emp_no", "epm_no", Text, "员工编号 (the server's key really is `epm_no`)"),
            f("emp_name", "emp_name", Text, "员工姓名"),
            f("company", "company", Text, "公司别"),
            f("account", "account", Bool, "account"),
            RAW,
        ],
    },
    ModelSpec {
        name: "SnDetail",
        doc: "A work order (`ate.sn_detail.get`).",
        source: Source::Answer,
        fields: &[
            f("serial_number", "SERIAL_NUMBER", Text, "SERIAL_NUMBER: the greatest SN produced so far"),
            f("function_name", "FUNCTION_NAME", Text, "FUNCTION_NAME: the name of the SN rule (生产 SN 的规则名称)"),
            f("target_qty", "TARGET_QTY", Integer, "TARGET_QTY: 工单目标生产数量"),
            f("sn_qty", "SN_QTY", Integer, "SN_QTY: 工单目前生产数量"),
            RAW,
        ],
    },
    ModelSpec {
        name: "SysInfo",
        doc: "One machine's metadata (`mgm.sys_info`).",
        source: Source::Normalised,
        fields: &[
            f("cnc_system", "cnc_system", Text, "cnc 系统型号 (系列)"),
            f("cnc_class", "cnc_class", Text, "cnc 系统类型"),
            f("cnc_model", "cnc_model", Text, "机床型号"),
            RAW,
        ],
    },
    ModelSpec {
        name: "OrgNode",
        doc: "One node of the organization tree (`mgm.organization` answers the root, the factory): `members` maps turned into children ordered by their numeric keys, each with its level.",
        source: Source::Normalised,
        fields: &[
            f("id", "id", Text, "The node's `id`; for a machine without one, its `machine_id`; for the root without one, `factory_id`."),
            f("name", "name", Text, "name"),
            f("level", "level", Enum("OrgLevel"), "factory, area, workshop, line, machine or other"),
            opt(f("machine_id", "machine_id", Text, "Set on machines.")),
            f("key", "key", Text, "The node's key in its parent's `members` (empty for the root)."),
            f("children", "children", List("OrgNode"), "`members`, in the order of their numeric keys."),
            f("raw", "raw", Json, "The node as the server sent it, `members` included."),
        ],
    },
    ModelSpec {
        name: "TraceNode",
        doc: "One node of a trace tree.",
        source: Source::Nested,
        fields: &[
            f("step_code", "stepCode", Text, "stepCode: the production step"),
            f("kind", "type", Text, "type: ProductionReport (报工), MaterialConsumption (物料消耗), QualityControl (质检结果), ..."),
            f("unique_code", "uniqueCode", Text, "uniqueCode: a work order, batch number, serial number, barcode, ..."),
            opt(f("from", "from", Text, "from: how the node was reached (`DestUniqueCode`, `SameId`); none on roots")),
            opt(f("id", "id", Integer, "id: the server's record id; none on roots")),
            f("children", "trees", List("TraceNode"), "trees: the nodes below"),
            f("raw", "raw", Json, "The node as the server sent it (children normalised), fields the document does not name included."),
        ],
    },
    ModelSpec {
        name: "TraceResult",
        doc: "The answer of `trace.query`: the tree list typed, the `data` string as it came, the whole answer.",
        source: Source::Normalised,
        fields: &[
            f("id", "id", Text, "The answer's id"),
            f("code", "code", Integer, "The answer's code (200)"),
            f("tree_list", "treeList", List("TraceNode"), "treeList: the root nodes"),
            f("data_raw", "data_raw", Text, "The `data` string exactly as the server sent it (empty when it sent none)"),
            f("answer", "answer", Json, "The whole answer as the generic call answers it (`data` normalised, `data_raw` kept)"),
        ],
    },
];

/// A string enumeration: (wire value, name, doc) per member.
#[derive(Debug, Clone, Copy)]
pub struct StrEnumSpec {
    pub name: &'static str,
    pub doc: &'static str,
    /// The parameters or model fields that take it.
    pub used_by: &'static str,
    pub values: &'static [(&'static str, &'static str, &'static str)],
}

/// The string enumerations of parameters and models (the energy platform's numeric ones
/// are in its own table).
#[rustfmt::skip]
pub static STR_ENUMS: &[StrEnumSpec] = &[
    StrEnumSpec {
        name: "TraceType",
        doc: "traceType: which way to trace",
        used_by: "traceType",
        values: &[
            ("forward", "Forward", "正向追溯: from a finished product to what it is made of and how it was made"),
            ("reverse", "Reverse", "反向追溯: from a raw material to the products that used it"),
        ],
    },
    StrEnumSpec {
        name: "OrgLevel",
        doc: "A level of the organization tree: a node with a machine_id is a machine at any depth; otherwise its depth names it",
        used_by: "OrgNode.level",
        values: &[
            ("factory", "Factory", "工厂"),
            ("area", "Area", "产区/厂区"),
            ("workshop", "Workshop", "车间"),
            ("line", "Line", "生产线"),
            ("machine", "Machine", "机床"),
            ("other", "Other", "deeper than a line without being a machine: not in the document"),
        ],
    },
];

/// The model named `name`.
pub fn find(name: &str) -> Option<&'static ModelSpec> {
    MODELS.iter().find(|m| m.name == name)
}

impl FieldKind {
    fn to_json(self) -> Value {
        match self {
            Text => json!({"kind": "text"}),
            Integer => json!({"kind": "integer"}),
            Number => json!({"kind": "number"}),
            Bool => json!({"kind": "bool"}),
            Json => json!({"kind": "json"}),
            Enum(e) => json!({"kind": "enum", "enum": e}),
            Model(m) => json!({"kind": "model", "model": m}),
            List(m) => json!({"kind": "list", "model": m}),
        }
    }
}

/// The schema as JSON (`meslink catalog --models`): the models and the string enums.
pub fn to_json() -> Value {
    let models: Vec<Value> = MODELS
        .iter()
        .map(|m| {
            let fields: Vec<Value> = m
                .fields
                .iter()
                .map(|f| {
                    let mut v = f.kind.to_json();
                    v["name"] = json!(f.name);
                    v["key"] = json!(f.key);
                    v["optional"] = json!(f.optional);
                    v["doc"] = json!(f.doc);
                    v
                })
                .collect();
            let source = match m.source {
                Source::Answer => "answer",
                Source::Normalised => "normalised",
                Source::Nested => "nested",
            };
            json!({"name": m.name, "doc": m.doc, "source": source, "fields": fields})
        })
        .collect();
    let enums: Vec<Value> = STR_ENUMS
        .iter()
        .map(|e| {
            let values: Vec<Value> = e
                .values
                .iter()
                .map(|(v, n, d)| json!({"value": v, "name": n, "doc": d}))
                .collect();
            json!({"name": e.name, "doc": e.doc, "param": e.used_by, "values": values})
        })
        .collect();
    json!({"models": models, "enums": enums})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_resolves_and_comes_first() {
        for (i, m) in MODELS.iter().enumerate() {
            for f in m.fields {
                match f.kind {
                    Model(r) | List(r) => {
                        let at = MODELS.iter().position(|x| x.name == r);
                        assert!(at.is_some_and(|at| at <= i), "{}.{} -> {r}", m.name, f.name);
                    }
                    Enum(e) => assert!(STR_ENUMS.iter().any(|x| x.name == e), "{e}"),
                    _ => {}
                }
            }
        }
        for c in super::super::CALLS.iter() {
            if let super::super::Answer::Model(m) | super::super::Answer::ModelMap(m) = c.answer {
                assert!(find(m).is_some(), "{}: {m}", c.id);
            }
        }
    }
}
