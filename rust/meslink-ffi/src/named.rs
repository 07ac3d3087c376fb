//! The named C exports the catalog marks (`c_export`), each the generic call of its id.
//!
//! Generated from the catalog by tools/gen_surfaces.py; do not edit.
//! Text parameters are C strings in the client's encoding; a call with a record takes it
//! as one JSON object (`record_json`).

use crate::buffer::Out;
use crate::calls::{answer, named, on_client};
use crate::guard;
use crate::status::MESLINK_OK;
use crate::text;
use std::ffi::c_char;

/// `ate.login` (POST /api/login/): Log in; the token stays inside the client, which renews it itself.
///
/// Its optional parameters go through `meslink_client_call`.
///
/// Writes the server's JSON answer into `buf`. Buffer rules, encoding, ownership and
/// thread-safety as `meslink_client_call`; returns its statuses.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_ate_login(
    client: i32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_ate_login", || {
        // SAFETY (both blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let args = [];
        answer(&out, client, |c| unsafe { named(c, "ate.login", &args) })
    })
}

/// `ate.sn_detail.get` (GET /api/sn_detail/{work_order}/): Work order: SERIAL_NUMBER, FUNCTION_NAME, TARGET_QTY, SN_QTY.
///
/// `work_order`: 工单号.
///
/// Writes the server's JSON answer into `buf`. Buffer rules, encoding, ownership and
/// thread-safety as `meslink_client_call`; returns its statuses.
///
/// # Safety
/// `work_order`: NULL or NUL-terminated strings. `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_ate_sn_detail_get(
    client: i32,
    work_order: *const c_char,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_ate_sn_detail_get", || {
        // SAFETY (both blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let args = [("work_order", work_order)];
        answer(&out, client, |c| unsafe { named(c, "ate.sn_detail.get", &args) })
    })
}

/// `ate.sn_detail.upload` (POST /api/sn_detail/): Upload a serial number; the server checks it against the SN rule.
///
/// `work_order`: 工单号.
/// `sn`: SerialNumber.
///
/// Strings are read in the client's encoding; the caller owns them. Thread-safe, like
/// `meslink_client_call`; returns its statuses except `MESLINK_E_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `work_order`, `sn`: NULL or NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn meslink_ate_sn_detail_upload(
    client: i32,
    work_order: *const c_char,
    sn: *const c_char,
) -> i32 {
    guard::call("meslink_ate_sn_detail_upload", || {
        let args = [("work_order", work_order), ("sn", sn)];
        // SAFETY: the caller's contract above.
        on_client(client, |c| unsafe { named(c, "ate.sn_detail.upload", &args) })?;
        Ok(MESLINK_OK)
    })
}

/// `grading.save` (POST /api/pick/volumeCollectData/save): Save one cell's grading record (newest record per barcode wins).
///
/// `record_json` is a JSON object with the server's field names:
/// `batteryStation` (电池工位),
/// `deviceCode` (设备编码),
/// `barcode` (电芯条码),
/// `testTime` (测试时间 (yyyy-MM-dd HH:mm:ss)),
/// `workStep` (工步),
/// `voltage` (电压, optional),
/// `electricity` (电流, optional),
/// `volume` (容量, optional),
/// `energy` (能量, optional),
/// checked before anything is sent (a missing or wrong field is
/// `MESLINK_E_INVALID_ARGUMENT` naming it). Date-times: `yyyy-MM-dd HH:mm:ss`, ISO 8601
/// (an offset is converted by the core) or Unix seconds.
///
/// Writes the server's JSON answer into `buf`. Buffer rules, encoding, ownership and
/// thread-safety as `meslink_client_call`; returns its statuses.
///
/// # Safety
/// `record_json`: NULL or NUL-terminated strings. `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_grading_save(
    client: i32,
    record_json: *const c_char,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_grading_save", || {
        // SAFETY (both blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        answer(&out, client, |c| {
            let record = unsafe { text::json_arg(record_json, "record_json", c.encoding) }?;
            Ok(c.client.call_blocking("grading.save", record)?)
        })
    })
}
