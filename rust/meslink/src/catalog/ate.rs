//! The ATE MES calls (seed 000).

use super::{
    p, Answer, BodyEncoding, CallSpec, Handling, HttpMethod, Location::*, ParamKind::*, RetryClass,
    Server,
};

pub static CALLS: &[CallSpec] = &[
    CallSpec {
        id: "ate.login",
        server: Server::Ate,
        method: HttpMethod::Post,
        path: "/api/login/",
        body: BodyEncoding::Form,
        params: &[
            p(
                "emp_no",
                Text,
                Body,
                false,
                "员工编号 (default: the configured emp_no)",
            ),
            p(
                "password",
                Text,
                Body,
                false,
                "密码 (default: the configured password)",
            ),
        ],
        retry: RetryClass::Safe,
        spoolable: false,
        summary: "Log in; the token stays inside the client, which renews it itself",
        answer: Answer::Model("LoginInfo"),
        record: None,
        c_export: true,
        handling: Handling::Login,
    },
    CallSpec {
        id: "ate.sn_detail.get",
        server: Server::Ate,
        method: HttpMethod::Get,
        path: "/api/sn_detail/{work_order}/",
        body: BodyEncoding::None,
        params: &[p("work_order", Text, Path, true, "工单号")],
        retry: RetryClass::Safe,
        spoolable: false,
        summary: "Work order: SERIAL_NUMBER, FUNCTION_NAME, TARGET_QTY, SN_QTY",
        answer: Answer::Model("SnDetail"),
        record: None,
        c_export: true,
        handling: Handling::Plain,
    },
    CallSpec {
        id: "ate.sn_detail.upload",
        server: Server::Ate,
        method: HttpMethod::Post,
        path: "/api/sn_detail/",
        body: BodyEncoding::Form,
        params: &[
            p("work_order", Text, Body, true, "工单号"),
            p("sn", Text, Body, true, "SerialNumber"),
        ],
        retry: RetryClass::UnsentOnly,
        spoolable: true,
        summary: "Upload a serial number; the server checks it against the SN rule",
        answer: Answer::Nothing,
        record: None,
        c_export: true,
        handling: Handling::AckWhen("msg", "OK"),
    },
];
