//! The energy-management platform calls (seed 004), one row per documented call, in the
//! document's order. Parameter names, kinds and required flags come from the request
//! tables; where the document contradicts itself the row says so in a comment and
//! follows the document.
//!
//! Conventions of the whole table:
//! * GET parameters travel in the query string, POST / PUT / DELETE parameters in a JSON
//!   body (the document: "收发格式默认JSON"), `energy.machines.upload_image` as multipart.
//! * `str` is [`Text`] (numbers are accepted and sent as text), `int` is [`Integer`],
//!   `float` is [`Number`], `List` is [`List`]; every date-time (`datetime`, `time`, or a
//!   `str` documented as "查询开始时间，"2019-04-01 13:53:59"") is [`DateTime`], sent as
//!   `yyyy-MM-dd HH:mm:ss`.
//! * Retry: reads are `Safe`; creates, updates and deletes are `UnsentOnly` unless the
//!   row says why repeating them cannot change the outcome.
//! * Tables without a "是否必须" column: filters and page numbers are optional; the `id`
//!   of a delete is required (a delete names its row).

use super::{
    BodyEncoding, CallSpec, HttpMethod, HttpMethod::*, Location, Location::*, ParamKind,
    ParamKind::*, ParamSpec, RetryClass, RetryClass::*, Server,
};

/// One row: body encoding follows the method (JSON for everything but GET).
const fn c(
    id: &'static str,
    method: HttpMethod,
    path: &'static str,
    retry: RetryClass,
    summary: &'static str,
    params: &'static [ParamSpec],
) -> CallSpec {
    CallSpec {
        id,
        server: Server::Energy,
        method,
        path,
        body: match method {
            Get => BodyEncoding::None,
            _ => BodyEncoding::Json,
        },
        params,
        retry,
        spoolable: false,
        summary,
        answer: super::Answer::Json,
        record: None,
        c_export: false,
        handling: super::Handling::Plain,
    }
}

/// A query-string parameter (GET calls).
const fn q(name: &'static str, kind: ParamKind, required: bool, doc: &'static str) -> ParamSpec {
    super::p(name, kind, Location::Query, required, doc)
}

/// A JSON-body parameter (POST, PUT and DELETE calls).
const fn b(name: &'static str, kind: ParamKind, required: bool, doc: &'static str) -> ParamSpec {
    super::p(name, kind, Body, required, doc)
}

const Y: bool = true;
const N: bool = false;

const TIME_TYPE: &str = "时间类型，1-年，2-月，3-天";
const TIME_START: &str = "查询开始时间，\"2019-04-01 13:53:59\"";
const TIME_END: &str = "查询结束时间，\"2019-04-01 13:53:59\"";
const TIME_INTERVAL: &str =
    "查询时间间隔，默认:按年查间隔1(月)，按月查间隔1(天)，按天查间隔60(分钟)";
const AMOUNT_TYPE: &str = "总量类型，1-按仪表类型查，2-按仪表查，3-按机器查，4-按部门查";
const AMOUNT_COMBINATION: &str =
    "如果Amount_Type=3或4，这个参数有效，1-按仪表类型查，2-按仪表查，默认1";
const AMOUNT_SORTNAME: &str = "仪表或机器或部门的名称，默认为所有，多个用‘，’隔开";
const AMOUNT_VALUE: &str = "能源类型，默认为所有，多个用‘，’隔开，0-电，1-自来水，2-中水，3-热水，4-软水，5-中压蒸汽，6-低压蒸汽，7-空气，8-天然气";
const PER_PAGE: &str = "分页每页显示数，默认10";
const PAGE: &str = "页码，默认0";
const ALARM_TYPE: &str = "报警类型, 1: 机器每小时累计能耗报警, 2:机器瞬时参数报警";
const ALARM_LEVEL: &str = "1: 一般 2:警告 3:严重";
const ALARM_NOTIFY: &str = "1:平台通知 2:短信通知 3: 邮箱通知 4:微信通知";
const RETURN_FORMAT: &str = "1:返回总量, 2: 返回详细总量(查天, 返回每小时的值)";
const ORDER_TYPE: &str = "1: 升序, 2:降序";
const OUTPUT_AMOUNT_TYPE: &str =
    "返回总量的类型1:产量, 2:某能源能耗, 3:综合耗能, 4: 某能源单品能耗, 5:综合单品能耗";
const ENERGY_TYPE: &str = "能源类型, 当Amount_Type为2和4是必填";

