//! The answer models, records and enumerations of the typed surfaces.
//!
//! Generated from the catalog by tools/gen_surfaces.py; do not edit.
//! Names: energy calls grouped as its document groups them (client.energy.meters.create),
//! other calls as client methods named after their id (ate_sn_detail_get); parameters
//! and fields are the wire name in snake_case (Rust, Python), camelCase (C# parameters),
//! PascalCase (C# properties); the wire name is in each doc comment.
//! Date-times: the language layer sends ISO 8601 with the value's offset; the core alone
//! converts to the server's format.

#![allow(clippy::all)]

use crate::datetime::DateTimeArg;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// TimeType (`Time_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeType {
    /// 年
    Year = 1,
    /// 月
    Month = 2,
    /// 天
    Day = 3,
}

impl TimeType {
    /// Every member, in the document's order.
    pub const ALL: &'static [TimeType] = &[TimeType::Year, TimeType::Month, TimeType::Day];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<TimeType> for Value {
    fn from(v: TimeType) -> Value {
        Value::from(v.value())
    }
}

/// AmountType (`Amount_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmountType {
    /// 按仪表类型查
    ByMeterType = 1,
    /// 按仪表查
    ByMeter = 2,
    /// 按机器查
    ByMachine = 3,
    /// 按部门查
    ByDepartment = 4,
}

impl AmountType {
    /// Every member, in the document's order.
    pub const ALL: &'static [AmountType] = &[AmountType::ByMeterType, AmountType::ByMeter, AmountType::ByMachine, AmountType::ByDepartment];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<AmountType> for Value {
    fn from(v: AmountType) -> Value {
        Value::from(v.value())
    }
}

/// AmountCombination (`Amount_Combination`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmountCombination {
    /// 按仪表类型查
    ByMeterType = 1,
    /// 按仪表查
    ByMeter = 2,
}

impl AmountCombination {
    /// Every member, in the document's order.
    pub const ALL: &'static [AmountCombination] = &[AmountCombination::ByMeterType, AmountCombination::ByMeter];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<AmountCombination> for Value {
    fn from(v: AmountCombination) -> Value {
        Value::from(v.value())
    }
}

/// EnergyKind (`Amount_Value,Ene_Type,Energy_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnergyKind {
    /// 电
    Electricity = 0,
    /// 自来水
    TapWater = 1,
    /// 中水
    ReclaimedWater = 2,
    /// 热水
    HotWater = 3,
    /// 软水
    SoftWater = 4,
    /// 中压蒸汽
    MediumPressureSteam = 5,
    /// 低压蒸汽
    LowPressureSteam = 6,
    /// 空气
    Air = 7,
    /// 天然气
    NaturalGas = 8,
}

impl EnergyKind {
    /// Every member, in the document's order.
    pub const ALL: &'static [EnergyKind] = &[EnergyKind::Electricity, EnergyKind::TapWater, EnergyKind::ReclaimedWater, EnergyKind::HotWater, EnergyKind::SoftWater, EnergyKind::MediumPressureSteam, EnergyKind::LowPressureSteam, EnergyKind::Air, EnergyKind::NaturalGas];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<EnergyKind> for Value {
    fn from(v: EnergyKind) -> Value {
        Value::from(v.value())
    }
}

/// Segmentation (`isSegmentation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segmentation {
    /// 分段
    Segmented = 0,
    /// 不分段
    NotSegmented = 1,
}

impl Segmentation {
    /// Every member, in the document's order.
    pub const ALL: &'static [Segmentation] = &[Segmentation::Segmented, Segmentation::NotSegmented];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<Segmentation> for Value {
    fn from(v: Segmentation) -> Value {
        Value::from(v.value())
    }
}

/// DateType (`Date_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateType {
    /// 月
    Month = 2,
    /// 天
    Day = 3,
}

impl DateType {
    /// Every member, in the document's order.
    pub const ALL: &'static [DateType] = &[DateType::Month, DateType::Day];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<DateType> for Value {
    fn from(v: DateType) -> Value {
        Value::from(v.value())
    }
}

/// OperationType (`Operation_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationType {
    /// 上传用能单位基础信息
    UploadOrganization = 1,
    /// 更新版本数据
    UpdateVersion = 2,
}

impl OperationType {
    /// Every member, in the document's order.
    pub const ALL: &'static [OperationType] = &[OperationType::UploadOrganization, OperationType::UpdateVersion];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<OperationType> for Value {
    fn from(v: OperationType) -> Value {
        Value::from(v.value())
    }
}

