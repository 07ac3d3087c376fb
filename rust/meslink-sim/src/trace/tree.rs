//! Trace trees built from what the other simulated servers stored.
//!
//! Facts: the ATE MES's accepted uploads (work order → serial number), the grading MES's
//! records (cell barcode → newest record), and assembly bindings (a material, e.g. a
//! graded cell, consumed into a serial number; set with [`crate::SimState::trace_bind`]).
//! A grading record whose barcode *is* a serial number is that product's own quality
//! record (a battery line grades the product itself).
//!
//! * forward from a serial number: its work order(s) (`ProductionReport`, from `SameId`),
//!   its grading record (`QualityControl`, `SameId`), and each bound material
//!   (`MaterialConsumption`, `DestUniqueCode`) with that material's grading record below;
//!   forward from a work order: its serial numbers, each with the above.
//! * reverse from a work order, a graded barcode or a bound material: the serial numbers
//!   that used it (`ProductionReport`), each with its work order below.
//!
//! Node ids are the record's position in the simulator's store (1-based); roots have no
//! `from` or `id`, as in the document's example. Unknown codes give an empty `treeList`.

use serde_json::{json, Map, Value};

pub const STEP_ATE: &str = "ATE";
pub const STEP_ASSEMBLY: &str = "ASSEMBLY";
pub const FROM_SAME: &str = "SameId";
pub const FROM_DEST: &str = "DestUniqueCode";

/// Everything the trees are built from, copied out of the state.
pub(crate) struct Facts {
    /// `(work_order, sn)` in arrival order.
    pub uploads: Vec<(String, String)>,
    /// `(datasource, barcode, record)`.
    pub records: Vec<(String, String, Value)>,
    /// `(sn, material)` in binding order.
    pub bindings: Vec<(String, String)>,
}

fn node(
    step: &str,
    kind: &str,
    code: &str,
    from: Option<(&str, usize)>,
    trees: Vec<Value>,
) -> Value {
    let mut n = Map::new();
    n.insert("stepCode".into(), json!(step));
    n.insert("type".into(), json!(kind));
    n.insert("uniqueCode".into(), json!(code));
    if let Some((from, id)) = from {
        n.insert("from".into(), json!(from));
        n.insert("id".into(), json!(id));
    }
    if !trees.is_empty() {
        n.insert("trees".into(), Value::Array(trees));
    }
    Value::Object(n)
}

impl Facts {
    fn is_sn(&self, code: &str) -> bool {
        self.uploads.iter().any(|(_, sn)| sn == code)
    }

    fn is_work_order(&self, code: &str) -> bool {
        self.uploads.iter().any(|(wo, _)| wo == code)
    }

    fn is_material(&self, code: &str) -> bool {
        self.bindings.iter().any(|(_, m)| m == code)
    }

    /// The grading records of `barcode`, as QualityControl nodes.
    fn quality(&self, barcode: &str) -> Vec<Value> {
        self.records
            .iter()
            .enumerate()
            .filter(|(_, (_, b, _))| b == barcode)
            .map(|(i, (ds, b, r))| {
                let step = r.get("workStep").and_then(Value::as_str).unwrap_or("");
                let mut n = node(step, "QualityControl", b, Some((FROM_SAME, i + 1)), vec![]);
                for key in ["deviceCode", "testTime", "voltage", "volume"] {
                    if let Some(v) = r.get(key) {
                        n[key] = v.clone();
                    }
                }
                n["datasource"] = json!(ds);
                n
            })
            .collect()
    }

    /// The work orders `sn` was reported under.
    fn reports(&self, sn: &str) -> Vec<Value> {
        self.uploads
            .iter()
            .enumerate()
            .filter(|(_, (_, s))| s == sn)
            .map(|(i, (wo, _))| {
                node(
                    STEP_ATE,
                    "ProductionReport",
                    wo,
                    Some((FROM_SAME, i + 1)),
                    vec![],
                )
            })
            .collect()
    }

    /// What a product is made of and how: reports, quality records, materials.
    fn product_children(&self, sn: &str) -> Vec<Value> {
        let mut out = self.reports(sn);
        out.extend(self.quality(sn));
        for (i, (_, m)) in self
            .bindings
            .iter()
            .enumerate()
            .filter(|(_, (s, _))| s == sn)
        {
            out.push(node(
                STEP_ASSEMBLY,
                "MaterialConsumption",
                m,
                Some((FROM_DEST, i + 1)),
                self.quality(m),
            ));
        }
        out
    }

    fn first_upload(&self, sn: &str) -> Option<usize> {
        self.uploads
            .iter()
            .position(|(_, s)| s == sn)
            .map(|i| i + 1)
    }