#[rustfmt::skip]
pub static CALLS: &[CallSpec] = &[
    // ---- 1 users -------------------------------------------------------------------------
    // The client logs in by itself with energy.username / energy.password; calling this
    // explicitly switches the client's session to the named user (renewal after Err_No
    // 4101 uses the configured credentials again). The cookie never leaves the library.
    CallSpec { handling: super::Handling::Login, ..c("energy.auth.login", Post, "/api/auth", Safe, "Log in (1.1); the session cookie stays inside the client", &[
        b("Usr_Name", Text, Y, "用户名"),
        b("Usr_Password", Text, Y, "用户密码"),
    ]) },
    // Never logs in first: sends the current session's cookie (if any) and forgets it.
    CallSpec { handling: super::Handling::Logout, ..c("energy.auth.logout", Delete, "/api/auth", Safe, "Log out (1.2) and forget the session", &[]) },
    c("energy.users.register", Post, "/api/users", UnsentOnly, "Register a user (1.3)", &[
        b("Usr_Name", Text, Y, "登录名"),
        b("Usr_Password", Text, Y, "用户密码"),
        b("Usr_Email", Text, Y, "用户邮箱"),
    ]),
    c("energy.users.update", Put, "/api/users", UnsentOnly, "Update a user's details (1.4)", &[
        b("id", Integer, Y, "主键"),
        b("Usr_Name", Text, Y, "登录名"),
        b("Usr_Email", Text, Y, "用户邮箱"),
        b("Usr_Phone", Text, N, "用户手机"),
        b("XCX_Title", Text, N, "小程序标题"),
        b("Usr_Company", Text, N, "用户公司"),
        b("Usr_Province", Text, N, "所属省"),
        b("Usr_City", Text, N, "所属市"),
        b("Usr_Detail_Addr", Text, N, "用户详细地址"),
        b("Usr_Area", Text, N, "所属区"),
    ]),
    // The table has no "是否必须" column: every field is an optional filter.
    c("energy.users.get", Get, "/api/users", Safe, "Get user details (1.5)", &[
        q("id", Integer, N, "主键"),
        q("Usr_Name", Text, N, "登录名"),
        q("Usr_Email", Text, N, "用户邮箱"),
        q("Usr_Phone", Text, N, "用户手机"),
        q("XCX_Title", Text, N, "小程序标题"),
        q("Usr_Company", Text, N, "用户公司"),
        q("Usr_Province", Text, N, "所属省"),
        q("Usr_City", Text, N, "所属市"),
        q("Usr_Detail_Addr", Text, N, "用户详细地址"),
        q("Usr_Area", Text, N, "所属区"),
    ]),
    // ---- 2 meters and machines -----------------------------------------------------------
    // Meter_Superior_id is documented as str here and as int in 2.2: Text here, as documented.
    c("energy.meters.create", Post, "/api_3/meters", UnsentOnly, "Add a meter (2.1); answers its id", &[
        b("Meter_Name", Text, Y, "仪表名"),
        b("Meter_Type", Text, Y, "仪表类型"),
        b("Meter_Superior_id", Text, Y, "所属机器的id"),
        b("Meter_Remarks", Text, N, "仪表备注"),
        b("Meter_TotalAmount", Text, N, "换表前累计总量"),
        b("Meter_IsVirtual", Text, N, "是否为虚拟表，默认'0'"),
        b("Meter_Formula", Text, N, "虚拟表计算公式，默认''"),
        b("Meter_IsTotal", Text, N, "是否为总表，默认'0'"),
        b("Meter_IsCount", Text, N, "是否统计，默认'0'"),
        b("Is_HandWork", Integer, N, "是否手工填报,默认0"),
    ]),
    c("energy.meters.update", Put, "/api_3/meters", UnsentOnly, "Update a meter (2.2)", &[
        b("id", Integer, Y, "主键"),
        b("Meter_Name", Text, Y, "仪表名"),
        b("Meter_Type", Text, Y, "仪表类型"),
        b("Meter_Superior_id", Integer, Y, "所属机器的id"),
        b("Meter_Remarks", Text, N, "仪表备注"),
        b("Meter_TotalAmount", Text, N, "换表前累计总量"),
        b("Meter_IsVirtual", Text, N, "是否为虚拟表，默认'0'"),
        b("Meter_Formula", Text, N, "虚拟表计算公式，默认''"),
        b("Meter_IsTotal", Text, N, "是否为总表，默认'0'"),
        b("Meter_IsCount", Text, N, "是否统计，默认'0'"),
        b("Is_HandWork", Integer, N, "是否手工填报,默认0"),
    ]),
    c("energy.meters.list", Get, "/api_3/meters", Safe, "List meters (2.3), paged", &[
        q("id", Integer, N, "仪表主键"),
        q("Meter_Type", Text, N, "根基仪表类型筛选"),
        q("Meter_Superior", Text, N, "根据所属机器的名称筛选"),
        q("Is_HandWork", Integer, N, "根据是否手工填报筛选"),
        q("Per_Page_Counts", Integer, N, "分页每页显示数"),
        q("Page_Counts", Integer, N, "页码"),
        q("Meter_IsCount", Integer, N, "根据是否需要统计筛选"),
    ]),
    c("energy.meters.delete", Delete, "/api_3/meters", UnsentOnly, "Delete a meter (2.4)", &[
        b("id", Integer, Y, "主键id"),
    ]),
    c("energy.machines.list", Get, "/api_3/metersuperiors", Safe, "List machines (2.5), paged", &[
        q("id", Integer, N, "获取单条"),
        q("Meter_Department", Text, N, "根据部门筛选"),
        q("Per_Page_Counts", Integer, N, "分页每页显示数"),
        q("Page_Counts", Integer, N, "页码"),
    ]),
    // 2.6-2.9: the request tables stand under "返回参数" (the request section is empty);
    // they are the request parameters, as documented.
    c("energy.machines.create", Post, "/api_3/metersuperiors", UnsentOnly, "Add a machine (2.6)", &[
        b("Meter_Superior", Text, Y, "机器名"),
        b("Meter_Department", Text, Y, "机器所属部门"),
        b("equipmentCode", Text, Y, "重点耗能设备类型"),
        b("equipmentUnitCode", Text, Y, "重点耗能设备编号"),
    ]),
    c("energy.machines.update", Put, "/api_3/metersuperiors", UnsentOnly, "Update a machine (2.7)", &[
        b("id", Integer, Y, "主键"),
        b("Meter_Superior", Text, Y, "机器名"),
        b("Meter_Department", Text, Y, "机器所属部门"),
        b("equipmentCode", Text, Y, "重点耗能设备类型"),
        b("equipmentUnitCode", Text, Y, "重点耗能设备编号"),
    ]),
    c("energy.machines.delete", Delete, "/api_3/metersuperiors", UnsentOnly, "Delete a machine (2.8)", &[
        b("id", Integer, Y, "主键"),
    ]),
    // Multipart, table under "返回参数" and without a "是否必须" column: both fields are
    // required (an upload names the machine and carries the image). Machine_Image is a file
    // path (string) or {"base64": "...", "file_name": "...", "content_type": "..."}; see
    // servers::energy::upload.
    CallSpec {
        body: BodyEncoding::Multipart,
        ..c("energy.machines.upload_image", Post, "/api_3/metersuperior_image", UnsentOnly, "Upload a machine's picture (2.9, multipart)", &[
            b("Meter_Superior_id", Integer, Y, "机器主键"),
            b("Machine_Image", Any, Y, "机器图片 (file path, or {\"base64\", \"file_name\", \"content_type\"})"),
        ])
    },
    // ---- 3 consumption -------------------------------------------------------------------
    c("energy.consumption.total", Get, "/api_3/allenergy", Safe, "Total consumption per meter type, meter, machine or department (3.1)", &[
        q("Time_Type", Text, Y, TIME_TYPE),
        q("Time_Start", DateTime, Y, TIME_START),
        q("Time_End", DateTime, Y, TIME_END),
        q("Amount_Type", Text, Y, AMOUNT_TYPE),
        q("Amount_Combination", Text, N, AMOUNT_COMBINATION),
        q("Amount_SortName", Text, N, AMOUNT_SORTNAME),
        q("Amount_Value", Text, N, AMOUNT_VALUE),
    ]),
    c("energy.consumption.detail", Get, "/api_3/detailenergy", Safe, "Consumption per time interval (3.2)", &[
        q("Time_Type", Text, Y, TIME_TYPE),
        q("Time_Start", DateTime, Y, TIME_START),
        q("Time_End", DateTime, Y, TIME_END),
        q("Time_Interval", Text, N, TIME_INTERVAL),
        q("Amount_Type", Text, Y, AMOUNT_TYPE),
        q("Amount_Combination", Text, N, AMOUNT_COMBINATION),
        q("Amount_SortName", Text, N, AMOUNT_SORTNAME),
        q("Amount_Value", Text, N, AMOUNT_VALUE),
    ]),
    c("energy.measure.query", Get, "/api_3/measure", Safe, "Measuring-point values of one meter (3.3)", &[
        q("Time_Type", Text, Y, TIME_TYPE),
        q("Meter_Name", Text, Y, "仪表名称"),
        q("Time_Start", DateTime, Y, TIME_START),
        q("Time_End", DateTime, Y, TIME_END),
        q("Time_Interval", Text, N, TIME_INTERVAL),
        q("Measure_Name", Text, N, "测点名称，默认所有，多个用‘，’隔开"),
    ]),
    // A report file named by its period (Year_report2019.xlsx): generating it again
    // rewrites the same file, so a repeat is harmless.
    c("energy.report.generate", Post, "/api_3/report", Safe, "Generate an energy report; answers File_Name (3.4)", &[
        b("Time_Type", Text, Y, TIME_TYPE),
        b("Time_Start", DateTime, Y, TIME_START),
        b("Time_End", DateTime, Y, TIME_END),
        b("Time_Interval", Text, N, TIME_INTERVAL),
        b("Amount_Type", Text, Y, AMOUNT_TYPE),
        b("Amount_Combination", Text, N, AMOUNT_COMBINATION),
        b("Amount_SortName", Text, N, "仪表的名称，默认为所有，多个用‘，’隔开"),
        b("Amount_Value", Text, N, AMOUNT_VALUE),
    ]),
    // A query sent as POST (as documented): nothing is written, so it is retried like a read.
    c("energy.consumption.detail_report", Post, "/api_3/form_detailenergy", Safe, "Detailed consumption for reports, with shift amounts (3.5)", &[
        b("Time_Type", Text, Y, TIME_TYPE),
        b("Time_Start", DateTime, Y, TIME_START),
        b("Time_End", DateTime, Y, TIME_END),
        b("Time_Interval", Text, N, TIME_INTERVAL),
        b("Amount_Type", Text, Y, AMOUNT_TYPE),
        b("Amount_Combination", Text, N, AMOUNT_COMBINATION),
        b("Amount_SortName", Text, N, "仪表的名称,默认为所有，多个用‘，’隔开"),
        b("Amount_Value", Text, N, AMOUNT_VALUE),
    ]),
    // ---- 4 rates and personal settings ---------------------------------------------------
    c("energy.rate.update", Put, "/api_3/rate", UnsentOnly, "Update a rate (4.1)", &[
        b("id", Integer, Y, "主键"),
        b("Rate_Name", Text, Y, "费率名称"),
        b("Rate_Type", Text, Y, "费率类型"),
        b("Rate_Value", Text, N, "费率值"),
        b("isSegmentation", Text, Y, "是否分段，0-分段，1-不分段"),
        b("Seg_Begin", Text, N, "开始时间"),
        b("Seg_Begin_Rate", Text, N, "开始计费值"),
        b("Seg_End", Text, N, "结束时间"),
        b("Seg_End_Rate", Text, N, "结束计费值"),
        b("Rate_Unit", Text, Y, "计费单位"),
    ]),
    c("energy.rate.get", Get, "/api_3/rate", Safe, "The rates (4.2)", &[]),
    c("energy.personalise.get", Get, "/api_3/personalise", Safe, "Year, month and day boundaries (4.3)", &[]),
    // All six settings are required and replace the old ones: a repeat sets the same values.
    c("energy.personalise.update", Put, "/api_3/personalise", Safe, "Set the year, month and day boundaries (4.4)", &[
        b("Year_Start", Text, Y, "年开始月,默认1表示当年1月, -1表示上年1月 (-12..12)"),
        b("Year_End", Text, Y, "年结束月,默认1表示下年1月 -1表示当年1月 (-12..12)"),
        b("Month_Start", Text, Y, "月开始天,默认1表示当月1号 -1表示上月1号 (-31..31)"),
        b("Month_End", Text, Y, "月结束天,默认1表示下月1号 -1表示当月1号 (-31..31)"),
        b("Day_Start", Text, Y, "天开始时格式\"07:30:00\"或\"-07:30:00\""),
        b("Day_End", Text, Y, "天结束时,格式\"07:30:00\"或\"-07:30:00\""),
    ]),
    // ---- 5 provincial reporting platform (PRP) -------------------------------------------
    c("energy.prp.base_infos", Get, "/api_3/PRP_base_infos", Safe, "Provincial platform base data: collect systems, usages, items (5.1)", &[]),
    // enterprise and group are documented as List but the document's example gives objects:
    // either is accepted (Any). group is required in the table, "非必填" in the example:
    // required, as the table says.
    c("energy.prp.organization.upload", Put, "/api_3/PRP_organization_infos", UnsentOnly, "Upload the organisation's base information (5.2)", &[
        b("collectItemConfig", List, Y, "采集数据项配置"),
        b("enterprise", Any, Y, "用能单位信息 (documented List; the example is an object)"),
        b("group", Any, Y, "集团信息 (documented List; the example is an object)"),
        b("process", List, N, "生产工序"),
        b("processUnit", List, N, "工序单元"),
    ]),
    c("energy.prp.organization.get", Get, "/api_3/PRP_organization_infos", Safe, "The organisation's base information (5.3)", &[]),
    c("energy.prp.version.get", Get, "/api_3/PRP_version", Safe, "Provincial platform version information (5.4)", &[]),
    c("energy.prp.version.update", Post, "/api_3/PRP_version", UnsentOnly, "Update the version data from the provincial platform (5.5)", &[
        b("enterpriseCode", Text, Y, "社会信用代码"),
        b("region", Text, Y, "行政区划代码，具体到县级"),
    ]),
    CallSpec {
        spoolable: true,
        ..c("energy.prp.manual_data.add", Post, "/api_3/PRP_manual_energy_measure_datas", UnsentOnly, "Add a manually reported value (5.6)", &[
            b("Meter_id", Integer, Y, "对应表的主键"),
            b("Date_Time", DateTime, Y, "数据时间"),
            b("Date_Type", Text, Y, "时间类型，2-月，3-天"),
            b("Data_Amount", Text, Y, "数据"),
        ])
    },
    c("energy.prp.uploaded_data.list", Get, "/api_3/PRP_uploaded_energy_measure_datas", Safe, "Upload records of collected data (5.7)", &[
        q("Time_Start", DateTime, Y, TIME_START),
        q("Time_End", DateTime, Y, TIME_END),
    ]),
    c("energy.prp.operation_result", Get, "/api_3/PRP_operation_result", Safe, "Result of the last provincial platform operation (5.8)", &[
        q("Operation_Type", Integer, Y, "1:上传用能单位基础信息, 2:更新版本数据"),
    ]),
    // ---- 6 alarms ------------------------------------------------------------------------
    c("energy.alarms.list", Get, "/api_3/alarm_status", Safe, "List alarms (6.1), paged", &[
        q("Per_Page_Counts", Integer, N, PER_PAGE),
        q("Page_Counts", Integer, N, PAGE),
    ]),
    c("energy.alarms.create", Post, "/api_3/alarm_status", UnsentOnly, "Add an alarm (6.2)", &[
        b("Alarm_Name", Text, Y, "报警名称"),
        b("Alarm_Type", Integer, Y, ALARM_TYPE),
        b("Alarm_Level", Integer, Y, ALARM_LEVEL),
        b("Alarm_Notify", Integer, Y, ALARM_NOTIFY),
        b("Notify_Address", Text, Y, "通知地址(手机号/邮箱/微信号)"),
    ]),
    c("energy.alarms.update", Put, "/api_3/alarm_status", UnsentOnly, "Update an alarm (6.3)", &[
        b("id", Integer, Y, "主键"),
        b("Alarm_Name", Text, Y, "报警名称"),
        b("Alarm_Type", Integer, Y, ALARM_TYPE),
        b("Alarm_Level", Integer, Y, ALARM_LEVEL),
        b("Alarm_Notify", Integer, Y, ALARM_NOTIFY),
        b("Notify_Address", Text, Y, "通知地址(手机号/邮箱/微信号)"),
    ]),
    // The id has no documented type: an integer like every other id.
    c("energy.alarms.delete", Delete, "/api_3/alarm_status", UnsentOnly, "Delete an alarm (6.4)", &[
        b("id", Integer, Y, "主键"),
    ]),
    c("energy.alarm_rules.list", Get, "/api_3/alarm_status_rules", Safe, "List alarm rules (6.5), paged", &[
        q("Per_Page_Counts", Integer, N, PER_PAGE),
        q("Page_Counts", Integer, N, PAGE),
        q("Alarm_id", Text, N, "筛选, 传报警状态主键id"),
    ]),
    c("energy.alarm_rules.create", Post, "/api_3/alarm_status_rules", UnsentOnly, "Add an alarm rule (6.6)", &[
        b("Rule_Name", Text, Y, "规则名称"),
        b("Alarm_id", Integer, Y, "报警主键id"),
        b("Meter_id", Integer, Y, "仪表主键id"),
        b("Meter_Parameter", Text, N, "判断测点, 仅当报警类型为`机器瞬时参数报警`时需要传"),
        b("LowerLimit", Number, Y, "下限"),
        b("UpperLimit", Number, Y, "上限"),
    ]),
    c("energy.alarm_rules.update", Put, "/api_3/alarm_status_rules", UnsentOnly, "Update an alarm rule (6.7)", &[
        b("id", Integer, Y, "主键"),
        b("Rule_Name", Text, Y, "规则名称"),
        b("Alarm_id", Integer, Y, "报警主键id"),
        b("Meter_id", Integer, Y, "仪表主键id"),
        b("Meter_Parameter", Text, N, "判断测点, 仅当报警类型为`机器瞬时参数报警`时需要传"),
        b("LowerLimit", Number, Y, "下限"),
        b("UpperLimit", Number, Y, "上限"),
    ]),
    c("energy.alarm_rules.delete", Delete, "/api_3/alarm_status_rules", UnsentOnly, "Delete an alarm rule (6.8)", &[
        b("id", Integer, Y, "主键"),
    ]),
    // A read ("获取报警记录") documented as DELETE: sent as DELETE with a JSON body, as
    // documented. Retried like a read: repeating a read, or a delete by the same filter,
    // cannot change the outcome.
    c("energy.alarm_messages.list", Delete, "/api_3/alarm_message", Safe, "Alarm records (6.9; documented as DELETE), paged", &[
        b("Per_Page_Counts", Integer, N, PER_PAGE),
        b("Page_Counts", Integer, N, PAGE),
        b("Time_Start", DateTime, Y, "开始时间"),
        b("Time_End", DateTime, Y, "结束时间"),
        b("Meter_Name", Text, N, "仪表筛选"),
        b("Meter_Superior", Text, N, "机器筛选"),
        b("Alarm_Type", Integer, N, ALARM_TYPE),
        b("Alarm_Level", Integer, N, ALARM_LEVEL),
        b("Rule_Name", Text, N, "规则筛选"),
    ]),
    c("energy.alarms.statistics", Get, "/api_3/alarm_statistic_nums", Safe, "Alarm counts per year, month or day (6.10)", &[
        q("Time_Type", Text, Y, TIME_TYPE),
        q("Time_Start", DateTime, Y, TIME_START),
        q("Time_End", DateTime, Y, TIME_END),
        q("Statistic_Method", Integer, Y, "0:总计,1:根据Alarm_Level统计,2:根据Alarm_Type统计,3:根据Alarm_Notify统计"),
        q("Return_Format", Integer, Y, RETURN_FORMAT),
    ]),
    // ---- 7 OEE ---------------------------------------------------------------------------
    c("energy.oee_rules.list", Get, "/api_3/OEE_status_rules", Safe, "List OEE rules (7.1), paged", &[
        q("Per_Page_Counts", Integer, N, PER_PAGE),
        q("Page_Counts", Integer, N, PAGE),
    ]),
    // Meter_Superior_id is documented as str here and as int in 7.3: Text here, as documented.
    c("energy.oee_rules.create", Post, "/api_3/OEE_status_rules", UnsentOnly, "Add an OEE rule (7.2)", &[
        b("Rule_Name", Text, Y, "规则名称"),
        b("Status_Name", Text, Y, "状态名称"),
        b("Meter_id", Integer, Y, "仪表主键id"),
        b("Meter_Parameter", Text, Y, "判断测点"),
        b("LowerLimit", Number, Y, "下限"),
        b("UpperLimit", Number, Y, "上限"),
        b("Meter_Superior_id", Text, Y, "机器"),
    ]),
    c("energy.oee_rules.update", Put, "/api_3/OEE_status_rules", UnsentOnly, "Update an OEE rule (7.3)", &[
        b("id", Integer, Y, "主键"),
        b("Rule_Name", Text, Y, "规则名称"),
        b("Status_Name", Text, Y, "状态名称"),
        b("Meter_id", Integer, Y, "仪表主键id"),
        b("Meter_Parameter", Text, Y, "判断测点"),
        b("LowerLimit", Number, Y, "下限"),
        b("UpperLimit", Number, Y, "上限"),
        b("Meter_Superior_id", Integer, Y, "机器"),
    ]),
    c("energy.oee_rules.delete", Delete, "/api_3/OEE_status_rules", UnsentOnly, "Delete an OEE rule (7.4)", &[
        b("id", Integer, Y, "主键"),
    ]),
    c("energy.oee.records", Get, "/api_3/OEE_statistic_records", Safe, "A machine's OEE status changes, at most 24 h (7.5)", &[
        q("Time_Start", DateTime, Y, "查询开始时间，\"2019-04-01 00:00:00\""),
        q("Time_End", DateTime, Y, "查询结束时间，\"2019-04-02 00:00:00\" (间隔最大为24小时)"),
        q("Meter_Superior_id", Integer, Y, "机器筛选"),
    ]),
    c("energy.oee.statistics", Get, "/api_3/OEE_statistic", Safe, "Seconds per OEE status per year, month or day (7.6)", &[
        q("Time_Type", Text, Y, TIME_TYPE),
        q("Time_Start", DateTime, Y, TIME_START),
        q("Time_End", DateTime, Y, TIME_END),
        q("Return_Format", Integer, Y, RETURN_FORMAT),
        q("Meter_Superior_id", Integer, Y, "机器筛选"),
    ]),
    // ---- 8 products, output and batches --------------------------------------------------
    c("energy.products.list", Get, "/api_3/products", Safe, "List products (8.1), paged", &[
        q("Per_Page_Counts", Integer, N, PER_PAGE),
        q("Page_Counts", Integer, N, PAGE),
    ]),
    // 8.2-8.8 and 8.11-8.13: the request tables stand under "返回参数", as in 2.6-2.9.
    c("energy.products.create", Post, "/api_3/products", UnsentOnly, "Add a product (8.2)", &[
        b("Product_Name", Text, Y, "产品名称"),
        b("Product_Unit", Text, N, "计量单位"),
        b("Remarks", Text, N, "产品备注"),
    ]),
    c("energy.products.update", Put, "/api_3/products", UnsentOnly, "Update a product (8.3)", &[
        b("id", Integer, Y, "主键"),
        b("Product_Name", Text, Y, "产品名称"),
        b("Product_Unit", Text, N, "计量单位"),
        b("Remarks", Text, N, "产品备注"),
    ]),
    c("energy.products.delete", Delete, "/api_3/products", UnsentOnly, "Delete a product (8.4)", &[
        b("id", Integer, Y, "主键"),
    ]),
    c("energy.product_output.list", Get, "/api_3/product_output", Safe, "List product output records (8.5), paged", &[
        q("Per_Page_Counts", Integer, N, PER_PAGE),
        q("Page_Counts", Integer, N, PAGE),
        q("Production_Batch", Text, N, "生产批次"),
        q("Product_Name", Text, N, "产品名称"),
    ]),
    CallSpec {
        spoolable: true,
        ..c("energy.product_output.create", Post, "/api_3/product_output", UnsentOnly, "Record a product output (8.6)", &[
            b("Product_id", Integer, Y, "产品主键id"),
            b("Total_Amount", Integer, Y, "产量"),
            b("Meter_Superior_id", Integer, Y, "机器主键id"),
            b("Time_Start", DateTime, Y, "开始时间"),
            b("Time_End", DateTime, Y, "结束时间"),
            b("ProductBatch_id", Integer, Y, "生产批次主键id"),
        ])
    },
    c("energy.product_output.update", Put, "/api_3/product_output", UnsentOnly, "Update a product output record (8.7)", &[
        b("id", Integer, Y, "主键"),
        b("Product_id", Integer, Y, "产品主键id"),
        b("Total_Amount", Integer, Y, "产量"),
        b("Meter_Superior_id", Integer, Y, "机器主键id"),
        b("Time_Start", DateTime, Y, "开始时间"),
        b("Time_End", DateTime, Y, "结束时间"),
        b("ProductBatch_id", Integer, Y, "生产批次主键id"),
    ]),
    c("energy.product_output.delete", Delete, "/api_3/product_output", UnsentOnly, "Delete a product output record (8.8)", &[
        b("id", Integer, Y, "主键"),
    ]),
    c("energy.product_output.statistics", Get, "/api_3/product_output_energy_statistic", Safe, "Output and energy per product or machine (8.9)", &[
        q("Time_Type", Text, Y, TIME_TYPE),
        q("Time_Start", DateTime, Y, TIME_START),
        q("Time_End", DateTime, Y, TIME_END),
        q("Product_Name", Text, N, "根据产品名称筛选"),
        q("Meter_Superior", Text, N, "根据机器名称筛选"),
        q("Is_Order", Integer, N, "根据总量排序(仅当Return_Format为1时可进行排序)"),
        q("Order_Type", Integer, N, ORDER_TYPE),
        q("Limit", Integer, N, "返回数据个数"),
        q("Summary_Type", Integer, Y, "0:不汇总, 1: 根据产品汇总, 2: 根据机器汇总"),
        q("Return_Format", Integer, Y, RETURN_FORMAT),
        q("Amount_Type", Integer, Y, OUTPUT_AMOUNT_TYPE),
        q("Energy_Type", Text, N, ENERGY_TYPE),
    ]),
    c("energy.batches.list", Get, "/api_3/productsBatch", Safe, "List production batches (8.10), paged", &[
        q("Per_Page_Counts", Integer, N, PER_PAGE),
        q("Page_Counts", Integer, N, PAGE),
    ]),
    // 8.11/8.12: the columns are shifted (the "是否必须" column holds the description), so
    // no required flag is documented: a batch is its name and its period, all required.
    c("energy.batches.create", Post, "/api_3/productsBatch", UnsentOnly, "Add a production batch (8.11)", &[
        b("Production_Batch", Text, Y, "生产批次"),
        b("Time_Start", DateTime, Y, "开始时间"),
        b("Time_End", DateTime, Y, "结束时间"),
    ]),
    c("energy.batches.update", Put, "/api_3/productsBatch", UnsentOnly, "Update a production batch (8.12)", &[
        b("id", Integer, Y, "主键"),
        b("Production_Batch", Text, Y, "生产批次"),
        b("Time_Start", DateTime, Y, "开始时间"),
        b("Time_End", DateTime, Y, "结束时间"),
    ]),
    c("energy.batches.delete", Delete, "/api_3/productsBatch", UnsentOnly, "Delete a production batch (8.13)", &[
        b("id", Integer, Y, "主键"),
    ]),
    c("energy.batches.statistics", Get, "/api_3/productsBatch_output_energy_statistic", Safe, "Output and energy per batch (8.14)", &[
        q("Production_Batch", Text, Y, "根据批次名称筛选"),
        q("Product_Name", Text, N, "根据产品名称筛选"),
        q("Meter_Superior", Text, N, "根据机器名称筛选"),
        q("Is_Order", Integer, N, "根据总量排序，1:排序，0:不排序"),
        q("Order_Type", Integer, N, ORDER_TYPE),
        q("Limit", Integer, N, "返回数据个数"),
        q("Summary_Type", Integer, Y, "0:不汇总, 1: 根据产品汇总, 2: 根据机器汇总, 3 根据批次名称汇总"),
        q("Amount_Type", Integer, Y, "返回总量的类型1:产量, 2:某能源能耗, 3:综合耗能, 4: 某能源单品能耗, 5:综合单品能耗，6:生产效率"),
        q("Energy_Type", Text, N, ENERGY_TYPE),
    ]),
    // ---- 9 miniprogram and regions -------------------------------------------------------
    c("energy.miniprogram.bind", Post, "/api_3/xcx_info_bind", UnsentOnly, "Bind a WeChat mini-program user (9.1)", &[
        b("code", Text, Y, "code"),
        b("encryptedData", Text, Y, "encryptedData"),
        b("iv", Text, Y, "iv"),
    ]),
    c("energy.regions.list", Get, "/api_3/province_city_list", Safe, "Provinces and their cities (9.2)", &[]),
];