/// OperationResult (`Result`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationResult {
    /// 失败
    Failure = 0,
    /// 成功
    Success = 1,
}

impl OperationResult {
    /// Every member, in the document's order.
    pub const ALL: &'static [OperationResult] = &[OperationResult::Failure, OperationResult::Success];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<OperationResult> for Value {
    fn from(v: OperationResult) -> Value {
        Value::from(v.value())
    }
}

/// RequireUpdate (`requireUpdate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequireUpdate {
    /// 不需要更新
    NotRequired = 0,
    /// 需要更新
    Required = 1,
}

impl RequireUpdate {
    /// Every member, in the document's order.
    pub const ALL: &'static [RequireUpdate] = &[RequireUpdate::NotRequired, RequireUpdate::Required];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<RequireUpdate> for Value {
    fn from(v: RequireUpdate) -> Value {
        Value::from(v.value())
    }
}

/// CollectFrequency (`statType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CollectFrequency {
    /// 实时
    RealTime = 0,
    /// 日
    Day = 1,
    /// 月
    Month = 2,
    /// 年
    Year = 3,
}

impl CollectFrequency {
    /// Every member, in the document's order.
    pub const ALL: &'static [CollectFrequency] = &[CollectFrequency::RealTime, CollectFrequency::Day, CollectFrequency::Month, CollectFrequency::Year];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<CollectFrequency> for Value {
    fn from(v: CollectFrequency) -> Value {
        Value::from(v.value())
    }
}

/// CollectScope (`scope`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CollectScope {
    /// 全厂
    WholePlant = 1,
    /// 生产工序
    Process = 2,
    /// 生产工序单元
    ProcessUnit = 3,
    /// 重点耗能设备
    KeyEquipment = 4,
}

impl CollectScope {
    /// Every member, in the document's order.
    pub const ALL: &'static [CollectScope] = &[CollectScope::WholePlant, CollectScope::Process, CollectScope::ProcessUnit, CollectScope::KeyEquipment];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<CollectScope> for Value {
    fn from(v: CollectScope) -> Value {
        Value::from(v.value())
    }
}

/// EnergyConsumeLevel (`energyConsumeLevel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnergyConsumeLevel {
    /// 5000 吨以下
    Below5000t = 1,
    /// 5000~10000 吨
    From5000To10000t = 2,
    /// 1 万-10 万吨
    From10kTo100kt = 3,
    /// 10 万-50 万吨
    From100kTo500kt = 4,
    /// 50 万-300 万吨
    From500kTo3Mt = 5,
    /// 300 万吨以上
    Above3Mt = 6,
}

impl EnergyConsumeLevel {
    /// Every member, in the document's order.
    pub const ALL: &'static [EnergyConsumeLevel] = &[EnergyConsumeLevel::Below5000t, EnergyConsumeLevel::From5000To10000t, EnergyConsumeLevel::From10kTo100kt, EnergyConsumeLevel::From100kTo500kt, EnergyConsumeLevel::From500kTo3Mt, EnergyConsumeLevel::Above3Mt];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<EnergyConsumeLevel> for Value {
    fn from(v: EnergyConsumeLevel) -> Value {
        Value::from(v.value())
    }
}

/// FieldCode (`fieldCode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldCode {
    /// 工业
    Industry = 100,
    /// 交通运输.仓储和邮政业
    TransportStoragePost = 200,
    /// 住宿和餐饮业
    AccommodationCatering = 300,
    /// 批发和零售业
    WholesaleRetail = 400,
    /// 教育
    Education = 500,
    /// 其他
    Other = 600,
}

impl FieldCode {
    /// Every member, in the document's order.
    pub const ALL: &'static [FieldCode] = &[FieldCode::Industry, FieldCode::TransportStoragePost, FieldCode::AccommodationCatering, FieldCode::WholesaleRetail, FieldCode::Education, FieldCode::Other];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<FieldCode> for Value {
    fn from(v: FieldCode) -> Value {
        Value::from(v.value())
    }
}

/// AlarmLevel (`Alarm_Level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlarmLevel {
    /// 一般
    Normal = 1,
    /// 警告
    Warning = 2,
    /// 严重
    Severe = 3,
}

