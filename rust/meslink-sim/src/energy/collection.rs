//! One generic in-memory collection of records with integer ids, and the list / create /
//! update / delete calls every CRUD resource of the document shares, driven by a
//! [`Resource`] table per resource.

use std::collections::BTreeMap;

use parking_lot::Mutex;
use serde_json::{json, Map, Value};

use super::envelope::{Answer, ErrNo, Reply};
use super::params::{fmt_time, paginate, text_of, Field};
use super::route::Call;
use super::EnergyData;
use crate::SimState;

pub(crate) type Row = Map<String, Value>;

/// A check run on a record before it is stored.
pub(crate) type Check = fn(&SimState, &Row) -> Result<(), ErrNo>;

/// Records by id; ids start at 1 and are never reused.
pub(crate) struct Collection {
    inner: Mutex<Rows>,
}

struct Rows {
    next_id: i64,
    rows: BTreeMap<i64, Row>,
}

impl Default for Collection {
    fn default() -> Self {
        Collection {
            inner: Mutex::new(Rows {
                next_id: 1,
                rows: BTreeMap::new(),
            }),
        }
    }
}

fn same_text(row: &Row, field: &str, value: &Value) -> bool {
    match (row.get(field).and_then(text_of), text_of(value)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

impl Collection {
    /// Adds a record, unless another has the same `unique` field; returns its id.
    pub fn insert(&self, mut row: Row, unique: Option<&str>) -> Result<i64, ErrNo> {
        let mut inner = self.inner.lock();
        if let Some(field) = unique {
            if let Some(v) = row.get(field) {
                if inner.rows.values().any(|r| same_text(r, field, v)) {
                    return Err(ErrNo::EXISTS);
                }
            }
        }
        let id = inner.next_id;
        inner.next_id += 1;
        row.insert("id".into(), Value::from(id));
        inner.rows.insert(id, row);
        Ok(id)
    }

    /// Merges `fields` into record `id`.
    pub fn update(&self, id: i64, fields: Row, unique: Option<&str>) -> Result<(), ErrNo> {
        let mut inner = self.inner.lock();
        if !inner.rows.contains_key(&id) {
            return Err(ErrNo::NO_DATA);
        }
        if let Some(field) = unique {
            if let Some(v) = fields.get(field) {
                if inner
                    .rows
                    .iter()
                    .any(|(other, r)| *other != id && same_text(r, field, v))
                {
                    return Err(ErrNo::EXISTS);
                }
            }
        }
        let row = inner.rows.get_mut(&id).ok_or(ErrNo::NO_DATA)?;
        row.extend(fields);
        row.insert("id".into(), Value::from(id));
        Ok(())
    }

    pub fn remove(&self, id: i64) -> Result<Row, ErrNo> {
        self.inner.lock().rows.remove(&id).ok_or(ErrNo::NO_DATA)
    }

    pub fn get(&self, id: i64) -> Option<Row> {
        self.inner.lock().rows.get(&id).cloned()
    }

    pub fn contains(&self, id: i64) -> bool {
        self.inner.lock().rows.contains_key(&id)
    }

    /// All records in id order.
    pub fn all(&self) -> Vec<Row> {
        self.inner.lock().rows.values().cloned().collect()
    }

    /// The first record whose `field` reads `value`.
    pub fn find(&self, field: &str, value: &str) -> Option<Row> {
        self.inner
            .lock()
            .rows
            .values()
            .find(|r| r.get(field).and_then(text_of).as_deref() == Some(value))
            .cloned()
    }

    pub fn len(&self) -> usize {
        self.inner.lock().rows.len()
    }
}

/// The generic operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    List,
    Create,
    Update,
    Delete,
}

/// How one CRUD resource of the document behaves.
pub(crate) struct Resource {
    /// Its name in the snapshot and in [`SimState::energy_record_count`].
    pub name: &'static str,
    pub store: fn(&EnergyData) -> &Collection,
    /// The create call's parameters (without `id`).
    pub create: &'static [Field],
    /// The update call's parameters (without `id`, which is always required).
    pub update: &'static [Field],
    /// List parameters, each compared as text with the (viewed) record field of the same name.
    pub filters: &'static [&'static str],
    /// A field no two records may share (`Err_No` 4003).
    pub unique: Option<&'static str>,
    /// Checks a record about to be stored (references to other records, ranges).
    pub check: Option<Check>,
    /// Adds derived fields (names of referenced records) and hides private ones.
    pub view: Option<fn(&SimState, &mut Row)>,
    /// A field set to the creation time.
    pub stamp: Option<&'static str>,
}

