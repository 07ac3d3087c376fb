//! Machines (2.5–2.8) and their images (2.9, multipart `Machine_Image`).

use serde_json::{json, Value};

use super::collection::{Op, Resource, Row};
use super::envelope::{Answer, ErrNo, Reply};
use super::params::{req, Kind::Str};
use super::route::{crud_call, BodyKind, Call, Handler, Route, Verb};
use crate::SimState;

const PATH: &str = "/api_3/metersuperiors";
/// The multipart part that carries the image.
pub(super) const IMAGE_FIELD: &str = "Machine_Image";

pub(super) static ROUTES: &[Route] = &[
    crud_call("energy.machines.list", Verb::Get, PATH, Op::List, &MACHINES),
    crud_call(
        "energy.machines.create",
        Verb::Post,
        PATH,
        Op::Create,
        &MACHINES,
    ),
    crud_call(
        "energy.machines.update",
        Verb::Put,
        PATH,
        Op::Update,
        &MACHINES,
    ),
    crud_call(
        "energy.machines.delete",
        Verb::Delete,
        PATH,
        Op::Delete,
        &MACHINES,
    ),
    Route {
        id: "energy.machines.upload_image",
        verb: Verb::Post,
        path: "/api_3/metersuperior_image",
        handler: Handler::Fn(upload_image),
        body: BodyKind::Multipart,
        login: true,
    },
];

/// 2.6 and 2.7 document their parameters under "返回参数"; they are the request's.
pub(super) static MACHINES: Resource = Resource {
    name: "machines",
    store: |d| &d.machines,
    create: FIELDS,
    update: FIELDS,
    filters: &["Meter_Department"],
    unique: Some("Meter_Superior"),
    check: None,
    view: Some(view),
    stamp: None,
};

const FIELDS: &[super::params::Field] = &[
    req("Meter_Superior", Str),
    req("Meter_Department", Str),
    req("equipmentCode", Str),
    req("equipmentUnitCode", Str),
];

/// A stored machine image: its name and size (the bytes are not kept).
#[derive(Debug, Clone)]
pub(crate) struct Image {
    pub file_name: String,
    pub size: usize,
}

fn image_url(id: i64, image: &Image) -> String {
    format!("/media/machine_images/{id}/{}", image.file_name)
}

fn view(state: &SimState, row: &mut Row) {
    let id = row.get("id").and_then(Value::as_i64).unwrap_or_default();
    let url = state
        .energy
        .images
        .lock()
        .get(&id)
        .map(|image| image_url(id, image))
        .unwrap_or_default();
    row.insert("Machine_Image_Url".into(), Value::String(url));
}

/// 2.9: `Meter_Superior_id` and the file part `Machine_Image` (documented under
/// "返回参数"; they are the request's).
fn upload_image(state: &SimState, call: &Call) -> Reply {
    let id = call.params.int("Meter_Superior_id")?;
    let file = call
        .files
        .iter()
        .find(|f| f.field == IMAGE_FIELD)
        .ok_or(ErrNo::BAD_PARAMS)?;
    if !state.energy.machines.contains(id) {
        return Err(ErrNo::NO_DATA);
    }
    // Keep only the last path segment of the client's file name.
    let file_name = file
        .file_name
        .rsplit(['/', '\\'])
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or("image")
        .to_string();
    let image = Image {
        file_name,
        size: file.size,
    };
    let url = image_url(id, &image);
    state.energy.images.lock().insert(id, image);
    Ok(Answer::data(json!({
        "Meter_Superior_id": id,
        "Machine_Image_Url": url,
        "Size": file.size,
    })))
}