impl AlarmLevel {
    /// Every member, in the document's order.
    pub const ALL: &'static [AlarmLevel] = &[AlarmLevel::Normal, AlarmLevel::Warning, AlarmLevel::Severe];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<AlarmLevel> for Value {
    fn from(v: AlarmLevel) -> Value {
        Value::from(v.value())
    }
}

/// AlarmType (`Alarm_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlarmType {
    /// 机器每小时累计能耗报警
    HourlyEnergy = 1,
    /// 机器瞬时参数报警
    InstantParameter = 2,
}

impl AlarmType {
    /// Every member, in the document's order.
    pub const ALL: &'static [AlarmType] = &[AlarmType::HourlyEnergy, AlarmType::InstantParameter];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<AlarmType> for Value {
    fn from(v: AlarmType) -> Value {
        Value::from(v.value())
    }
}

/// AlarmNotify (`Alarm_Notify`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlarmNotify {
    /// 平台通知
    Platform = 1,
    /// 短信通知
    Sms = 2,
    /// 邮箱通知
    Email = 3,
    /// 微信通知
    WeChat = 4,
}

impl AlarmNotify {
    /// Every member, in the document's order.
    pub const ALL: &'static [AlarmNotify] = &[AlarmNotify::Platform, AlarmNotify::Sms, AlarmNotify::Email, AlarmNotify::WeChat];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<AlarmNotify> for Value {
    fn from(v: AlarmNotify) -> Value {
        Value::from(v.value())
    }
}

/// StatisticMethod (`Statistic_Method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatisticMethod {
    /// 总计
    Total = 0,
    /// 根据Alarm_Level统计
    ByAlarmLevel = 1,
    /// 根据Alarm_Type统计
    ByAlarmType = 2,
    /// 根据Alarm_Notify统计
    ByAlarmNotify = 3,
}

impl StatisticMethod {
    /// Every member, in the document's order.
    pub const ALL: &'static [StatisticMethod] = &[StatisticMethod::Total, StatisticMethod::ByAlarmLevel, StatisticMethod::ByAlarmType, StatisticMethod::ByAlarmNotify];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<StatisticMethod> for Value {
    fn from(v: StatisticMethod) -> Value {
        Value::from(v.value())
    }
}

/// ReturnFormat (`Return_Format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReturnFormat {
    /// 返回总量
    Total = 1,
    /// 返回详细总量(查天, 返回每小时的值)
    Detailed = 2,
}

impl ReturnFormat {
    /// Every member, in the document's order.
    pub const ALL: &'static [ReturnFormat] = &[ReturnFormat::Total, ReturnFormat::Detailed];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<ReturnFormat> for Value {
    fn from(v: ReturnFormat) -> Value {
        Value::from(v.value())
    }
}

/// IsOrder (`Is_Order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IsOrder {
    /// 不排序
    NoSort = 0,
    /// 排序
    Sort = 1,
}

impl IsOrder {
    /// Every member, in the document's order.
    pub const ALL: &'static [IsOrder] = &[IsOrder::NoSort, IsOrder::Sort];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<IsOrder> for Value {
    fn from(v: IsOrder) -> Value {
        Value::from(v.value())
    }
}

/// OrderType (`Order_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderType {
    /// 升序
    Ascending = 1,
    /// 降序
    Descending = 2,
}

impl OrderType {
    /// Every member, in the document's order.
    pub const ALL: &'static [OrderType] = &[OrderType::Ascending, OrderType::Descending];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<OrderType> for Value {
    fn from(v: OrderType) -> Value {
        Value::from(v.value())
    }
}

/// SummaryType (`Summary_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SummaryType {
    /// 不汇总
    None = 0,
    /// 根据产品汇总
    ByProduct = 1,
    /// 根据机器汇总
    ByMachine = 2,
    /// 根据批次名称汇总 (8.14 only)
    ByBatch = 3,
}

impl SummaryType {
    /// Every member, in the document's order.
    pub const ALL: &'static [SummaryType] = &[SummaryType::None, SummaryType::ByProduct, SummaryType::ByMachine, SummaryType::ByBatch];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<SummaryType> for Value {
    fn from(v: SummaryType) -> Value {
        Value::from(v.value())
    }
}

/// OutputAmountType (`Amount_Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputAmountType {
    /// 产量
    Output = 1,
    /// 某能源能耗
    EnergyConsumption = 2,
    /// 综合耗能
    ComprehensiveConsumption = 3,
    /// 某能源单品能耗
    UnitEnergyConsumption = 4,
    /// 综合单品能耗
    UnitComprehensiveConsumption = 5,
    /// 生产效率 (8.14 only)
    ProductionEfficiency = 6,
}

