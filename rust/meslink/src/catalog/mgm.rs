//! The machine-tool IoT open API calls (seed 003). `base_url` includes `/v1`.
//!
//! Token and resource calls are JSON POSTs whose parameters travel inside the body's
//! `data` object (the server module wraps them in `{"func", "access_token", "data"}`).
//! `mgm.realtime` and `mgm.file_transfer` are socket sessions: listed here so that the
//! catalog and the coverage table show them, opened as stream and transfer handles.

use super::{
    p, Answer, BodyEncoding, CallSpec, HttpMethod, Location::*, ParamKind::*, RetryClass, Server,
};

pub static CALLS: &[CallSpec] = &[
    CallSpec {
        id: "mgm.token.get",
        server: Server::Mgm,
        method: HttpMethod::Post,
        path: "/token",
        body: BodyEncoding::Json,
        params: &[
            p(
                "app_key",
                Text,
                Body,
                false,
                "app_key (default: the configured one)",
            ),
            p(
                "app_secret",
                Text,
                Body,
                false,
                "app_secret (default: the configured one)",
            ),
        ],
        retry: RetryClass::Safe,
        spoolable: false,
        summary: "get_access_token; the tokens stay inside the client, the answer is {expires_in}",
        answer: Answer::Json,
        record: None,
        c_export: false,
    },
    CallSpec {
        id: "mgm.token.refresh",
        server: Server::Mgm,
        method: HttpMethod::Post,
        path: "/token",
        body: BodyEncoding::Json,
        params: &[
            p(
                "app_key",
                Text,
                Body,
                false,
                "app_key (default: the configured one)",
            ),
            p(
                "refresh_token",
                Text,
                Body,
                false,
                "refresh_token (default: the client's own, which is then renewed)",
            ),
        ],
        retry: RetryClass::Safe,
        spoolable: false,
        summary:
            "refresh_token: extends the token before expiry, a new one after; answers {expires_in}",
        answer: Answer::Json,
        record: None,
        c_export: false,
    },
    CallSpec {
        id: "mgm.organization",
        server: Server::Mgm,
        method: HttpMethod::Post,
        path: "/resource",
        body: BodyEncoding::Json,
        params: &[],
        retry: RetryClass::Safe,
        spoolable: false,
        summary: "get_organization: the factory tree (factory, area, workshop, line, machines)",
        answer: Answer::Model("OrgNode"),
        record: None,
        c_export: false,
    },
    CallSpec {
        id: "mgm.sys_info",
        server: Server::Mgm,
        method: HttpMethod::Post,
        path: "/resource",
        body: BodyEncoding::Json,
        params: &[p("machine_list", List, Body, true, "机床id 列表")],
        retry: RetryClass::Safe,
        spoolable: false,
        summary: "get_sys_info: cnc_system, cnc_class, cnc_model of each machine",
        answer: Answer::ModelMap("SysInfo"),
        record: None,
        c_export: false,
    },
    CallSpec {
        id: "mgm.realtime",
        server: Server::Mgm,
        method: HttpMethod::Socket,
        path: "/real_time",
        body: BodyEncoding::Json,
        params: &[
            p(
                "machine_id",
                Text,
                Body,
                true,
                "机床id, sent as {machine_id, page}",
            ),
            p("page", Text, Body, false, "page (\"a\")"),
        ],
        retry: RetryClass::Safe,
        spoolable: false,
        summary: "SockJS / WebSocket stream of machine status and live axis data (a stream handle)",
        answer: Answer::Json,
        record: None,
        c_export: false,
    },
    CallSpec {
        id: "mgm.file_transfer",
        server: Server::Mgm,
        method: HttpMethod::Socket,
        path: "/trans_file",
        body: BodyEncoding::Json,
        params: &[
            p("cloud_path", Text, Query, true, "目的文件路径"),
            p("file_size", Integer, Query, true, "文件大小"),
            p("file_name", Text, Query, true, "文件名"),
            p(
                "storage_type",
                Integer,
                Query,
                true,
                "文件传输类型 (0: 机床外部存储, 1: 机床内部存储)",
            ),
            p("machine_id", Text, Query, true, "机床id"),
        ],
        retry: RetryClass::UnsentOnly,
        spoolable: false,
        summary:
            "SockJS file transfer in base64 chunks, resumable from file_seek (a transfer handle)",
        answer: Answer::Json,
        record: None,
        c_export: false,
    },
];
