//! The quality-trace call (seed 002).
//!
//! The document's 是否必选 (required) column is blank for every parameter. `uniqueCode` and
//! `traceType` are required here, since no trace can be made without them; `corpId`,
//! `userId` and `source` are optional and default to `trace.corp_id`, `trace.user_id` and
//! `trace.source` of the configuration when set there. The parameters travel inside the
//! envelope `{"id","version","request":{"apiVer"},"params":{...}}` built by
//! `servers::trace`, not as a flat JSON body.

use super::{
    p, Answer, BodyEncoding, CallSpec, Handling, HttpMethod, Location::*, ParamKind::*, RetryClass,
    Server,
};

pub static CALLS: &[CallSpec] = &[CallSpec {
    id: "trace.query",
    server: Server::Trace,
    method: HttpMethod::Post,
    path: "/industry/qualitytrace/tree/query",
    body: BodyEncoding::Json,
    params: &[
        p("uniqueCode", Text, Body, true, "追溯用的唯一码"),
        p(
            "traceType",
            Text,
            Body,
            true,
            "追溯类型: forward (正向) or reverse (反向)",
        )
        .choice("TraceType"),
        p(
            "corpId",
            Text,
            Body,
            false,
            "企业标识 (default: trace.corp_id)",
        ),
        p(
            "userId",
            Text,
            Body,
            false,
            "员工在当前企业内的唯一标识 (default: trace.user_id)",
        ),
        p(
            "source",
            Text,
            Body,
            false,
            "参数来源, DINGDING or SAAS (default: trace.source)",
        ),
    ],
    // A read: repeating it (signed afresh) cannot change anything.
    retry: RetryClass::Safe,
    spoolable: false,
    summary: "Forward or reverse quality trace of a unique code; answers a tree",
    answer: Answer::Model("TraceResult"),
    record: None,
    c_export: false,
    handling: Handling::Plain,
}];
