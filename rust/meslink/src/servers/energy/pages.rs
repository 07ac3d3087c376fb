//! Walking every page of a paged list (`Per_Page_Counts` / `Page_Counts`) using the
//! answers' `Total_Numbers`.
//!
//! The document contradicts itself on the first page: the call tables say "页码，默认0",
//! appendix I says "页数，默认1". The walk starts at the caller's `Page_Counts`, or at
//! [`FIRST_PAGE`] (0), and works with either count: when page 1 repeats page 0 (a server
//! counting from 1 that takes 0 as 1) the repeat is dropped, and when page 0 is empty but
//! `Total_Numbers` is not 0 (a server counting from 1 strictly) the walk goes on at 1.

use super::EnergyCtx;
use crate::catalog;
use crate::error::{Error, Result};
use serde_json::{Map, Value};

/// The first page number, as the call tables document it.
pub const FIRST_PAGE: i64 = 0;

/// `Total_Numbers`, sent as a number or as text (`""` when absent).
pub(crate) fn total_numbers(envelope: &Value) -> Option<u64> {
    match envelope.get("Total_Numbers")? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The `Data` array of an envelope (no `Data` or null is an empty page).
pub(crate) fn data_items(id: &'static str, envelope: &Value) -> Result<Vec<Value>> {
    match envelope.get("Data") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items.clone()),
        Some(other) => Err(Error::protocol(format!(
            "the answer's \"Data\" of a paged list is not an array: {}",
            crate::error::excerpt(other.to_string().as_bytes())
        ))
        .with_call(id)),
    }
}

/// Every item of a paged energy list (`energy.meters.list`, `energy.alarms.list`, ...):
/// asks page after page with `Per_Page_Counts = per_page` until `Total_Numbers` items
/// are in (or a page comes back empty, or short when the server gives no total).
/// `params` are the call's other filters; a `Page_Counts` in them is the first page.
pub(crate) async fn all_pages(
    ctx: &EnergyCtx,
    id: &str,
    params: Value,
    per_page: u32,
) -> Result<Vec<Value>> {
    let spec = catalog::find(id)?;
    let paged = ["Per_Page_Counts", "Page_Counts"]
        .iter()
        .all(|n| spec.params.iter().any(|p| p.name == *n));
    if !paged {
        return Err(Error::invalid(format!(
            "{id} is not a paged list (it has no Per_Page_Counts / Page_Counts)"
        ))
        .with_call(spec.id));
    }
    if per_page == 0 {
        return Err(Error::invalid("per_page must be at least 1").with_call(spec.id));
    }
    let mut params = match params {
        Value::Object(m) => m,
        Value::Null => Map::new(),
        _ => return Err(Error::invalid("parameters must be a JSON object").with_call(spec.id)),
    };
    let mut page = match params.get("Page_Counts") {
        None | Some(Value::Null) => FIRST_PAGE,
        Some(v) => catalog::value_text(v)
            .trim()
            .parse()
            .map_err(|_| Error::invalid("Page_Counts must be an integer").with_call(spec.id))?,
    };
    let mut items = Vec::new();
    let mut previous: Option<Vec<Value>> = None;
    loop {
        params.insert("Per_Page_Counts".into(), per_page.into());
        params.insert("Page_Counts".into(), page.into());
        let checked = spec.validate(Value::Object(params.clone()))?;
        let envelope = super::call(ctx, spec, checked)
            .await
            .map_err(|e| e.with_call(spec.id))?;
        let data = data_items(spec.id, &envelope)?;
        let total = total_numbers(&envelope);
        if data.is_empty() {
            let strictly_from_one = page == 0 && total.is_some_and(|t| t > 0);
            if !strictly_from_one {
                break;
            }
            page = 1;
            continue;
        }
        if previous.as_ref() == Some(&data) {
            if page == 1 {
                // 0 and 1 both named the first page.
                page += 1;
                continue;
            }
            // A server that ignores Page_Counts would otherwise be walked forever.
            return Err(Error::protocol(format!(
                "page {page} repeats the page before it: the server ignores Page_Counts"
            ))
            .with_call(spec.id));
        }
        let short = data.len() < per_page as usize;
        items.extend(data.iter().cloned());
        let done = match total {
            Some(t) => items.len() as u64 >= t,
            None => short,
        };
        if done {
            break;
        }
        previous = Some(data);
        page += 1;
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn totals_and_data() {
        assert_eq!(total_numbers(&json!({"Total_Numbers": "12"})), Some(12));
        assert_eq!(total_numbers(&json!({"Total_Numbers": 3})), Some(3));
        assert_eq!(total_numbers(&json!({"Total_Numbers": ""})), None);
        assert_eq!(total_numbers(&json!({})), None);
        assert!(data_items("x", &json!({"Data": null})).unwrap().is_empty());
        assert_eq!(data_items("x", &json!({"Data": [1, 2]})).unwrap().len(), 2);
        assert!(data_items("x", &json!({"Data": {"a": 1}})).is_err());
    }
}
