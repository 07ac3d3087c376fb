//! The trace tree inside the answer's `data` string.
//!
//! The document's valid example (正常返回示例):
//!
//! ```json
//! {"treeList":[{"stepCode":"P2","type":"ProductionReport","uniqueCode":"2017080908",
//!   "trees":[{"from":"DestUniqueCode","id":75,"stepCode":"P2",
//!             "type":"MaterialConsumption","uniqueCode":"RTRTR"}, ...]}]}
//! ```
//!
//! Every entry of `treeList` and of a node's `trees` is a node: `stepCode`, `type`,
//! `uniqueCode`, and below the root `from` and `id`. The table above the example (返回数据)
//! shows the same tree with `treeList` as a single object and unbalanced brackets: that
//! string is not JSON, and is refused as a protocol error rather than guessed at.
//!
//! Leniency, all of it tested:
//! * `data` may be a JSON string (as documented), an already-decoded object, an array (taken
//!   as the tree list), or null / `""` (an empty tree: nothing found);
//! * `treeList` may be an array or a single node object; missing or null means empty;
//! * children may be under `trees` (as documented) or `children`, as an array or one object;
//! * `id` may be a number or a numeric string; texts may be numbers; missing fields are empty.
//!
//! The normalised form that the generic call returns in `data` is
//! `{"treeList": [node...]}` with each node's children under `trees` as an array.

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::models::{FromAnswer, TraceNode, TraceResult};

/// Nodes deeper than this are refused (a tree from a plant is a few levels deep).
const MAX_DEPTH: usize = 64;

impl TraceNode {
    /// This node and every node below it, depth first.
    pub fn walk(&self) -> Vec<&TraceNode> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
}

/// A parsed `data`: the normalised JSON and the typed roots.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedTree {
    pub normalized: Value,
    pub roots: Vec<TraceNode>,
}

/// Parses the answer's `data` (see the module notes for what is accepted).
pub fn parse_data(data: &Value) -> Result<ParsedTree> {
    let decoded;
    let top = match data {
        Value::Null => return Ok(empty()),
        Value::String(s) if s.trim().is_empty() => return Ok(empty()),
        Value::String(s) => {
            decoded = serde_json::from_str::<Value>(s).map_err(|e| {
                Error::protocol(format!(
                    "the answer's data is not a JSON tree ({e}): {}",
                    crate::error::excerpt(s.as_bytes())
                ))
            })?;
            &decoded
        }
        other => other,
    };
    let list = match top {
        Value::Object(obj) => obj.get("treeList").unwrap_or(&Value::Null),
        Value::Array(_) => top,
        Value::Null => &Value::Null,
        other => {
            return Err(Error::protocol(format!(
                "the answer's data holds no treeList: {}",
                crate::error::excerpt(other.to_string().as_bytes())
            )))
        }
    };
    let (normalized, roots) = nodes(list, 0)?;
    let mut out = Map::new();
    out.insert("treeList".into(), Value::Array(normalized));
    Ok(ParsedTree {
        normalized: Value::Object(out),
        roots,
    })
}

fn empty() -> ParsedTree {
    ParsedTree {
        normalized: serde_json::json!({ "treeList": [] }),
        roots: Vec::new(),
    }
}

/// A list of nodes: an array, one object, or nothing.
fn nodes(v: &Value, depth: usize) -> Result<(Vec<Value>, Vec<TraceNode>)> {
    if depth > MAX_DEPTH {
        return Err(Error::protocol(format!(
            "the trace tree is deeper than {MAX_DEPTH} levels"
        )));
    }
    let items: Vec<&Value> = match v {
        Value::Null => Vec::new(),
        Value::Array(a) => a.iter().collect(),
        Value::Object(_) => vec![v],
        other => {
            return Err(Error::protocol(format!(
                "a trace tree list must be an array of nodes, got {}",
                crate::error::excerpt(other.to_string().as_bytes())
            )))
        }
    };
    let mut normalized = Vec::with_capacity(items.len());
    let mut typed = Vec::with_capacity(items.len());
    for item in items {
        let (n, t) = node(item, depth)?;
        normalized.push(n);
        typed.push(t);
    }
    Ok((normalized, typed))
}