impl OutputAmountType {
    /// Every member, in the document's order.
    pub const ALL: &'static [OutputAmountType] = &[OutputAmountType::Output, OutputAmountType::EnergyConsumption, OutputAmountType::ComprehensiveConsumption, OutputAmountType::UnitEnergyConsumption, OutputAmountType::UnitComprehensiveConsumption, OutputAmountType::ProductionEfficiency];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<OutputAmountType> for Value {
    fn from(v: OutputAmountType) -> Value {
        Value::from(v.value())
    }
}

/// YesNo (`Meter_IsVirtual,Meter_IsTotal,Meter_IsCount,Is_HandWork`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YesNo {
    /// 否
    No = 0,
    /// 是
    Yes = 1,
}

impl YesNo {
    /// Every member, in the document's order.
    pub const ALL: &'static [YesNo] = &[YesNo::No, YesNo::Yes];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<YesNo> for Value {
    fn from(v: YesNo) -> Value {
        Value::from(v.value())
    }
}

/// AlarmInfoState (`Err_No`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlarmInfoState {
    /// 正常
    Normal = 0,
    /// 告警
    Alarm = 1,
    /// 异常
    Abnormal = -1,
}

impl AlarmInfoState {
    /// Every member, in the document's order.
    pub const ALL: &'static [AlarmInfoState] = &[AlarmInfoState::Normal, AlarmInfoState::Alarm, AlarmInfoState::Abnormal];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<AlarmInfoState> for Value {
    fn from(v: AlarmInfoState) -> Value {
        Value::from(v.value())
    }
}

/// ErrNo (`Err_No`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrNo {
    /// ok
    Ok = 0,
    /// 数据库查询出错
    DatabaseQueryError = 4001,
    /// 无数据
    NoData = 4002,
    /// 数据已存在
    DataExists = 4003,
    /// 数据错误
    DataError = 4004,
    /// 用户未登录
    NotLoggedIn = 4101,
    /// 用户登录失败
    LoginFailed = 4102,
    /// 参数错误
    ParameterError = 4103,
    /// 用户不存在
    UserNotFound = 4104,
    /// 用户权限不足
    PermissionDenied = 4105,
    /// 密码错误
    WrongPassword = 4106,
    /// 数据库记录新增或修改出错
    DatabaseWriteError = 4107,
    /// 非法请求或请求次数受限
    RequestRefusedOrLimited = 4201,
    /// IP受限
    IpRestricted = 4202,
    /// 文件读写错误
    FileReadWriteError = 4302,
    /// 未知错误
    UnknownError = 4501,
}

impl ErrNo {
    /// Every member, in the document's order.
    pub const ALL: &'static [ErrNo] = &[ErrNo::Ok, ErrNo::DatabaseQueryError, ErrNo::NoData, ErrNo::DataExists, ErrNo::DataError, ErrNo::NotLoggedIn, ErrNo::LoginFailed, ErrNo::ParameterError, ErrNo::UserNotFound, ErrNo::PermissionDenied, ErrNo::WrongPassword, ErrNo::DatabaseWriteError, ErrNo::RequestRefusedOrLimited, ErrNo::IpRestricted, ErrNo::FileReadWriteError, ErrNo::UnknownError];
    /// The documented number.
    pub fn value(self) -> i64 {
        self as i64
    }
}

impl From<ErrNo> for Value {
    fn from(v: ErrNo) -> Value {
        Value::from(v.value())
    }
}

/// traceType: which way to trace (`traceType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TraceType {
    /// 正向追溯: from a finished product to what it is made of and how it was made
    #[serde(rename = "forward")]
    Forward,
    /// 反向追溯: from a raw material to the products that used it
    #[serde(rename = "reverse")]
    Reverse,
}

impl TraceType {
    /// Every member, in the document's order.
    pub const ALL: &'static [TraceType] = &[TraceType::Forward, TraceType::Reverse];
    /// The value on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            TraceType::Forward => "forward",
            TraceType::Reverse => "reverse",
        }
    }

    /// The member of a wire value.
    pub fn from_wire(s: &str) -> Option<TraceType> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

impl From<TraceType> for Value {
    fn from(v: TraceType) -> Value {
        Value::from(v.as_str())
    }
}