/// A documented enumeration, for the language layers' enums.
#[derive(Debug, Clone, Copy)]
pub struct EnumSpec {
    /// The enum's English name (a type name in C# and Python).
    pub name: &'static str,
    /// The parameter or answer field(s) it applies to, comma-separated.
    pub param: &'static str,
    /// (value, English name, the document's text).
    pub values: &'static [(i64, &'static str, &'static str)],
}

const fn e(
    name: &'static str,
    param: &'static str,
    values: &'static [(i64, &'static str, &'static str)],
) -> EnumSpec {
    EnumSpec {
        name,
        param,
        values,
    }
}

/// Every enumeration the document gives, request and answer fields alike. Values sent as
/// `str` (Time_Type, Amount_Type, ...) are sent as their decimal text.
#[rustfmt::skip]
pub static ENUMS: &[EnumSpec] = &[
    e("TimeType", "Time_Type", &[(1, "Year", "年"), (2, "Month", "月"), (3, "Day", "天")]),
    e("AmountType", "Amount_Type", &[
        (1, "ByMeterType", "按仪表类型查"),
        (2, "ByMeter", "按仪表查"),
        (3, "ByMachine", "按机器查"),
        (4, "ByDepartment", "按部门查"),
    ]),
    e("AmountCombination", "Amount_Combination", &[(1, "ByMeterType", "按仪表类型查"), (2, "ByMeter", "按仪表查")]),
    e("EnergyKind", "Amount_Value,Ene_Type,Energy_Type", &[
        (0, "Electricity", "电"),
        (1, "TapWater", "自来水"),
        (2, "ReclaimedWater", "中水"),
        (3, "HotWater", "热水"),
        (4, "SoftWater", "软水"),
        (5, "MediumPressureSteam", "中压蒸汽"),
        (6, "LowPressureSteam", "低压蒸汽"),
        (7, "Air", "空气"),
        (8, "NaturalGas", "天然气"),
    ]),
    e("Segmentation", "isSegmentation", &[(0, "Segmented", "分段"), (1, "NotSegmented", "不分段")]),
    e("DateType", "Date_Type", &[(2, "Month", "月"), (3, "Day", "天")]),
    e("OperationType", "Operation_Type", &[(1, "UploadOrganization", "上传用能单位基础信息"), (2, "UpdateVersion", "更新版本数据")]),
    e("OperationResult", "Result", &[(0, "Failure", "失败"), (1, "Success", "成功")]),
    e("RequireUpdate", "requireUpdate", &[(0, "NotRequired", "不需要更新"), (1, "Required", "需要更新")]),
    e("CollectFrequency", "statType", &[(0, "RealTime", "实时"), (1, "Day", "日"), (2, "Month", "月"), (3, "Year", "年")]),
    e("CollectScope", "scope", &[
        (1, "WholePlant", "全厂"),
        (2, "Process", "生产工序"),
        (3, "ProcessUnit", "生产工序单元"),
        (4, "KeyEquipment", "重点耗能设备"),
    ]),
    e("EnergyConsumeLevel", "energyConsumeLevel", &[
        (1, "Below5000t", "5000 吨以下"),
        (2, "From5000To10000t", "5000~10000 吨"),
        (3, "From10kTo100kt", "1 万-10 万吨"),
        (4, "From100kTo500kt", "10 万-50 万吨"),
        (5, "From500kTo3Mt", "50 万-300 万吨"),
        (6, "Above3Mt", "300 万吨以上"),
    ]),
    e("FieldCode", "fieldCode", &[
        (100, "Industry", "工业"),
        (200, "TransportStoragePost", "交通运输.仓储和邮政业"),
        (300, "AccommodationCatering", "住宿和餐饮业"),
        (400, "WholesaleRetail", "批发和零售业"),
        (500, "Education", "教育"),
        (600, "Other", "其他"),
    ]),
    e("AlarmLevel", "Alarm_Level", &[(1, "Normal", "一般"), (2, "Warning", "警告"), (3, "Severe", "严重")]),
    e("AlarmType", "Alarm_Type", &[(1, "HourlyEnergy", "机器每小时累计能耗报警"), (2, "InstantParameter", "机器瞬时参数报警")]),
    e("AlarmNotify", "Alarm_Notify", &[(1, "Platform", "平台通知"), (2, "Sms", "短信通知"), (3, "Email", "邮箱通知"), (4, "WeChat", "微信通知")]),
    e("StatisticMethod", "Statistic_Method", &[
        (0, "Total", "总计"),
        (1, "ByAlarmLevel", "根据Alarm_Level统计"),
        (2, "ByAlarmType", "根据Alarm_Type统计"),
        (3, "ByAlarmNotify", "根据Alarm_Notify统计"),
    ]),
    e("ReturnFormat", "Return_Format", &[(1, "Total", "返回总量"), (2, "Detailed", "返回详细总量(查天, 返回每小时的值)")]),
    e("IsOrder", "Is_Order", &[(0, "NoSort", "不排序"), (1, "Sort", "排序")]),
    e("OrderType", "Order_Type", &[(1, "Ascending", "升序"), (2, "Descending", "降序")]),
    e("SummaryType", "Summary_Type", &[
        (0, "None", "不汇总"),
        (1, "ByProduct", "根据产品汇总"),
        (2, "ByMachine", "根据机器汇总"),
        (3, "ByBatch", "根据批次名称汇总 (8.14 only)"),
    ]),
    // Amount_Type of 8.9 and 8.14 (not the consumption Amount_Type of 3.x).
    e("OutputAmountType", "Amount_Type", &[
        (1, "Output", "产量"),
        (2, "EnergyConsumption", "某能源能耗"),
        (3, "ComprehensiveConsumption", "综合耗能"),
        (4, "UnitEnergyConsumption", "某能源单品能耗"),
        (5, "UnitComprehensiveConsumption", "综合单品能耗"),
        (6, "ProductionEfficiency", "生产效率 (8.14 only)"),
    ]),
    e("YesNo", "Meter_IsVirtual,Meter_IsTotal,Meter_IsCount,Is_HandWork", &[(0, "No", "否"), (1, "Yes", "是")]),
    // Appendix II.
    e("AlarmInfoState", "Err_No", &[(0, "Normal", "正常"), (1, "Alarm", "告警"), (-1, "Abnormal", "异常")]),
    // Appendix IV: the common status codes (see servers::energy::codes for their error kinds).
    e("ErrNo", "Err_No", &[
        (0, "Ok", "ok"),
        (4001, "DatabaseQueryError", "数据库查询出错"),
        (4002, "NoData", "无数据"),
        (4003, "DataExists", "数据已存在"),
        (4004, "DataError", "数据错误"),
        (4101, "NotLoggedIn", "用户未登录"),
        (4102, "LoginFailed", "用户登录失败"),
        (4103, "ParameterError", "参数错误"),
        (4104, "UserNotFound", "用户不存在"),
        (4105, "PermissionDenied", "用户权限不足"),
        (4106, "WrongPassword", "密码错误"),
        (4107, "DatabaseWriteError", "数据库记录新增或修改出错"),
        (4201, "RequestRefusedOrLimited", "非法请求或请求次数受限"),
        (4202, "IpRestricted", "IP受限"),
        (4302, "FileReadWriteError", "文件读写错误"),
        (4501, "UnknownError", "未知错误"),
    ]),
];
