//! The capacity-grading cabinet MES call (seed 001).

use super::{
    p, Answer, BodyEncoding, CallSpec, Handling, HttpMethod, Location::*, ParamKind::*, RetryClass,
    Server,
};

pub static CALLS: &[CallSpec] = &[CallSpec {
    id: "grading.save",
    server: Server::Grading,
    method: HttpMethod::Post,
    path: "/api/pick/volumeCollectData/save",
    body: BodyEncoding::Json,
    params: &[
        p("batteryStation", Text, Body, true, "电池工位"),
        p("deviceCode", Text, Body, true, "设备编码"),
        p("barcode", Text, Body, true, "电芯条码"),
        p(
            "testTime",
            DateTime,
            Body,
            true,
            "测试时间 (yyyy-MM-dd HH:mm:ss)",
        ),
        p("workStep", Text, Body, true, "工步"),
        p("voltage", Number, Body, false, "电压"),
        p("electricity", Number, Body, false, "电流"),
        p("volume", Number, Body, false, "容量"),
        p("energy", Number, Body, false, "能量"),
    ],
    // The MES keeps only the newest record per barcode: a repeat overwrites itself.
    retry: RetryClass::Safe,
    spoolable: true,
    summary: "Save one cell's grading record (newest record per barcode wins)",
    answer: Answer::Json,
    record: Some("GradingRecord"),
    c_export: true,
    handling: Handling::Plain,
}];