/// A level of the organization tree: a node with a machine_id is a machine at any depth; otherwise its depth names it (`OrgNode.level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgLevel {
    /// 工厂
    #[serde(rename = "factory")]
    Factory,
    /// 产区/厂区
    #[serde(rename = "area")]
    Area,
    /// 车间
    #[serde(rename = "workshop")]
    Workshop,
    /// 生产线
    #[serde(rename = "line")]
    Line,
    /// 机床
    #[serde(rename = "machine")]
    Machine,
    /// deeper than a line without being a machine: not in the document
    #[serde(rename = "other")]
    Other,
}

impl OrgLevel {
    /// Every member, in the document's order.
    pub const ALL: &'static [OrgLevel] = &[OrgLevel::Factory, OrgLevel::Area, OrgLevel::Workshop, OrgLevel::Line, OrgLevel::Machine, OrgLevel::Other];
    /// The value on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgLevel::Factory => "factory",
            OrgLevel::Area => "area",
            OrgLevel::Workshop => "workshop",
            OrgLevel::Line => "line",
            OrgLevel::Machine => "machine",
            OrgLevel::Other => "other",
        }
    }

    /// The member of a wire value.
    pub fn from_wire(s: &str) -> Option<OrgLevel> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

impl From<OrgLevel> for Value {
    fn from(v: OrgLevel) -> Value {
        Value::from(v.as_str())
    }
}

/// Who `ate.login` logged in. The token stays inside the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginInfo {
    /// `epm_no`: 员工编号 (the server's key really is `epm_no`)
    #[serde(rename = "epm_no")]
    pub emp_no: String,
    /// `emp_name`: 员工姓名
    pub emp_name: String,
    /// `company`: 公司别
    pub company: String,
    /// `account`: account
    pub account: bool,
    /// `raw`: The server's JSON as it came, fields the document does not name included.
    #[serde(default)]
    pub raw: Value,
}

impl crate::models::FromAnswer for LoginInfo {
    fn from_answer(answer: Value) -> crate::error::Result<Self> {
        crate::models::read_answer(answer)
    }
}

/// A work order (`ate.sn_detail.get`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnDetail {
    /// `SERIAL_NUMBER`: SERIAL_NUMBER: the greatest SN produced so far
    #[serde(rename = "SERIAL_NUMBER")]
    pub serial_number: String,
    /// `FUNCTION_NAME`: FUNCTION_NAME: the name of the SN rule (生产 SN 的规则名称)
    #[serde(rename = "FUNCTION_NAME")]
    pub function_name: String,
    /// `TARGET_QTY`: TARGET_QTY: 工单目标生产数量
    #[serde(rename = "TARGET_QTY")]
    pub target_qty: i64,
    /// `SN_QTY`: SN_QTY: 工单目前生产数量
    #[serde(rename = "SN_QTY")]
    pub sn_qty: i64,
    /// `raw`: The server's JSON as it came, fields the document does not name included.
    #[serde(default)]
    pub raw: Value,
}

impl crate::models::FromAnswer for SnDetail {
    fn from_answer(answer: Value) -> crate::error::Result<Self> {
        crate::models::read_answer(answer)
    }
}

/// One machine's metadata (`mgm.sys_info`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SysInfo {
    /// `cnc_system`: cnc 系统型号 (系列)
    pub cnc_system: String,
    /// `cnc_class`: cnc 系统类型
    pub cnc_class: String,
    /// `cnc_model`: 机床型号
    pub cnc_model: String,
    /// `raw`: The server's JSON as it came, fields the document does not name included.
    #[serde(default)]
    pub raw: Value,
}

/// One node of the organization tree (`mgm.organization` answers the root, the factory): `members` maps turned into children ordered by their numeric keys, each with its level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgNode {
    /// `id`: The node's `id`; for a machine without one, its `machine_id`; for the root without one, `factory_id`.
    pub id: String,
    /// `name`: name
    pub name: String,
    /// `level`: factory, area, workshop, line, machine or other
    pub level: OrgLevel,
    /// `machine_id`: Set on machines.
    #[serde(default)]
    pub machine_id: Option<String>,
    /// `key`: The node's key in its parent's `members` (empty for the root).
    pub key: String,
    /// `children`: `members`, in the order of their numeric keys.
    pub children: Vec<OrgNode>,
    /// `raw`: The node as the server sent it, `members` included.
    #[serde(default)]
    pub raw: Value,
}

