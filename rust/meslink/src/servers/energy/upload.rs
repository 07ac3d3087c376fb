//! `energy.machines.upload_image` (2.9): a `multipart/form-data` body with the image as
//! the `Machine_Image` file part and every other parameter as a text part.
//!
//! Through the generic call `Machine_Image` is either a file path (a JSON string, read
//! when the call is made) or `{"base64": "...", "file_name": "pump.png", "content_type":
//! "image/png"}` (file_name and content_type optional), which is what C, LabVIEW, Python
//! and C# can pass without a file. [`super::Machines::upload_image_bytes`] takes bytes.

use crate::catalog::{value_text, CallSpec, Params};
use crate::error::{Error, Result};
use crate::servers::join_url;
use crate::transport::{Body, Request};
use base64::Engine;
use serde_json::Value;

/// The file field's name, as documented.
pub const FILE_FIELD: &str = "Machine_Image";

/// An image to upload.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ImageFile {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for ImageFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImageFile")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// The upload request for validated `params`.
pub(crate) async fn request(
    spec: &'static CallSpec,
    base_url: &str,
    params: &Params,
) -> Result<Request> {
    let image = match params.get(FILE_FIELD) {
        Some(v) => image_from_param(v).await?,
        None => return Err(Error::invalid(format!("missing {FILE_FIELD:?}"))),
    };
    let fields: Vec<(&str, String)> = params
        .iter()
        .filter(|(k, _)| k.as_str() != FILE_FIELD)
        .map(|(k, v)| (k.as_str(), value_text(v)))
        .collect();
    let (content_type, bytes) = multipart(&fields, FILE_FIELD, &image);
    Ok(Request {
        call: spec.id,
        method: spec.method,
        url: join_url(base_url, spec.path),
        headers: Vec::new(),
        body: Body::Raw {
            content_type,
            bytes,
        },
        retry: spec.retry,
    })
}

/// The image a `Machine_Image` parameter names: a path, or a base64 object.
pub(crate) async fn image_from_param(v: &Value) -> Result<ImageFile> {
    let bad = |why: String| Error::invalid(format!("parameter \"{FILE_FIELD}\" {why}"));
    let image = match v {
        Value::String(path) => {
            let owned = path.clone();
            let bytes = tokio::task::spawn_blocking(move || std::fs::read(owned))
                .await
                .map_err(|e| Error::internal(format!("the file reader failed: {e}")))?
                .map_err(|e| bad(format!("names a file that cannot be read ({path:?}): {e}")))?;
            let file_name = std::path::Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "image".into());
            ImageFile {
                content_type: guess_content_type(&file_name).into(),
                file_name,
                bytes,
            }
        }
        Value::Object(map) => {
            if let Some(k) = map
                .keys()
                .find(|k| !["base64", "file_name", "content_type"].contains(&k.as_str()))
            {
                return Err(bad(format!(
                    "has an unknown key {k:?}; expected base64, file_name, content_type"
                )));
            }
            let text = |k: &str| -> Result<Option<&str>> {
                match map.get(k) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(s)) => Ok(Some(s)),
                    Some(_) => Err(bad(format!("key {k:?} must be a string"))),
                }
            };
            let data = text("base64")?.ok_or_else(|| bad("needs a \"base64\" key".into()))?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data.trim())
                .map_err(|e| bad(format!("has base64 that does not decode: {e}")))?;
            let file_name = text("file_name")?.unwrap_or("image").to_owned();
            let content_type = match text("content_type")? {
                Some(ct) => ct.to_owned(),
                None => guess_content_type(&file_name).into(),
            };
            ImageFile {
                file_name,
                content_type,
                bytes,
            }
        }
        _ => {
            return Err(bad(
                "must be a file path or {\"base64\", \"file_name\", \"content_type\"}".into(),
            ))
        }
    };
    if image.bytes.is_empty() {
        return Err(bad("is empty".into()));
    }
    if image.content_type.contains(['\r', '\n']) {
        return Err(bad("has a content_type with a line break".into()));
    }
    Ok(image)
}

fn guess_content_type(file_name: &str) -> &'static str {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "webp" => "image/webp",
        _ => "application/octet-stream",
    }
}

/// A `multipart/form-data` body: its content type (with the boundary) and bytes.
pub(crate) fn multipart(
    fields: &[(&str, String)],
    file_field: &str,
    file: &ImageFile,
) -> (String, Vec<u8>) {
    let boundary = loop {
        let b: String = std::iter::repeat_with(fastrand::alphanumeric)
            .take(32)
            .collect();
        let b = format!("meslink-{b}");
        let clash = |data: &[u8]| data.windows(b.len()).any(|w| w == b.as_bytes());
        if !clash(&file.bytes) && !fields.iter().any(|(_, v)| clash(v.as_bytes())) {
            break b;
        }
    };
    // Quotes and line breaks cannot appear inside a quoted header parameter.
    let quoted = |s: &str| s.replace(['"', '\r', '\n'], "_");
    let mut out = Vec::with_capacity(file.bytes.len() + 512);
    for (name, value) in fields {
        out.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                quoted(name)
            )
            .as_bytes(),
        );
    }
    out.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
            quoted(file_field),
            quoted(&file.file_name),
            file.content_type
        )
        .as_bytes(),
    );
    out.extend_from_slice(&file.bytes);
    out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[tokio::test]
    async fn base64_object_and_refusals() {
        let img = image_from_param(&json!({"base64": "iVBORw0K", "file_name": "a.png"}))
            .await
            .unwrap();
        assert_eq!(img.content_type, "image/png");
        assert_eq!(img.bytes, b"\x89PNG\r\n");
        for bad in [
            json!(5),
            json!({"base64": "***"}),
            json!({"b64": "AAAA"}),
            json!({"base64": ""}),
            json!("/nonexistent/meslink/x.png"),
        ] {
            let e = image_from_param(&bad).await.unwrap_err();
            assert!(e.message.contains("Machine_Image"), "{e}");
        }
    }

    #[test]
    fn multipart_layout() {
        let file = ImageFile {
            file_name: "泵\"1.jpg".into(),
            content_type: "image/jpeg".into(),
            bytes: vec![0xff, 0xd8, 0x00],
        };
        let (ct, body) = multipart(&[("Meter_Superior_id", "7".into())], "Machine_Image", &file);
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8_lossy(&body);
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains("name=\"Meter_Superior_id\"\r\n\r\n7\r\n"));
        assert!(text.contains(
            "name=\"Machine_Image\"; filename=\"泵_1.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        ));
        assert!(body.ends_with(format!("\r\n--{boundary}--\r\n").as_bytes()));
    }
}