    pub fn forward(&self, code: &str) -> Vec<Value> {
        if self.is_sn(code) || self.bindings.iter().any(|(s, _)| s == code) {
            return vec![node(
                STEP_ATE,
                "ProductionReport",
                code,
                None,
                self.product_children(code),
            )];
        }
        if self.is_work_order(code) {
            let mut seen = Vec::new();
            let products = self
                .uploads
                .iter()
                .enumerate()
                .filter(|(_, (wo, sn))| {
                    wo == code && !seen.contains(sn) && {
                        seen.push(sn.clone());
                        true
                    }
                })
                .map(|(i, (_, sn))| {
                    node(
                        STEP_ATE,
                        "ProductionReport",
                        sn,
                        Some((FROM_DEST, i + 1)),
                        self.product_children(sn),
                    )
                })
                .collect();
            return vec![node(STEP_ATE, "ProductionReport", code, None, products)];
        }
        let quality = self.quality(code);
        match quality.first() {
            Some(q) => {
                let step = q["stepCode"].as_str().unwrap_or("").to_string();
                vec![node(&step, "QualityControl", code, None, quality)]
            }
            None => Vec::new(),
        }
    }

    pub fn reverse(&self, code: &str) -> Vec<Value> {
        let graded = !self.quality(code).is_empty();
        let mut products: Vec<(String, &str)> = Vec::new();
        let mut add = |sn: &str, from: &'static str| {
            if !products.iter().any(|(s, _)| s == sn) {
                products.push((sn.to_string(), from));
            }
        };
        for (wo, sn) in &self.uploads {
            if wo == code {
                add(sn, FROM_DEST);
            }
        }
        if graded && self.is_sn(code) {
            add(code, FROM_SAME);
        }
        for (sn, m) in &self.bindings {
            if m == code {
                add(sn, FROM_DEST);
            }
        }
        if products.is_empty() {
            return Vec::new();
        }
        let children = products
            .iter()
            .map(|(sn, from)| {
                let below: Vec<Value> = self
                    .reports(sn)
                    .into_iter()
                    .filter(|r| r["uniqueCode"] != code)
                    .collect();
                let mut n = node(STEP_ATE, "ProductionReport", sn, None, below);
                n["from"] = json!(from);
                if let Some(id) = self.first_upload(sn) {
                    n["id"] = json!(id);
                }
                n
            })
            .collect();
        let (step, kind) = if self.is_work_order(code) {
            (STEP_ATE.to_string(), "ProductionReport")
        } else if self.is_material(code) {
            (STEP_ASSEMBLY.to_string(), "MaterialConsumption")
        } else {
            let q = self.quality(code);
            (
                q[0]["stepCode"].as_str().unwrap_or("").to_string(),
                "QualityControl",
            )
        };
        vec![node(&step, kind, code, None, children)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            uploads: vec![("WO1".into(), "SN1".into()), ("WO1".into(), "SN2".into())],
            records: vec![
                (
                    "MES01".into(),
                    "CELL1".into(),
                    json!({"workStep": "分容", "deviceCode": "FR"}),
                ),
                ("MES01".into(), "SN1".into(), json!({"workStep": "EOL"})),
            ],
            bindings: vec![("SN1".into(), "CELL1".into())],
        }
    }

    #[test]
    fn forward_from_an_sn() {
        let t = facts().forward("SN1");
        let root = &t[0];
        assert_eq!(root["uniqueCode"], "SN1");
        assert!(root.get("from").is_none());
        let kids: Vec<_> = root["trees"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                (
                    k["type"].as_str().unwrap(),
                    k["uniqueCode"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            kids,
            [
                ("ProductionReport", "WO1"),
                ("QualityControl", "SN1"),
                ("MaterialConsumption", "CELL1")
            ]
        );
        assert_eq!(root["trees"][2]["trees"][0]["deviceCode"], "FR");
        assert_eq!(root["trees"][2]["trees"][0]["id"], 1);
    }

    #[test]
    fn reverse_from_each_kind_of_code() {
        let f = facts();
        let codes = |t: &[Value]| -> Vec<String> {
            t[0]["trees"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| k["uniqueCode"].as_str().unwrap().to_string())
                .collect()
        };
        let by_wo = f.reverse("WO1");
        assert_eq!(by_wo[0]["type"], "ProductionReport");
        assert_eq!(codes(&by_wo), ["SN1", "SN2"]);
        let by_cell = f.reverse("CELL1");
        assert_eq!(by_cell[0]["type"], "MaterialConsumption");
        assert_eq!(codes(&by_cell), ["SN1"]);
        assert_eq!(by_cell[0]["trees"][0]["trees"][0]["uniqueCode"], "WO1");
        let by_sn = f.reverse("SN1");
        assert_eq!(by_sn[0]["type"], "QualityControl");
        assert_eq!(by_sn[0]["trees"][0]["from"], "SameId");
        assert!(f.reverse("nothing").is_empty());
        assert!(f.forward("nothing").is_empty());
        assert_eq!(codes(&f.forward("WO1")), ["SN1", "SN2"]);
    }
}