/// One node of a trace tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceNode {
    /// `stepCode`: stepCode: the production step
    #[serde(rename = "stepCode")]
    pub step_code: String,
    /// `type`: type: ProductionReport (报工), MaterialConsumption (物料消耗), QualityControl (质检结果), ...
    #[serde(rename = "type")]
    pub kind: String,
    /// `uniqueCode`: uniqueCode: a work order, batch number, serial number, barcode, ...
    #[serde(rename = "uniqueCode")]
    pub unique_code: String,
    /// `from`: from: how the node was reached (`DestUniqueCode`, `SameId`); none on roots
    #[serde(default)]
    pub from: Option<String>,
    /// `id`: id: the server's record id; none on roots
    #[serde(default)]
    pub id: Option<i64>,
    /// `trees`: trees: the nodes below
    #[serde(rename = "trees")]
    pub children: Vec<TraceNode>,
    /// `raw`: The node as the server sent it (children normalised), fields the document does not name included.
    #[serde(default)]
    pub raw: Value,
}

/// The answer of `trace.query`: the tree list typed, the `data` string as it came, the whole answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceResult {
    /// `id`: The answer's id
    pub id: String,
    /// `code`: The answer's code (200)
    pub code: i64,
    /// `treeList`: treeList: the root nodes
    #[serde(rename = "treeList")]
    pub tree_list: Vec<TraceNode>,
    /// `data_raw`: The `data` string exactly as the server sent it (empty when it sent none)
    pub data_raw: String,
    /// `answer`: The whole answer as the generic call answers it (`data` normalised, `data_raw` kept)
    #[serde(default)]
    pub answer: Value,
}

/// The typed JSON of `model` read from a call's answer: what `Client::call_typed`
/// hands the Python and C# layers, which make their generated models from it.
pub(crate) fn typed_json(model: &str, answer: Value) -> crate::error::Result<Value> {
    use crate::models::FromAnswer;
    match model {
        "LoginInfo" => crate::models::to_json(LoginInfo::from_answer(answer)?),
        "SnDetail" => crate::models::to_json(SnDetail::from_answer(answer)?),
        "SysInfo" => crate::models::to_json(SysInfo::from_answer(answer)?),
        "OrgNode" => crate::models::to_json(OrgNode::from_answer(answer)?),
        "TraceResult" => crate::models::to_json(TraceResult::from_answer(answer)?),
        other => Err(crate::error::Error::internal(format!("no model {other:?}"))),
    }
}

/// The parameters of `grading.save` as one record: Save one cell's grading record (newest record per barcode wins)
#[derive(Debug, Clone, PartialEq)]
pub struct GradingRecord {
    /// `batteryStation`: 电池工位
    pub battery_station: String,
    /// `deviceCode`: 设备编码
    pub device_code: String,
    /// `barcode`: 电芯条码
    pub barcode: String,
    /// `testTime`: 测试时间 (yyyy-MM-dd HH:mm:ss)
    pub test_time: DateTimeArg,
    /// `workStep`: 工步
    pub work_step: String,
    /// `voltage`: 电压
    pub voltage: Option<f64>,
    /// `electricity`: 电流
    pub electricity: Option<f64>,
    /// `volume`: 容量
    pub volume: Option<f64>,
    /// `energy`: 能量
    pub energy: Option<f64>,
}

impl GradingRecord {
    /// The parameters of the generic call, with the server's names.
    pub fn to_params(&self) -> Value {
        let mut p = Map::new();
        p.insert("batteryStation".into(), Value::from(self.battery_station.clone()));
        p.insert("deviceCode".into(), Value::from(self.device_code.clone()));
        p.insert("barcode".into(), Value::from(self.barcode.clone()));
        p.insert("testTime".into(), Value::from(self.test_time.clone()));
        p.insert("workStep".into(), Value::from(self.work_step.clone()));
        if let Some(v) = &self.voltage {
            p.insert("voltage".into(), Value::from(v.clone()));
        }
        if let Some(v) = &self.electricity {
            p.insert("electricity".into(), Value::from(v.clone()));
        }
        if let Some(v) = &self.volume {
            p.insert("volume".into(), Value::from(v.clone()));
        }
        if let Some(v) = &self.energy {
            p.insert("energy".into(), Value::from(v.clone()));
        }
        Value::Object(p)
    }
}
