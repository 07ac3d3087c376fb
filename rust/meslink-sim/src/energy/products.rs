//! Products (8.1–8.4).

use super::collection::{Op, Resource};
use super::params::{opt_or, req, Field, Fill, Kind::Str};
use super::route::{crud_call, Route, Verb};

const PATH: &str = "/api_3/products";

pub(super) static ROUTES: &[Route] = &[
    crud_call("energy.products.list", Verb::Get, PATH, Op::List, &PRODUCTS),
    crud_call(
        "energy.products.create",
        Verb::Post,
        PATH,
        Op::Create,
        &PRODUCTS,
    ),
    crud_call(
        "energy.products.update",
        Verb::Put,
        PATH,
        Op::Update,
        &PRODUCTS,
    ),
    crud_call(
        "energy.products.delete",
        Verb::Delete,
        PATH,
        Op::Delete,
        &PRODUCTS,
    ),
];

/// 8.2–8.4 document their parameters under "返回参数"; they are the request's.
pub(super) static PRODUCTS: Resource = Resource {
    name: "products",
    store: |d| &d.products,
    create: FIELDS,
    update: FIELDS,
    filters: &["Product_Name"],
    unique: Some("Product_Name"),
    check: None,
    view: None,
    stamp: None,
};

const FIELDS: &[Field] = &[
    req("Product_Name", Str),
    opt_or("Product_Unit", Str, Fill::Str("")),
    opt_or("Remarks", Str, Fill::Str("")),
];