fn node(v: &Value, depth: usize) -> Result<(Value, TraceNode)> {
    let Value::Object(obj) = v else {
        return Err(Error::protocol(format!(
            "a trace tree node must be an object, got {}",
            crate::error::excerpt(v.to_string().as_bytes())
        )));
    };
    let below = obj
        .get("trees")
        .filter(|t| !t.is_null())
        .or_else(|| obj.get("children"))
        .unwrap_or(&Value::Null);
    let (child_values, children) = nodes(below, depth + 1)?;
    let mut raw = obj.clone();
    raw.remove("children");
    raw.insert("trees".into(), Value::Array(child_values));
    let raw = Value::Object(raw);
    let typed = TraceNode {
        step_code: text(obj.get("stepCode")).unwrap_or_default(),
        kind: text(obj.get("type")).unwrap_or_default(),
        unique_code: text(obj.get("uniqueCode")).unwrap_or_default(),
        from: text(obj.get("from")),
        id: match obj.get("id") {
            Some(Value::Number(n)) => n.as_i64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        },
        children,
        raw: raw.clone(),
    };
    Ok((raw, typed))
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl FromAnswer for TraceResult {
    /// Reads the generic call's answer.
    fn from_answer(answer: Value) -> Result<TraceResult> {
        let parsed = parse_data(answer.get("data").unwrap_or(&Value::Null))?;
        Ok(TraceResult {
            id: text(answer.get("id")).unwrap_or_default(),
            code: answer
                .get("code")
                .and_then(|c| c.as_i64().or_else(|| c.as_str()?.trim().parse().ok()))
                .unwrap_or(200),
            tree_list: parsed.roots,
            data_raw: text(answer.get("data_raw")).unwrap_or_default(),
            answer,
        })
    }
}

impl TraceResult {
    /// Every node of every tree, depth first.
    pub fn nodes(&self) -> Vec<&TraceNode> {
        self.tree_list.iter().flat_map(TraceNode::walk).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The document's 正常返回示例 `data`, byte for byte.
    const DOC_VALID: &str = r#"{"treeList":[{"stepCode":"P2","trees":[{"from":"DestUniqueCode","id":75,"stepCode":"P2","type":"MaterialConsumption","uniqueCode":"RTRTR"},{"from":"DestUniqueCode","id":74,"stepCode":"S0003","type":"MaterialConsumption","uniqueCode":"ffffff"},{"from":"SameId","id":66,"stepCode":"xbz1","type":"ProductionReport","uniqueCode":"c"}],"type":"ProductionReport","uniqueCode":"2017080908"}]}"#;
    /// The `data` of the document's 返回数据 table: unbalanced, not JSON.
    const DOC_TABLE: &str = r#"{"treeList":{"stepCode":"P2","trees":[{"from":"DestUniqueCode","id":75,"stepCode":"P2","type":"MaterialConsumption","uniqueCode":"RTRTR"},{"from":"DestUniqueCode","id":74,"stepCode":"S0003","type":"MaterialConsumption","uniqueCode":"ffffff"},{"from":"SameId","id":66,"stepCode":"xbz1","type":"ProductionReport","uniqueCode":"c"},"type":"ProductionReport","uniqueCode":"2017080908"}]}"#;

    #[test]
    fn the_documents_example() {
        let t = parse_data(&json!(DOC_VALID)).unwrap();
        assert_eq!(t.roots.len(), 1);
        let root = &t.roots[0];
        assert_eq!(
            (
                root.step_code.as_str(),
                root.kind.as_str(),
                root.unique_code.as_str()
            ),
            ("P2", "ProductionReport", "2017080908")
        );
        assert_eq!((root.from.as_deref(), root.id), (None, None));
        let codes: Vec<_> = root
            .children
            .iter()
            .map(|c| (c.unique_code.as_str(), c.id, c.from.as_deref()))
            .collect();
        assert_eq!(
            codes,
            [
                ("RTRTR", Some(75), Some("DestUniqueCode")),
                ("ffffff", Some(74), Some("DestUniqueCode")),
                ("c", Some(66), Some("SameId"))
            ]
        );
        assert_eq!(root.children[1].step_code, "S0003");
        assert_eq!(root.children[2].kind, "ProductionReport");
        assert_eq!(root.walk().len(), 4);
        assert_eq!(t.normalized["treeList"][0]["trees"][0]["id"], 75);
        assert_eq!(root.raw["uniqueCode"], "2017080908");
    }

    #[test]
    fn the_tables_malformed_string_is_a_protocol_error() {
        let e = parse_data(&json!(DOC_TABLE)).unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Protocol);
        assert!(e.message.contains("not a JSON tree"), "{e}");
    }

    #[test]
    fn lenient_shapes() {
        // treeList as one object, children under "children", id as a string, numbers as text.
        let v = json!({"treeList": {"stepCode": 7, "type": "ProductionReport", "uniqueCode": "W1",
            "children": {"id": "12", "from": "SameId", "type": "QualityControl", "uniqueCode": "B1", "x": 1}}});
        let t = parse_data(&v).unwrap();
        let root = &t.roots[0];
        assert_eq!(root.step_code, "7");
        assert_eq!(root.children[0].id, Some(12));
        assert_eq!(root.children[0].raw["x"], 1);
        assert_eq!(t.normalized["treeList"][0]["trees"][0]["uniqueCode"], "B1");
        // A bare array is the tree list; null, "" and a missing treeList are empty trees.
        assert_eq!(
            parse_data(&json!([{"uniqueCode": "A"}])).unwrap().roots[0].unique_code,
            "A"
        );
        for empty in [
            json!(null),
            json!(""),
            json!("{}"),
            json!({"treeList": null}),
        ] {
            let t = parse_data(&empty).unwrap();
            assert!(t.roots.is_empty());
            assert_eq!(t.normalized, json!({"treeList": []}));
        }
    }

    #[test]
    fn wrong_shapes_are_protocol_errors() {
        for bad in [
            json!("42"),
            json!({"treeList": 5}),
            json!({"treeList": ["x"]}),
        ] {
            let e = parse_data(&bad).unwrap_err();
            assert_eq!(e.kind, crate::error::ErrorKind::Protocol, "{bad}");
        }
        let mut deep = json!({"uniqueCode": "leaf"});
        for _ in 0..70 {
            deep = json!({"uniqueCode": "n", "trees": [deep]});
        }
        let e = parse_data(&json!({ "treeList": [deep] })).unwrap_err();
        assert!(e.message.contains("deeper"), "{e}");
    }
}