impl Resource {
    pub fn rows(&'static self, state: &SimState) -> Vec<Row> {
        let mut rows = (self.store)(&state.energy).all();
        if let Some(view) = self.view {
            rows.iter_mut().for_each(|r| view(state, r));
        }
        rows
    }
}

/// The `id` parameter of update and delete: required, an integer.
fn id_param(call: &Call) -> Result<i64, ErrNo> {
    call.params.int("id")
}

pub(crate) fn crud(op: Op, res: &'static Resource, state: &SimState, call: &Call) -> Reply {
    let store = (res.store)(&state.energy);
    let p = &call.params;
    match op {
        Op::List => {
            let mut rows = Vec::new();
            for row in res.rows(state) {
                let mut keep = true;
                for name in ["id"].iter().chain(res.filters) {
                    if let Some(want) = p.raw(name) {
                        keep &= same_text(&row, name, want);
                    }
                }
                if keep {
                    rows.push(Value::Object(row));
                }
            }
            // A malformed id filter is a parameter error, not an empty list.
            p.opt_int("id")?;
            let (page, total) = paginate(rows, p)?;
            Ok(Answer::list(page, total))
        }
        Op::Create => {
            let mut row = p.take(res.create, true)?;
            if let Some(check) = res.check {
                check(state, &row)?;
            }
            if let Some(stamp) = res.stamp {
                let now = fmt_time(chrono::Local::now().naive_local());
                row.insert(stamp.into(), Value::String(now));
            }
            let journaled = (res.name == "product_output").then(|| row.clone());
            let id = store.insert(row, res.unique)?;
            if let Some(row) = journaled {
                state.journal(
                    crate::journal::JOURNAL_ENERGY_OUTPUT,
                    json!({ "id": id, "row": row }),
                );
            }
            Ok(Answer::data(json!({ "id": id })))
        }
        Op::Update => {
            let id = id_param(call)?;
            let fields = p.take(res.update, false)?;
            let mut merged = store.get(id).ok_or(ErrNo::NO_DATA)?;
            merged.extend(fields.clone());
            if let Some(check) = res.check {
                check(state, &merged)?;
            }
            store.update(id, fields, res.unique)?;
            Ok(Answer::ok())
        }
        Op::Delete => {
            let id = id_param(call)?;
            store.remove(id)?;
            Ok(Answer::ok())
        }
    }
}

/// Checks that `row[field]` names a record of `store` (when present).
pub(crate) fn check_ref(store: &Collection, row: &Row, field: &str) -> Result<(), ErrNo> {
    match row.get(field).and_then(Value::as_i64) {
        Some(id) if !store.contains(id) => Err(ErrNo::BAD_DATA),
        _ => Ok(()),
    }
}

/// `row[name_field]` set from the `source` field of the record `row[id_field]` names.
pub(crate) fn copy_ref(store: &Collection, row: &mut Row, id_field: &str, pairs: &[(&str, &str)]) {
    let source = row
        .get(id_field)
        .and_then(|v| text_of(v)?.parse::<i64>().ok())
        .and_then(|id| store.get(id));
    for (source_field, target_field) in pairs {
        let v = source
            .as_ref()
            .and_then(|s| s.get(*source_field).cloned())
            .unwrap_or_else(|| Value::String(String::new()));
        row.insert((*target_field).to_string(), v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_unique_and_not_reused() {
        let c = Collection::default();
        let a = c
            .insert(json!({"n": "a"}).as_object().unwrap().clone(), Some("n"))
            .unwrap();
        assert_eq!(
            c.insert(json!({"n": "a"}).as_object().unwrap().clone(), Some("n")),
            Err(ErrNo::EXISTS)
        );
        let b = c
            .insert(json!({"n": "b"}).as_object().unwrap().clone(), Some("n"))
            .unwrap();
        assert_eq!((a, b), (1, 2));
        assert_eq!(
            c.update(b, json!({"n": "a"}).as_object().unwrap().clone(), Some("n")),
            Err(ErrNo::EXISTS)
        );
        c.remove(b).unwrap();
        assert_eq!(c.remove(b), Err(ErrNo::NO_DATA));
        let d = c
            .insert(json!({"n": "b"}).as_object().unwrap().clone(), Some("n"))
            .unwrap();
        assert_eq!(d, 3);
        assert_eq!(c.find("n", "b").unwrap()["id"], 3);
    }
}
