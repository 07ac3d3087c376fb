"""Typed methods, answer models, records and enumerations of every call.

Generated from the catalog by tools/gen_surfaces.py; do not edit.
Names: energy calls grouped as its document groups them (client.energy.meters.create),
other calls as client methods named after their id (ate_sn_detail_get); parameters
and fields are the wire name in snake_case (Rust, Python), camelCase (C# parameters),
PascalCase (C# properties); the wire name is in each doc comment.
Date-times: the language layer sends ISO 8601 with the value's offset; the core alone
converts to the server's format.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, AsyncIterator, Dict, Iterator, List, Mapping, Optional, Union

from ._wire import DateTimeLike


__all__ = ["AlarmInfoState", "AlarmLevel", "AlarmNotify", "AlarmType", "AmountCombination", "AmountType", "AsyncEnergy", "AsyncEnergyAlarmMessages", "AsyncEnergyAlarmRules", "AsyncEnergyAlarms", "AsyncEnergyAuth", "AsyncEnergyBatches", "AsyncEnergyConsumption", "AsyncEnergyMachines", "AsyncEnergyMeasure", "AsyncEnergyMeters", "AsyncEnergyMiniprogram", "AsyncEnergyOee", "AsyncEnergyOeeRules", "AsyncEnergyPersonalise", "AsyncEnergyProductOutput", "AsyncEnergyProducts", "AsyncEnergyPrp", "AsyncEnergyPrpManualData", "AsyncEnergyPrpOrganization", "AsyncEnergyPrpUploadedData", "AsyncEnergyPrpVersion", "AsyncEnergyRate", "AsyncEnergyRegions", "AsyncEnergyReport", "AsyncEnergyUsers", "CollectFrequency", "CollectScope", "DateType", "Energy", "EnergyAlarmMessages", "EnergyAlarmRules", "EnergyAlarms", "EnergyAuth", "EnergyBatches", "EnergyConsumeLevel", "EnergyConsumption", "EnergyKind", "EnergyMachines", "EnergyMeasure", "EnergyMeters", "EnergyMiniprogram", "EnergyOee", "EnergyOeeRules", "EnergyPersonalise", "EnergyProductOutput", "EnergyProducts", "EnergyPrp", "EnergyPrpManualData", "EnergyPrpOrganization", "EnergyPrpUploadedData", "EnergyPrpVersion", "EnergyRate", "EnergyRegions", "EnergyReport", "EnergyUsers", "ErrNo", "FieldCode", "GradingRecord", "IsOrder", "LoginInfo", "OperationResult", "OperationType", "OrderType", "OrgLevel", "OrgNode", "OutputAmountType", "RequireUpdate", "ReturnFormat", "Segmentation", "SnDetail", "StatisticMethod", "SummaryType", "SysInfo", "TimeType", "TraceNode", "TraceResult", "TraceType", "YesNo"]


class TimeType(enum.IntEnum):
    """TimeType (``Time_Type``)."""

    YEAR = 1  # 年
    MONTH = 2  # 月
    DAY = 3  # 天
    Year = 1
    Month = 2
    Day = 3


class AmountType(enum.IntEnum):
    """AmountType (``Amount_Type``)."""

    BY_METER_TYPE = 1  # 按仪表类型查
    BY_METER = 2  # 按仪表查
    BY_MACHINE = 3  # 按机器查
    BY_DEPARTMENT = 4  # 按部门查
    ByMeterType = 1
    ByMeter = 2
    ByMachine = 3
    ByDepartment = 4


class AmountCombination(enum.IntEnum):
    """AmountCombination (``Amount_Combination``)."""

    BY_METER_TYPE = 1  # 按仪表类型查
    BY_METER = 2  # 按仪表查
    ByMeterType = 1
    ByMeter = 2


class EnergyKind(enum.IntEnum):
    """EnergyKind (``Amount_Value,Ene_Type,Energy_Type``)."""

    ELECTRICITY = 0  # 电
    TAP_WATER = 1  # 自来水
    RECLAIMED_WATER = 2  # 中水
    HOT_WATER = 3  # 热水
    SOFT_WATER = 4  # 软水
    MEDIUM_PRESSURE_STEAM = 5  # 中压蒸汽
    LOW_PRESSURE_STEAM = 6  # 低压蒸汽
    AIR = 7  # 空气
    NATURAL_GAS = 8  # 天然气
    Electricity = 0
    TapWater = 1
    ReclaimedWater = 2
    HotWater = 3
    SoftWater = 4
    MediumPressureSteam = 5
    LowPressureSteam = 6
    Air = 7
    NaturalGas = 8


class Segmentation(enum.IntEnum):
    """Segmentation (``isSegmentation``)."""

    SEGMENTED = 0  # 分段
    NOT_SEGMENTED = 1  # 不分段
    Segmented = 0
    NotSegmented = 1


class DateType(enum.IntEnum):
    """DateType (``Date_Type``)."""

    MONTH = 2  # 月
    DAY = 3  # 天
    Month = 2
    Day = 3


class OperationType(enum.IntEnum):
    """OperationType (``Operation_Type``)."""

    UPLOAD_ORGANIZATION = 1  # 上传用能单位基础信息
    UPDATE_VERSION = 2  # 更新版本数据
    UploadOrganization = 1
    UpdateVersion = 2


class OperationResult(enum.IntEnum):
    """OperationResult (``Result``)."""

    FAILURE = 0  # 失败
    SUCCESS = 1  # 成功
    Failure = 0
    Success = 1


class RequireUpdate(enum.IntEnum):
    """RequireUpdate (``requireUpdate``)."""

    NOT_REQUIRED = 0  # 不需要更新
    REQUIRED = 1  # 需要更新
    NotRequired = 0
    Required = 1


class CollectFrequency(enum.IntEnum):
    """CollectFrequency (``statType``)."""

    REAL_TIME = 0  # 实时
    DAY = 1  # 日
    MONTH = 2  # 月
    YEAR = 3  # 年
    RealTime = 0
    Day = 1
    Month = 2
    Year = 3


class CollectScope(enum.IntEnum):
    """CollectScope (``scope``)."""

    WHOLE_PLANT = 1  # 全厂
    PROCESS = 2  # 生产工序
    PROCESS_UNIT = 3  # 生产工序单元
    KEY_EQUIPMENT = 4  # 重点耗能设备
    WholePlant = 1
    Process = 2
    ProcessUnit = 3
    KeyEquipment = 4


class EnergyConsumeLevel(enum.IntEnum):
    """EnergyConsumeLevel (``energyConsumeLevel``)."""

    BELOW5000T = 1  # 5000 吨以下
    FROM5000_TO10000T = 2  # 5000~10000 吨
    FROM10K_TO100KT = 3  # 1 万-10 万吨
    FROM100K_TO500KT = 4  # 10 万-50 万吨
    FROM500K_TO3_MT = 5  # 50 万-300 万吨
    ABOVE3_MT = 6  # 300 万吨以上
    Below5000t = 1
    From5000To10000t = 2
    From10kTo100kt = 3
    From100kTo500kt = 4
    From500kTo3Mt = 5
    Above3Mt = 6


class FieldCode(enum.IntEnum):
    """FieldCode (``fieldCode``)."""

    INDUSTRY = 100  # 工业
    TRANSPORT_STORAGE_POST = 200  # 交通运输.仓储和邮政业
    ACCOMMODATION_CATERING = 300  # 住宿和餐饮业
    WHOLESALE_RETAIL = 400  # 批发和零售业
    EDUCATION = 500  # 教育
    OTHER = 600  # 其他
    Industry = 100
    TransportStoragePost = 200
    AccommodationCatering = 300
    WholesaleRetail = 400
    Education = 500
    Other = 600


class AlarmLevel(enum.IntEnum):
    """AlarmLevel (``Alarm_Level``)."""

    NORMAL = 1  # 一般
    WARNING = 2  # 警告
    SEVERE = 3  # 严重
    Normal = 1
    Warning = 2
    Severe = 3


class AlarmType(enum.IntEnum):
    """AlarmType (``Alarm_Type``)."""

    HOURLY_ENERGY = 1  # 机器每小时累计能耗报警
    INSTANT_PARAMETER = 2  # 机器瞬时参数报警
    HourlyEnergy = 1
    InstantParameter = 2


class AlarmNotify(enum.IntEnum):
    """AlarmNotify (``Alarm_Notify``)."""

    PLATFORM = 1  # 平台通知
    SMS = 2  # 短信通知
    EMAIL = 3  # 邮箱通知
    WE_CHAT = 4  # 微信通知
    Platform = 1
    Sms = 2
    Email = 3
    WeChat = 4


class StatisticMethod(enum.IntEnum):
    """StatisticMethod (``Statistic_Method``)."""

    TOTAL = 0  # 总计
    BY_ALARM_LEVEL = 1  # 根据Alarm_Level统计
    BY_ALARM_TYPE = 2  # 根据Alarm_Type统计
    BY_ALARM_NOTIFY = 3  # 根据Alarm_Notify统计
    Total = 0
    ByAlarmLevel = 1
    ByAlarmType = 2
    ByAlarmNotify = 3


class ReturnFormat(enum.IntEnum):
    """ReturnFormat (``Return_Format``)."""

    TOTAL = 1  # 返回总量
    DETAILED = 2  # 返回详细总量(查天, 返回每小时的值)
    Total = 1
    Detailed = 2


class IsOrder(enum.IntEnum):
    """IsOrder (``Is_Order``)."""

    NO_SORT = 0  # 不排序
    SORT = 1  # 排序
    NoSort = 0
    Sort = 1


class OrderType(enum.IntEnum):
    """OrderType (``Order_Type``)."""

    ASCENDING = 1  # 升序
    DESCENDING = 2  # 降序
    Ascending = 1
    Descending = 2


class SummaryType(enum.IntEnum):
    """SummaryType (``Summary_Type``)."""

    NONE = 0  # 不汇总
    BY_PRODUCT = 1  # 根据产品汇总
    BY_MACHINE = 2  # 根据机器汇总
    BY_BATCH = 3  # 根据批次名称汇总 (8.14 only)
    None_ = 0
    ByProduct = 1
    ByMachine = 2
    ByBatch = 3


class OutputAmountType(enum.IntEnum):
    """OutputAmountType (``Amount_Type``)."""

    OUTPUT = 1  # 产量
    ENERGY_CONSUMPTION = 2  # 某能源能耗
    COMPREHENSIVE_CONSUMPTION = 3  # 综合耗能
    UNIT_ENERGY_CONSUMPTION = 4  # 某能源单品能耗
    UNIT_COMPREHENSIVE_CONSUMPTION = 5  # 综合单品能耗
    PRODUCTION_EFFICIENCY = 6  # 生产效率 (8.14 only)
    Output = 1
    EnergyConsumption = 2
    ComprehensiveConsumption = 3
    UnitEnergyConsumption = 4
    UnitComprehensiveConsumption = 5
    ProductionEfficiency = 6


class YesNo(enum.IntEnum):
    """YesNo (``Meter_IsVirtual,Meter_IsTotal,Meter_IsCount,Is_HandWork``)."""

    NO = 0  # 否
    YES = 1  # 是
    No = 0
    Yes = 1


class AlarmInfoState(enum.IntEnum):
    """AlarmInfoState (``Err_No``)."""

    NORMAL = 0  # 正常
    ALARM = 1  # 告警
    ABNORMAL = -1  # 异常
    Normal = 0
    Alarm = 1
    Abnormal = -1


class ErrNo(enum.IntEnum):
    """ErrNo (``Err_No``)."""

    OK = 0  # ok
    DATABASE_QUERY_ERROR = 4001  # 数据库查询出错
    NO_DATA = 4002  # 无数据
    DATA_EXISTS = 4003  # 数据已存在
    DATA_ERROR = 4004  # 数据错误
    NOT_LOGGED_IN = 4101  # 用户未登录
    LOGIN_FAILED = 4102  # 用户登录失败
    PARAMETER_ERROR = 4103  # 参数错误
    USER_NOT_FOUND = 4104  # 用户不存在
    PERMISSION_DENIED = 4105  # 用户权限不足
    WRONG_PASSWORD = 4106  # 密码错误
    DATABASE_WRITE_ERROR = 4107  # 数据库记录新增或修改出错
    REQUEST_REFUSED_OR_LIMITED = 4201  # 非法请求或请求次数受限
    IP_RESTRICTED = 4202  # IP受限
    FILE_READ_WRITE_ERROR = 4302  # 文件读写错误
    UNKNOWN_ERROR = 4501  # 未知错误
    Ok = 0
    DatabaseQueryError = 4001
    NoData = 4002
    DataExists = 4003
    DataError = 4004
    NotLoggedIn = 4101
    LoginFailed = 4102
    ParameterError = 4103
    UserNotFound = 4104
    PermissionDenied = 4105
    WrongPassword = 4106
    DatabaseWriteError = 4107
    RequestRefusedOrLimited = 4201
    IpRestricted = 4202
    FileReadWriteError = 4302
    UnknownError = 4501


class TraceType(str, enum.Enum):
    """traceType: which way to trace (``traceType``)."""

    FORWARD = 'forward'  # 正向追溯: from a finished product to what it is made of and how it was made
    REVERSE = 'reverse'  # 反向追溯: from a raw material to the products that used it
    Forward = 'forward'
    Reverse = 'reverse'


class OrgLevel(str, enum.Enum):
    """A level of the organization tree: a node with a machine_id is a machine at any depth; otherwise its depth names it (``OrgNode.level``)."""

    FACTORY = 'factory'  # 工厂
    AREA = 'area'  # 产区/厂区
    WORKSHOP = 'workshop'  # 车间
    LINE = 'line'  # 生产线
    MACHINE = 'machine'  # 机床
    OTHER = 'other'  # deeper than a line without being a machine: not in the document
    Factory = 'factory'
    Area = 'area'
    Workshop = 'workshop'
    Line = 'line'
    Machine = 'machine'
    Other = 'other'


@dataclasses.dataclass(frozen=True)
class LoginInfo:
    """Who `ate.login` logged in. The token stays inside the client."""

    #: ``epm_no``: 员工编号 (the server's key really is `epm_no`)
    emp_no: str
    #: ``emp_name``: 员工姓名
    emp_name: str
    #: ``company``: 公司别
    company: str
    #: ``account``: account
    account: bool
    #: ``raw``: The server's JSON as it came, fields the document does not name included.
    raw: Any = dataclasses.field(default=None, repr=False, compare=False)

    @classmethod
    def _from_json(cls, d: Mapping[str, Any]) -> "LoginInfo":
        ...


@dataclasses.dataclass(frozen=True)
class SnDetail:
    """A work order (`ate.sn_detail.get`)."""

    #: ``SERIAL_NUMBER``: SERIAL_NUMBER: the greatest SN produced so far
    serial_number: str
    #: ``FUNCTION_NAME``: FUNCTION_NAME: the name of the SN rule (生产 SN 的规则名称)
    function_name: str
    #: ``TARGET_QTY``: TARGET_QTY: 工单目标生产数量
    target_qty: int
    #: ``SN_QTY``: SN_QTY: 工单目前生产数量
    sn_qty: int
    #: ``raw``: The server's JSON as it came, fields the document does not name included.
    raw: Any = dataclasses.field(default=None, repr=False, compare=False)

    @classmethod
    def _from_json(cls, d: Mapping[str, Any]) -> "SnDetail":
        ...


@dataclasses.dataclass(frozen=True)
class SysInfo:
    """One machine's metadata (`mgm.sys_info`)."""

    #: ``cnc_system``: cnc 系统型号 (系列)
    cnc_system: str
    #: ``cnc_class``: cnc 系统类型
    cnc_class: str
    #: ``cnc_model``: 机床型号
    cnc_model: str
    #: ``raw``: The server's JSON as it came, fields the document does not name included.
    raw: Any = dataclasses.field(default=None, repr=False, compare=False)

    @classmethod
    def _from_json(cls, d: Mapping[str, Any]) -> "SysInfo":
        ...


@dataclasses.dataclass(frozen=True)
class OrgNode:
    """One node of the organization tree (`mgm.organization` answers the root, the factory): `members` maps turned into children ordered by their numeric keys, each with its level."""

    #: ``id``: The node's `id`; for a machine without one, its `machine_id`; for the root without one, `factory_id`.
    id: str
    #: ``name``: name
    name: str
    #: ``level``: factory, area, workshop, line, machine or other
    level: OrgLevel
    #: ``key``: The node's key in its parent's `members` (empty for the root).
    key: str
    #: ``machine_id``: Set on machines.
    machine_id: Optional[str] = None
    #: ``children``: `members`, in the order of their numeric keys.
    children: List["OrgNode"] = dataclasses.field(default_factory=list)
    #: ``raw``: The node as the server sent it, `members` included.
    raw: Any = dataclasses.field(default=None, repr=False, compare=False)

    @classmethod
    def _from_json(cls, d: Mapping[str, Any]) -> "OrgNode":
        ...


@dataclasses.dataclass(frozen=True)
class TraceNode:
    """One node of a trace tree."""

    #: ``stepCode``: stepCode: the production step
    step_code: str
    #: ``type``: type: ProductionReport (报工), MaterialConsumption (物料消耗), QualityControl (质检结果), ...
    kind: str
    #: ``uniqueCode``: uniqueCode: a work order, batch number, serial number, barcode, ...
    unique_code: str
    #: ``from``: from: how the node was reached (`DestUniqueCode`, `SameId`); none on roots
    from_: Optional[str] = None
    #: ``id``: id: the server's record id; none on roots
    id: Optional[int] = None
    #: ``trees``: trees: the nodes below
    children: List["TraceNode"] = dataclasses.field(default_factory=list)
    #: ``raw``: The node as the server sent it (children normalised), fields the document does not name included.
    raw: Any = dataclasses.field(default=None, repr=False, compare=False)

    @classmethod
    def _from_json(cls, d: Mapping[str, Any]) -> "TraceNode":
        ...


@dataclasses.dataclass(frozen=True)
class TraceResult:
    """The answer of `trace.query`: the tree list typed, the `data` string as it came, the whole answer."""

    #: ``id``: The answer's id
    id: str
    #: ``code``: The answer's code (200)
    code: int
    #: ``data_raw``: The `data` string exactly as the server sent it (empty when it sent none)
    data_raw: str
    #: ``treeList``: treeList: the root nodes
    tree_list: List["TraceNode"] = dataclasses.field(default_factory=list)
    #: ``answer``: The whole answer as the generic call answers it (`data` normalised, `data_raw` kept)
    answer: Any = dataclasses.field(default=None, repr=False, compare=False)

    @classmethod
    def _from_json(cls, d: Mapping[str, Any]) -> "TraceResult":
        ...


@dataclasses.dataclass
class GradingRecord:
    """The parameters of ``grading.save`` as one record: Save one cell's grading record (newest record per barcode wins)."""

    #: ``batteryStation``: 电池工位
    battery_station: str
    #: ``deviceCode``: 设备编码
    device_code: str
    #: ``barcode``: 电芯条码
    barcode: str
    #: ``testTime``: 测试时间 (yyyy-MM-dd HH:mm:ss)
    test_time: DateTimeLike
    #: ``workStep``: 工步
    work_step: str
    #: ``voltage``: 电压
    voltage: Optional[float] = None
    #: ``electricity``: 电流
    electricity: Optional[float] = None
    #: ``volume``: 容量
    volume: Optional[float] = None
    #: ``energy``: 能量
    energy: Optional[float] = None

    def to_params(self) -> Dict[str, Any]:
        """The parameters of the generic call, with the server's names (``None`` left out)."""
        ...


class _ClientCalls:
    """The typed methods of the client (mixed into :class:`meslink.Client`)."""

    __slots__ = ()

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        raise NotImplementedError

    @property
    def energy(self) -> Energy:
        """The ``energy.*`` calls."""
        ...

    def ate_login(self, *, emp_no: Optional[str] = None, password: Optional[str] = None) -> LoginInfo:
        """``ate.login`` (POST /api/login/): Log in; the token stays inside the client, which renews it itself"""
        ...

    def ate_sn_detail_get(self, work_order: str) -> SnDetail:
        """``ate.sn_detail.get`` (GET /api/sn_detail/{work_order}/): Work order: SERIAL_NUMBER, FUNCTION_NAME, TARGET_QTY, SN_QTY"""
        ...

    def ate_sn_detail_upload(self, work_order: str, sn: str) -> None:
        """``ate.sn_detail.upload`` (POST /api/sn_detail/): Upload a serial number; the server checks it against the SN rule"""
        ...

    def grading_save(self, record: Optional[GradingRecord] = None, *, battery_station: Optional[str] = None, device_code: Optional[str] = None, barcode: Optional[str] = None, test_time: Optional[DateTimeLike] = None, work_step: Optional[str] = None, voltage: Optional[float] = None, electricity: Optional[float] = None, volume: Optional[float] = None, energy: Optional[float] = None) -> Dict[str, Any]:
        """``grading.save`` (POST /api/pick/volumeCollectData/save): Save one cell's grading record (newest record per barcode wins)

        The record as a :class:`GradingRecord`, or its fields as keywords (not both)."""
        ...

    def trace_query(self, unique_code: str, trace_type: Union[TraceType, str], *, corp_id: Optional[str] = None, user_id: Optional[str] = None, source: Optional[str] = None) -> TraceResult:
        """``trace.query`` (POST /industry/qualitytrace/tree/query): Forward or reverse quality trace of a unique code; answers a tree"""
        ...

    def mgm_token_get(self, *, app_key: Optional[str] = None, app_secret: Optional[str] = None) -> Dict[str, Any]:
        """``mgm.token.get`` (POST /token): get_access_token; the tokens stay inside the client, the answer is {expires_in}"""
        ...

    def mgm_token_refresh(self, *, app_key: Optional[str] = None, refresh_token: Optional[str] = None) -> Dict[str, Any]:
        """``mgm.token.refresh`` (POST /token): refresh_token: extends the token before expiry, a new one after; answers {expires_in}"""
        ...

    def mgm_organization(self) -> OrgNode:
        """``mgm.organization`` (POST /resource): get_organization: the factory tree (factory, area, workshop, line, machines)"""
        ...

    def mgm_sys_info(self, machine_list: List[Any]) -> Dict[str, SysInfo]:
        """``mgm.sys_info`` (POST /resource): get_sys_info: cnc_system, cnc_class, cnc_model of each machine"""
        ...


class Energy:
    """The ``energy.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    @property
    def auth(self) -> EnergyAuth:
        """The ``energy.auth.*`` calls."""
        ...

    @property
    def users(self) -> EnergyUsers:
        """The ``energy.users.*`` calls."""
        ...

    @property
    def meters(self) -> EnergyMeters:
        """The ``energy.meters.*`` calls."""
        ...

    @property
    def machines(self) -> EnergyMachines:
        """The ``energy.machines.*`` calls."""
        ...

    @property
    def consumption(self) -> EnergyConsumption:
        """The ``energy.consumption.*`` calls."""
        ...

    @property
    def measure(self) -> EnergyMeasure:
        """The ``energy.measure.*`` calls."""
        ...

    @property
    def report(self) -> EnergyReport:
        """The ``energy.report.*`` calls."""
        ...

    @property
    def rate(self) -> EnergyRate:
        """The ``energy.rate.*`` calls."""
        ...

    @property
    def personalise(self) -> EnergyPersonalise:
        """The ``energy.personalise.*`` calls."""
        ...

    @property
    def prp(self) -> EnergyPrp:
        """The ``energy.prp.*`` calls."""
        ...

    @property
    def alarms(self) -> EnergyAlarms:
        """The ``energy.alarms.*`` calls."""
        ...

    @property
    def alarm_rules(self) -> EnergyAlarmRules:
        """The ``energy.alarm_rules.*`` calls."""
        ...

    @property
    def alarm_messages(self) -> EnergyAlarmMessages:
        """The ``energy.alarm_messages.*`` calls."""
        ...

    @property
    def oee_rules(self) -> EnergyOeeRules:
        """The ``energy.oee_rules.*`` calls."""
        ...

    @property
    def oee(self) -> EnergyOee:
        """The ``energy.oee.*`` calls."""
        ...

    @property
    def products(self) -> EnergyProducts:
        """The ``energy.products.*`` calls."""
        ...

    @property
    def product_output(self) -> EnergyProductOutput:
        """The ``energy.product_output.*`` calls."""
        ...

    @property
    def batches(self) -> EnergyBatches:
        """The ``energy.batches.*`` calls."""
        ...

    @property
    def miniprogram(self) -> EnergyMiniprogram:
        """The ``energy.miniprogram.*`` calls."""
        ...

    @property
    def regions(self) -> EnergyRegions:
        """The ``energy.regions.*`` calls."""
        ...


class EnergyAuth:
    """The ``energy.auth.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def login(self, usr_name: str, usr_password: str) -> Dict[str, Any]:
        """``energy.auth.login`` (POST /api/auth): Log in (1.1); the session cookie stays inside the client"""
        ...

    def logout(self) -> Dict[str, Any]:
        """``energy.auth.logout`` (DELETE /api/auth): Log out (1.2) and forget the session"""
        ...


class EnergyUsers:
    """The ``energy.users.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def register(self, usr_name: str, usr_password: str, usr_email: str) -> Dict[str, Any]:
        """``energy.users.register`` (POST /api/users): Register a user (1.3)"""
        ...

    def update(self, id: int, usr_name: str, usr_email: str, *, usr_phone: Optional[str] = None, xcx_title: Optional[str] = None, usr_company: Optional[str] = None, usr_province: Optional[str] = None, usr_city: Optional[str] = None, usr_detail_addr: Optional[str] = None, usr_area: Optional[str] = None) -> Dict[str, Any]:
        """``energy.users.update`` (PUT /api/users): Update a user's details (1.4)"""
        ...

    def get(self, *, id: Optional[int] = None, usr_name: Optional[str] = None, usr_email: Optional[str] = None, usr_phone: Optional[str] = None, xcx_title: Optional[str] = None, usr_company: Optional[str] = None, usr_province: Optional[str] = None, usr_city: Optional[str] = None, usr_detail_addr: Optional[str] = None, usr_area: Optional[str] = None) -> Dict[str, Any]:
        """``energy.users.get`` (GET /api/users): Get user details (1.5)"""
        ...


class EnergyMeters:
    """The ``energy.meters.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def create(self, meter_name: str, meter_type: str, meter_superior_id: str, *, meter_remarks: Optional[str] = None, meter_total_amount: Optional[str] = None, meter_is_virtual: Optional[Union[YesNo, int, str]] = None, meter_formula: Optional[str] = None, meter_is_total: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None) -> Dict[str, Any]:
        """``energy.meters.create`` (POST /api_3/meters): Add a meter (2.1); answers its id"""
        ...

    def update(self, id: int, meter_name: str, meter_type: str, meter_superior_id: int, *, meter_remarks: Optional[str] = None, meter_total_amount: Optional[str] = None, meter_is_virtual: Optional[Union[YesNo, int, str]] = None, meter_formula: Optional[str] = None, meter_is_total: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None) -> Dict[str, Any]:
        """``energy.meters.update`` (PUT /api_3/meters): Update a meter (2.2)"""
        ...

    def list(self, *, id: Optional[int] = None, meter_type: Optional[str] = None, meter_superior: Optional[str] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None) -> Dict[str, Any]:
        """``energy.meters.list`` (GET /api_3/meters): List meters (2.3), paged"""
        ...

    def list_all(self, *, id: Optional[int] = None, meter_type: Optional[str] = None, meter_superior: Optional[str] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.meters.list``, page after page (``per_page`` a page)."""
        ...

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.meters.delete`` (DELETE /api_3/meters): Delete a meter (2.4)"""
        ...


class EnergyMachines:
    """The ``energy.machines.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, *, id: Optional[int] = None, meter_department: Optional[str] = None, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.machines.list`` (GET /api_3/metersuperiors): List machines (2.5), paged"""
        ...

    def list_all(self, *, id: Optional[int] = None, meter_department: Optional[str] = None, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.machines.list``, page after page (``per_page`` a page)."""
        ...

    def create(self, meter_superior: str, meter_department: str, equipment_code: str, equipment_unit_code: str) -> Dict[str, Any]:
        """``energy.machines.create`` (POST /api_3/metersuperiors): Add a machine (2.6)"""
        ...

    def update(self, id: int, meter_superior: str, meter_department: str, equipment_code: str, equipment_unit_code: str) -> Dict[str, Any]:
        """``energy.machines.update`` (PUT /api_3/metersuperiors): Update a machine (2.7)"""
        ...

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.machines.delete`` (DELETE /api_3/metersuperiors): Delete a machine (2.8)"""
        ...

    def upload_image(self, meter_superior_id: int, machine_image: Any) -> Dict[str, Any]:
        """``energy.machines.upload_image`` (POST /api_3/metersuperior_image): Upload a machine's picture (2.9, multipart)"""
        ...


class EnergyConsumption:
    """The ``energy.consumption.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def total(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, amount_type: Union[AmountType, int, str], *, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.consumption.total`` (GET /api_3/allenergy): Total consumption per meter type, meter, machine or department (3.1)"""
        ...

    def detail(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, amount_type: Union[AmountType, int, str], *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.consumption.detail`` (GET /api_3/detailenergy): Consumption per time interval (3.2)"""
        ...

    def detail_report(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, amount_type: Union[AmountType, int, str], *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.consumption.detail_report`` (POST /api_3/form_detailenergy): Detailed consumption for reports, with shift amounts (3.5)"""
        ...


class EnergyMeasure:
    """The ``energy.measure.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def query(self, time_type: Union[TimeType, int, str], meter_name: str, time_start: DateTimeLike, time_end: DateTimeLike, *, time_interval: Optional[str] = None, measure_name: Optional[str] = None) -> Dict[str, Any]:
        """``energy.measure.query`` (GET /api_3/measure): Measuring-point values of one meter (3.3)"""
        ...


class EnergyReport:
    """The ``energy.report.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def generate(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, amount_type: Union[AmountType, int, str], *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.report.generate`` (POST /api_3/report): Generate an energy report; answers File_Name (3.4)"""
        ...


class EnergyRate:
    """The ``energy.rate.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def update(self, id: int, rate_name: str, rate_type: str, is_segmentation: Union[Segmentation, int, str], rate_unit: str, *, rate_value: Optional[str] = None, seg_begin: Optional[str] = None, seg_begin_rate: Optional[str] = None, seg_end: Optional[str] = None, seg_end_rate: Optional[str] = None) -> Dict[str, Any]:
        """``energy.rate.update`` (PUT /api_3/rate): Update a rate (4.1)"""
        ...

    def get(self) -> Dict[str, Any]:
        """``energy.rate.get`` (GET /api_3/rate): The rates (4.2)"""
        ...


class EnergyPersonalise:
    """The ``energy.personalise.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def get(self) -> Dict[str, Any]:
        """``energy.personalise.get`` (GET /api_3/personalise): Year, month and day boundaries (4.3)"""
        ...

    def update(self, year_start: str, year_end: str, month_start: str, month_end: str, day_start: str, day_end: str) -> Dict[str, Any]:
        """``energy.personalise.update`` (PUT /api_3/personalise): Set the year, month and day boundaries (4.4)"""
        ...


class EnergyPrp:
    """The ``energy.prp.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    @property
    def organization(self) -> EnergyPrpOrganization:
        """The ``energy.prp.organization.*`` calls."""
        ...

    @property
    def version(self) -> EnergyPrpVersion:
        """The ``energy.prp.version.*`` calls."""
        ...

    @property
    def manual_data(self) -> EnergyPrpManualData:
        """The ``energy.prp.manual_data.*`` calls."""
        ...

    @property
    def uploaded_data(self) -> EnergyPrpUploadedData:
        """The ``energy.prp.uploaded_data.*`` calls."""
        ...

    def base_infos(self) -> Dict[str, Any]:
        """``energy.prp.base_infos`` (GET /api_3/PRP_base_infos): Provincial platform base data: collect systems, usages, items (5.1)"""
        ...

    def operation_result(self, operation_type: Union[OperationType, int, str]) -> Dict[str, Any]:
        """``energy.prp.operation_result`` (GET /api_3/PRP_operation_result): Result of the last provincial platform operation (5.8)"""
        ...


class EnergyPrpOrganization:
    """The ``energy.prp.organization.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def upload(self, collect_item_config: List[Any], enterprise: Any, group: Any, *, process: Optional[List[Any]] = None, process_unit: Optional[List[Any]] = None) -> Dict[str, Any]:
        """``energy.prp.organization.upload`` (PUT /api_3/PRP_organization_infos): Upload the organisation's base information (5.2)"""
        ...

    def get(self) -> Dict[str, Any]:
        """``energy.prp.organization.get`` (GET /api_3/PRP_organization_infos): The organisation's base information (5.3)"""
        ...


class EnergyPrpVersion:
    """The ``energy.prp.version.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def get(self) -> Dict[str, Any]:
        """``energy.prp.version.get`` (GET /api_3/PRP_version): Provincial platform version information (5.4)"""
        ...

    def update(self, enterprise_code: str, region: str) -> Dict[str, Any]:
        """``energy.prp.version.update`` (POST /api_3/PRP_version): Update the version data from the provincial platform (5.5)"""
        ...


class EnergyPrpManualData:
    """The ``energy.prp.manual_data.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def add(self, meter_id: int, date_time: DateTimeLike, date_type: Union[DateType, int, str], data_amount: str) -> Dict[str, Any]:
        """``energy.prp.manual_data.add`` (POST /api_3/PRP_manual_energy_measure_datas): Add a manually reported value (5.6)"""
        ...


class EnergyPrpUploadedData:
    """The ``energy.prp.uploaded_data.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, time_start: DateTimeLike, time_end: DateTimeLike) -> Dict[str, Any]:
        """``energy.prp.uploaded_data.list`` (GET /api_3/PRP_uploaded_energy_measure_datas): Upload records of collected data (5.7)"""
        ...


class EnergyAlarms:
    """The ``energy.alarms.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.alarms.list`` (GET /api_3/alarm_status): List alarms (6.1), paged"""
        ...

    def list_all(self, *, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.alarms.list``, page after page (``per_page`` a page)."""
        ...

    def create(self, alarm_name: str, alarm_type: Union[AlarmType, int, str], alarm_level: Union[AlarmLevel, int, str], alarm_notify: Union[AlarmNotify, int, str], notify_address: str) -> Dict[str, Any]:
        """``energy.alarms.create`` (POST /api_3/alarm_status): Add an alarm (6.2)"""
        ...

    def update(self, id: int, alarm_name: str, alarm_type: Union[AlarmType, int, str], alarm_level: Union[AlarmLevel, int, str], alarm_notify: Union[AlarmNotify, int, str], notify_address: str) -> Dict[str, Any]:
        """``energy.alarms.update`` (PUT /api_3/alarm_status): Update an alarm (6.3)"""
        ...

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.alarms.delete`` (DELETE /api_3/alarm_status): Delete an alarm (6.4)"""
        ...

    def statistics(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, statistic_method: Union[StatisticMethod, int, str], return_format: Union[ReturnFormat, int, str]) -> Dict[str, Any]:
        """``energy.alarms.statistics`` (GET /api_3/alarm_statistic_nums): Alarm counts per year, month or day (6.10)"""
        ...


class EnergyAlarmRules:
    """The ``energy.alarm_rules.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, alarm_id: Optional[str] = None) -> Dict[str, Any]:
        """``energy.alarm_rules.list`` (GET /api_3/alarm_status_rules): List alarm rules (6.5), paged"""
        ...

    def list_all(self, *, alarm_id: Optional[str] = None, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.alarm_rules.list``, page after page (``per_page`` a page)."""
        ...

    def create(self, rule_name: str, alarm_id: int, meter_id: int, lower_limit: float, upper_limit: float, *, meter_parameter: Optional[str] = None) -> Dict[str, Any]:
        """``energy.alarm_rules.create`` (POST /api_3/alarm_status_rules): Add an alarm rule (6.6)"""
        ...

    def update(self, id: int, rule_name: str, alarm_id: int, meter_id: int, lower_limit: float, upper_limit: float, *, meter_parameter: Optional[str] = None) -> Dict[str, Any]:
        """``energy.alarm_rules.update`` (PUT /api_3/alarm_status_rules): Update an alarm rule (6.7)"""
        ...

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.alarm_rules.delete`` (DELETE /api_3/alarm_status_rules): Delete an alarm rule (6.8)"""
        ...


class EnergyAlarmMessages:
    """The ``energy.alarm_messages.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, time_start: DateTimeLike, time_end: DateTimeLike, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, meter_name: Optional[str] = None, meter_superior: Optional[str] = None, alarm_type: Optional[Union[AlarmType, int, str]] = None, alarm_level: Optional[Union[AlarmLevel, int, str]] = None, rule_name: Optional[str] = None) -> Dict[str, Any]:
        """``energy.alarm_messages.list`` (DELETE /api_3/alarm_message): Alarm records (6.9; documented as DELETE), paged"""
        ...

    def list_all(self, *, time_start: Optional[DateTimeLike] = None, time_end: Optional[DateTimeLike] = None, meter_name: Optional[str] = None, meter_superior: Optional[str] = None, alarm_type: Optional[Union[AlarmType, int, str]] = None, alarm_level: Optional[Union[AlarmLevel, int, str]] = None, rule_name: Optional[str] = None, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.alarm_messages.list``, page after page (``per_page`` a page)."""
        ...


class EnergyOeeRules:
    """The ``energy.oee_rules.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.oee_rules.list`` (GET /api_3/OEE_status_rules): List OEE rules (7.1), paged"""
        ...

    def list_all(self, *, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.oee_rules.list``, page after page (``per_page`` a page)."""
        ...

    def create(self, rule_name: str, status_name: str, meter_id: int, meter_parameter: str, lower_limit: float, upper_limit: float, meter_superior_id: str) -> Dict[str, Any]:
        """``energy.oee_rules.create`` (POST /api_3/OEE_status_rules): Add an OEE rule (7.2)"""
        ...

    def update(self, id: int, rule_name: str, status_name: str, meter_id: int, meter_parameter: str, lower_limit: float, upper_limit: float, meter_superior_id: int) -> Dict[str, Any]:
        """``energy.oee_rules.update`` (PUT /api_3/OEE_status_rules): Update an OEE rule (7.3)"""
        ...

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.oee_rules.delete`` (DELETE /api_3/OEE_status_rules): Delete an OEE rule (7.4)"""
        ...


class EnergyOee:
    """The ``energy.oee.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def records(self, time_start: DateTimeLike, time_end: DateTimeLike, meter_superior_id: int) -> Dict[str, Any]:
        """``energy.oee.records`` (GET /api_3/OEE_statistic_records): A machine's OEE status changes, at most 24 h (7.5)"""
        ...

    def statistics(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, return_format: Union[ReturnFormat, int, str], meter_superior_id: int) -> Dict[str, Any]:
        """``energy.oee.statistics`` (GET /api_3/OEE_statistic): Seconds per OEE status per year, month or day (7.6)"""
        ...


class EnergyProducts:
    """The ``energy.products.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.products.list`` (GET /api_3/products): List products (8.1), paged"""
        ...

    def list_all(self, *, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.products.list``, page after page (``per_page`` a page)."""
        ...

    def create(self, product_name: str, *, product_unit: Optional[str] = None, remarks: Optional[str] = None) -> Dict[str, Any]:
        """``energy.products.create`` (POST /api_3/products): Add a product (8.2)"""
        ...

    def update(self, id: int, product_name: str, *, product_unit: Optional[str] = None, remarks: Optional[str] = None) -> Dict[str, Any]:
        """``energy.products.update`` (PUT /api_3/products): Update a product (8.3)"""
        ...

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.products.delete`` (DELETE /api_3/products): Delete a product (8.4)"""
        ...


class EnergyProductOutput:
    """The ``energy.product_output.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, production_batch: Optional[str] = None, product_name: Optional[str] = None) -> Dict[str, Any]:
        """``energy.product_output.list`` (GET /api_3/product_output): List product output records (8.5), paged"""
        ...

    def list_all(self, *, production_batch: Optional[str] = None, product_name: Optional[str] = None, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.product_output.list``, page after page (``per_page`` a page)."""
        ...

    def create(self, product_id: int, total_amount: int, meter_superior_id: int, time_start: DateTimeLike, time_end: DateTimeLike, product_batch_id: int) -> Dict[str, Any]:
        """``energy.product_output.create`` (POST /api_3/product_output): Record a product output (8.6)"""
        ...

    def update(self, id: int, product_id: int, total_amount: int, meter_superior_id: int, time_start: DateTimeLike, time_end: DateTimeLike, product_batch_id: int) -> Dict[str, Any]:
        """``energy.product_output.update`` (PUT /api_3/product_output): Update a product output record (8.7)"""
        ...

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.product_output.delete`` (DELETE /api_3/product_output): Delete a product output record (8.8)"""
        ...

    def statistics(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, summary_type: Union[SummaryType, int, str], return_format: Union[ReturnFormat, int, str], amount_type: Union[AmountType, int, str], *, product_name: Optional[str] = None, meter_superior: Optional[str] = None, is_order: Optional[Union[IsOrder, int, str]] = None, order_type: Optional[Union[OrderType, int, str]] = None, limit: Optional[int] = None, energy_type: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.product_output.statistics`` (GET /api_3/product_output_energy_statistic): Output and energy per product or machine (8.9)"""
        ...


class EnergyBatches:
    """The ``energy.batches.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.batches.list`` (GET /api_3/productsBatch): List production batches (8.10), paged"""
        ...

    def list_all(self, *, per_page: int = 100) -> Iterator[Any]:
        """Every record of ``energy.batches.list``, page after page (``per_page`` a page)."""
        ...

    def create(self, production_batch: str, time_start: DateTimeLike, time_end: DateTimeLike) -> Dict[str, Any]:
        """``energy.batches.create`` (POST /api_3/productsBatch): Add a production batch (8.11)"""
        ...

    def update(self, id: int, production_batch: str, time_start: DateTimeLike, time_end: DateTimeLike) -> Dict[str, Any]:
        """``energy.batches.update`` (PUT /api_3/productsBatch): Update a production batch (8.12)"""
        ...

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.batches.delete`` (DELETE /api_3/productsBatch): Delete a production batch (8.13)"""
        ...

    def statistics(self, production_batch: str, summary_type: Union[SummaryType, int, str], amount_type: Union[AmountType, int, str], *, product_name: Optional[str] = None, meter_superior: Optional[str] = None, is_order: Optional[Union[IsOrder, int, str]] = None, order_type: Optional[Union[OrderType, int, str]] = None, limit: Optional[int] = None, energy_type: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.batches.statistics`` (GET /api_3/productsBatch_output_energy_statistic): Output and energy per batch (8.14)"""
        ...


class EnergyMiniprogram:
    """The ``energy.miniprogram.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def bind(self, code: str, encrypted_data: str, iv: str) -> Dict[str, Any]:
        """``energy.miniprogram.bind`` (POST /api_3/xcx_info_bind): Bind a WeChat mini-program user (9.1)"""
        ...


class EnergyRegions:
    """The ``energy.regions.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        ...

    def list(self) -> Dict[str, Any]:
        """``energy.regions.list`` (GET /api_3/province_city_list): Provinces and their cities (9.2)"""
        ...


class _AsyncClientCalls:
    """The typed methods of the client (mixed into :class:`meslink.AsyncClient`)."""

    __slots__ = ()

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        raise NotImplementedError

    @property
    def energy(self) -> AsyncEnergy:
        """The ``energy.*`` calls."""
        ...

    async def ate_login(self, *, emp_no: Optional[str] = None, password: Optional[str] = None) -> LoginInfo:
        """``ate.login`` (POST /api/login/): Log in; the token stays inside the client, which renews it itself"""
        ...

    async def ate_sn_detail_get(self, work_order: str) -> SnDetail:
        """``ate.sn_detail.get`` (GET /api/sn_detail/{work_order}/): Work order: SERIAL_NUMBER, FUNCTION_NAME, TARGET_QTY, SN_QTY"""
        ...

    async def ate_sn_detail_upload(self, work_order: str, sn: str) -> None:
        """``ate.sn_detail.upload`` (POST /api/sn_detail/): Upload a serial number; the server checks it against the SN rule"""
        ...

    async def grading_save(self, record: Optional[GradingRecord] = None, *, battery_station: Optional[str] = None, device_code: Optional[str] = None, barcode: Optional[str] = None, test_time: Optional[DateTimeLike] = None, work_step: Optional[str] = None, voltage: Optional[float] = None, electricity: Optional[float] = None, volume: Optional[float] = None, energy: Optional[float] = None) -> Dict[str, Any]:
        """``grading.save`` (POST /api/pick/volumeCollectData/save): Save one cell's grading record (newest record per barcode wins)

        The record as a :class:`GradingRecord`, or its fields as keywords (not both)."""
        ...

    async def trace_query(self, unique_code: str, trace_type: Union[TraceType, str], *, corp_id: Optional[str] = None, user_id: Optional[str] = None, source: Optional[str] = None) -> TraceResult:
        """``trace.query`` (POST /industry/qualitytrace/tree/query): Forward or reverse quality trace of a unique code; answers a tree"""
        ...

    async def mgm_token_get(self, *, app_key: Optional[str] = None, app_secret: Optional[str] = None) -> Dict[str, Any]:
        """``mgm.token.get`` (POST /token): get_access_token; the tokens stay inside the client, the answer is {expires_in}"""
        ...

    async def mgm_token_refresh(self, *, app_key: Optional[str] = None, refresh_token: Optional[str] = None) -> Dict[str, Any]:
        """``mgm.token.refresh`` (POST /token): refresh_token: extends the token before expiry, a new one after; answers {expires_in}"""
        ...

    async def mgm_organization(self) -> OrgNode:
        """``mgm.organization`` (POST /resource): get_organization: the factory tree (factory, area, workshop, line, machines)"""
        ...

    async def mgm_sys_info(self, machine_list: List[Any]) -> Dict[str, SysInfo]:
        """``mgm.sys_info`` (POST /resource): get_sys_info: cnc_system, cnc_class, cnc_model of each machine"""
        ...


class AsyncEnergy:
    """The ``energy.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    @property
    def auth(self) -> AsyncEnergyAuth:
        """The ``energy.auth.*`` calls."""
        ...

    @property
    def users(self) -> AsyncEnergyUsers:
        """The ``energy.users.*`` calls."""
        ...

    @property
    def meters(self) -> AsyncEnergyMeters:
        """The ``energy.meters.*`` calls."""
        ...

    @property
    def machines(self) -> AsyncEnergyMachines:
        """The ``energy.machines.*`` calls."""
        ...

    @property
    def consumption(self) -> AsyncEnergyConsumption:
        """The ``energy.consumption.*`` calls."""
        ...

    @property
    def measure(self) -> AsyncEnergyMeasure:
        """The ``energy.measure.*`` calls."""
        ...

    @property
    def report(self) -> AsyncEnergyReport:
        """The ``energy.report.*`` calls."""
        ...

    @property
    def rate(self) -> AsyncEnergyRate:
        """The ``energy.rate.*`` calls."""
        ...

    @property
    def personalise(self) -> AsyncEnergyPersonalise:
        """The ``energy.personalise.*`` calls."""
        ...

    @property
    def prp(self) -> AsyncEnergyPrp:
        """The ``energy.prp.*`` calls."""
        ...

    @property
    def alarms(self) -> AsyncEnergyAlarms:
        """The ``energy.alarms.*`` calls."""
        ...

    @property
    def alarm_rules(self) -> AsyncEnergyAlarmRules:
        """The ``energy.alarm_rules.*`` calls."""
        ...

    @property
    def alarm_messages(self) -> AsyncEnergyAlarmMessages:
        """The ``energy.alarm_messages.*`` calls."""
        ...

    @property
    def oee_rules(self) -> AsyncEnergyOeeRules:
        """The ``energy.oee_rules.*`` calls."""
        ...

    @property
    def oee(self) -> AsyncEnergyOee:
        """The ``energy.oee.*`` calls."""
        ...

    @property
    def products(self) -> AsyncEnergyProducts:
        """The ``energy.products.*`` calls."""
        ...

    @property
    def product_output(self) -> AsyncEnergyProductOutput:
        """The ``energy.product_output.*`` calls."""
        ...

    @property
    def batches(self) -> AsyncEnergyBatches:
        """The ``energy.batches.*`` calls."""
        ...

    @property
    def miniprogram(self) -> AsyncEnergyMiniprogram:
        """The ``energy.miniprogram.*`` calls."""
        ...

    @property
    def regions(self) -> AsyncEnergyRegions:
        """The ``energy.regions.*`` calls."""
        ...


class AsyncEnergyAuth:
    """The ``energy.auth.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def login(self, usr_name: str, usr_password: str) -> Dict[str, Any]:
        """``energy.auth.login`` (POST /api/auth): Log in (1.1); the session cookie stays inside the client"""
        ...

    async def logout(self) -> Dict[str, Any]:
        """``energy.auth.logout`` (DELETE /api/auth): Log out (1.2) and forget the session"""
        ...


class AsyncEnergyUsers:
    """The ``energy.users.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def register(self, usr_name: str, usr_password: str, usr_email: str) -> Dict[str, Any]:
        """``energy.users.register`` (POST /api/users): Register a user (1.3)"""
        ...

    async def update(self, id: int, usr_name: str, usr_email: str, *, usr_phone: Optional[str] = None, xcx_title: Optional[str] = None, usr_company: Optional[str] = None, usr_province: Optional[str] = None, usr_city: Optional[str] = None, usr_detail_addr: Optional[str] = None, usr_area: Optional[str] = None) -> Dict[str, Any]:
        """``energy.users.update`` (PUT /api/users): Update a user's details (1.4)"""
        ...

    async def get(self, *, id: Optional[int] = None, usr_name: Optional[str] = None, usr_email: Optional[str] = None, usr_phone: Optional[str] = None, xcx_title: Optional[str] = None, usr_company: Optional[str] = None, usr_province: Optional[str] = None, usr_city: Optional[str] = None, usr_detail_addr: Optional[str] = None, usr_area: Optional[str] = None) -> Dict[str, Any]:
        """``energy.users.get`` (GET /api/users): Get user details (1.5)"""
        ...


class AsyncEnergyMeters:
    """The ``energy.meters.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def create(self, meter_name: str, meter_type: str, meter_superior_id: str, *, meter_remarks: Optional[str] = None, meter_total_amount: Optional[str] = None, meter_is_virtual: Optional[Union[YesNo, int, str]] = None, meter_formula: Optional[str] = None, meter_is_total: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None) -> Dict[str, Any]:
        """``energy.meters.create`` (POST /api_3/meters): Add a meter (2.1); answers its id"""
        ...

    async def update(self, id: int, meter_name: str, meter_type: str, meter_superior_id: int, *, meter_remarks: Optional[str] = None, meter_total_amount: Optional[str] = None, meter_is_virtual: Optional[Union[YesNo, int, str]] = None, meter_formula: Optional[str] = None, meter_is_total: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None) -> Dict[str, Any]:
        """``energy.meters.update`` (PUT /api_3/meters): Update a meter (2.2)"""
        ...

    async def list(self, *, id: Optional[int] = None, meter_type: Optional[str] = None, meter_superior: Optional[str] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None) -> Dict[str, Any]:
        """``energy.meters.list`` (GET /api_3/meters): List meters (2.3), paged"""
        ...

    def list_all(self, *, id: Optional[int] = None, meter_type: Optional[str] = None, meter_superior: Optional[str] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.meters.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.meters.delete`` (DELETE /api_3/meters): Delete a meter (2.4)"""
        ...


class AsyncEnergyMachines:
    """The ``energy.machines.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, *, id: Optional[int] = None, meter_department: Optional[str] = None, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.machines.list`` (GET /api_3/metersuperiors): List machines (2.5), paged"""
        ...

    def list_all(self, *, id: Optional[int] = None, meter_department: Optional[str] = None, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.machines.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...

    async def create(self, meter_superior: str, meter_department: str, equipment_code: str, equipment_unit_code: str) -> Dict[str, Any]:
        """``energy.machines.create`` (POST /api_3/metersuperiors): Add a machine (2.6)"""
        ...

    async def update(self, id: int, meter_superior: str, meter_department: str, equipment_code: str, equipment_unit_code: str) -> Dict[str, Any]:
        """``energy.machines.update`` (PUT /api_3/metersuperiors): Update a machine (2.7)"""
        ...

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.machines.delete`` (DELETE /api_3/metersuperiors): Delete a machine (2.8)"""
        ...

    async def upload_image(self, meter_superior_id: int, machine_image: Any) -> Dict[str, Any]:
        """``energy.machines.upload_image`` (POST /api_3/metersuperior_image): Upload a machine's picture (2.9, multipart)"""
        ...


class AsyncEnergyConsumption:
    """The ``energy.consumption.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def total(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, amount_type: Union[AmountType, int, str], *, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.consumption.total`` (GET /api_3/allenergy): Total consumption per meter type, meter, machine or department (3.1)"""
        ...

    async def detail(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, amount_type: Union[AmountType, int, str], *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.consumption.detail`` (GET /api_3/detailenergy): Consumption per time interval (3.2)"""
        ...

    async def detail_report(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, amount_type: Union[AmountType, int, str], *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.consumption.detail_report`` (POST /api_3/form_detailenergy): Detailed consumption for reports, with shift amounts (3.5)"""
        ...


class AsyncEnergyMeasure:
    """The ``energy.measure.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def query(self, time_type: Union[TimeType, int, str], meter_name: str, time_start: DateTimeLike, time_end: DateTimeLike, *, time_interval: Optional[str] = None, measure_name: Optional[str] = None) -> Dict[str, Any]:
        """``energy.measure.query`` (GET /api_3/measure): Measuring-point values of one meter (3.3)"""
        ...


class AsyncEnergyReport:
    """The ``energy.report.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def generate(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, amount_type: Union[AmountType, int, str], *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.report.generate`` (POST /api_3/report): Generate an energy report; answers File_Name (3.4)"""
        ...


class AsyncEnergyRate:
    """The ``energy.rate.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def update(self, id: int, rate_name: str, rate_type: str, is_segmentation: Union[Segmentation, int, str], rate_unit: str, *, rate_value: Optional[str] = None, seg_begin: Optional[str] = None, seg_begin_rate: Optional[str] = None, seg_end: Optional[str] = None, seg_end_rate: Optional[str] = None) -> Dict[str, Any]:
        """``energy.rate.update`` (PUT /api_3/rate): Update a rate (4.1)"""
        ...

    async def get(self) -> Dict[str, Any]:
        """``energy.rate.get`` (GET /api_3/rate): The rates (4.2)"""
        ...


class AsyncEnergyPersonalise:
    """The ``energy.personalise.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def get(self) -> Dict[str, Any]:
        """``energy.personalise.get`` (GET /api_3/personalise): Year, month and day boundaries (4.3)"""
        ...

    async def update(self, year_start: str, year_end: str, month_start: str, month_end: str, day_start: str, day_end: str) -> Dict[str, Any]:
        """``energy.personalise.update`` (PUT /api_3/personalise): Set the year, month and day boundaries (4.4)"""
        ...


class AsyncEnergyPrp:
    """The ``energy.prp.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    @property
    def organization(self) -> AsyncEnergyPrpOrganization:
        """The ``energy.prp.organization.*`` calls."""
        ...

    @property
    def version(self) -> AsyncEnergyPrpVersion:
        """The ``energy.prp.version.*`` calls."""
        ...

    @property
    def manual_data(self) -> AsyncEnergyPrpManualData:
        """The ``energy.prp.manual_data.*`` calls."""
        ...

    @property
    def uploaded_data(self) -> AsyncEnergyPrpUploadedData:
        """The ``energy.prp.uploaded_data.*`` calls."""
        ...

    async def base_infos(self) -> Dict[str, Any]:
        """``energy.prp.base_infos`` (GET /api_3/PRP_base_infos): Provincial platform base data: collect systems, usages, items (5.1)"""
        ...

    async def operation_result(self, operation_type: Union[OperationType, int, str]) -> Dict[str, Any]:
        """``energy.prp.operation_result`` (GET /api_3/PRP_operation_result): Result of the last provincial platform operation (5.8)"""
        ...


class AsyncEnergyPrpOrganization:
    """The ``energy.prp.organization.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def upload(self, collect_item_config: List[Any], enterprise: Any, group: Any, *, process: Optional[List[Any]] = None, process_unit: Optional[List[Any]] = None) -> Dict[str, Any]:
        """``energy.prp.organization.upload`` (PUT /api_3/PRP_organization_infos): Upload the organisation's base information (5.2)"""
        ...

    async def get(self) -> Dict[str, Any]:
        """``energy.prp.organization.get`` (GET /api_3/PRP_organization_infos): The organisation's base information (5.3)"""
        ...


class AsyncEnergyPrpVersion:
    """The ``energy.prp.version.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def get(self) -> Dict[str, Any]:
        """``energy.prp.version.get`` (GET /api_3/PRP_version): Provincial platform version information (5.4)"""
        ...

    async def update(self, enterprise_code: str, region: str) -> Dict[str, Any]:
        """``energy.prp.version.update`` (POST /api_3/PRP_version): Update the version data from the provincial platform (5.5)"""
        ...


class AsyncEnergyPrpManualData:
    """The ``energy.prp.manual_data.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def add(self, meter_id: int, date_time: DateTimeLike, date_type: Union[DateType, int, str], data_amount: str) -> Dict[str, Any]:
        """``energy.prp.manual_data.add`` (POST /api_3/PRP_manual_energy_measure_datas): Add a manually reported value (5.6)"""
        ...


class AsyncEnergyPrpUploadedData:
    """The ``energy.prp.uploaded_data.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, time_start: DateTimeLike, time_end: DateTimeLike) -> Dict[str, Any]:
        """``energy.prp.uploaded_data.list`` (GET /api_3/PRP_uploaded_energy_measure_datas): Upload records of collected data (5.7)"""
        ...


class AsyncEnergyAlarms:
    """The ``energy.alarms.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.alarms.list`` (GET /api_3/alarm_status): List alarms (6.1), paged"""
        ...

    def list_all(self, *, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.alarms.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...

    async def create(self, alarm_name: str, alarm_type: Union[AlarmType, int, str], alarm_level: Union[AlarmLevel, int, str], alarm_notify: Union[AlarmNotify, int, str], notify_address: str) -> Dict[str, Any]:
        """``energy.alarms.create`` (POST /api_3/alarm_status): Add an alarm (6.2)"""
        ...

    async def update(self, id: int, alarm_name: str, alarm_type: Union[AlarmType, int, str], alarm_level: Union[AlarmLevel, int, str], alarm_notify: Union[AlarmNotify, int, str], notify_address: str) -> Dict[str, Any]:
        """``energy.alarms.update`` (PUT /api_3/alarm_status): Update an alarm (6.3)"""
        ...

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.alarms.delete`` (DELETE /api_3/alarm_status): Delete an alarm (6.4)"""
        ...

    async def statistics(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, statistic_method: Union[StatisticMethod, int, str], return_format: Union[ReturnFormat, int, str]) -> Dict[str, Any]:
        """``energy.alarms.statistics`` (GET /api_3/alarm_statistic_nums): Alarm counts per year, month or day (6.10)"""
        ...


class AsyncEnergyAlarmRules:
    """The ``energy.alarm_rules.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, alarm_id: Optional[str] = None) -> Dict[str, Any]:
        """``energy.alarm_rules.list`` (GET /api_3/alarm_status_rules): List alarm rules (6.5), paged"""
        ...

    def list_all(self, *, alarm_id: Optional[str] = None, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.alarm_rules.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...

    async def create(self, rule_name: str, alarm_id: int, meter_id: int, lower_limit: float, upper_limit: float, *, meter_parameter: Optional[str] = None) -> Dict[str, Any]:
        """``energy.alarm_rules.create`` (POST /api_3/alarm_status_rules): Add an alarm rule (6.6)"""
        ...

    async def update(self, id: int, rule_name: str, alarm_id: int, meter_id: int, lower_limit: float, upper_limit: float, *, meter_parameter: Optional[str] = None) -> Dict[str, Any]:
        """``energy.alarm_rules.update`` (PUT /api_3/alarm_status_rules): Update an alarm rule (6.7)"""
        ...

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.alarm_rules.delete`` (DELETE /api_3/alarm_status_rules): Delete an alarm rule (6.8)"""
        ...


class AsyncEnergyAlarmMessages:
    """The ``energy.alarm_messages.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, time_start: DateTimeLike, time_end: DateTimeLike, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, meter_name: Optional[str] = None, meter_superior: Optional[str] = None, alarm_type: Optional[Union[AlarmType, int, str]] = None, alarm_level: Optional[Union[AlarmLevel, int, str]] = None, rule_name: Optional[str] = None) -> Dict[str, Any]:
        """``energy.alarm_messages.list`` (DELETE /api_3/alarm_message): Alarm records (6.9; documented as DELETE), paged"""
        ...

    def list_all(self, *, time_start: Optional[DateTimeLike] = None, time_end: Optional[DateTimeLike] = None, meter_name: Optional[str] = None, meter_superior: Optional[str] = None, alarm_type: Optional[Union[AlarmType, int, str]] = None, alarm_level: Optional[Union[AlarmLevel, int, str]] = None, rule_name: Optional[str] = None, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.alarm_messages.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...


class AsyncEnergyOeeRules:
    """The ``energy.oee_rules.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.oee_rules.list`` (GET /api_3/OEE_status_rules): List OEE rules (7.1), paged"""
        ...

    def list_all(self, *, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.oee_rules.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...

    async def create(self, rule_name: str, status_name: str, meter_id: int, meter_parameter: str, lower_limit: float, upper_limit: float, meter_superior_id: str) -> Dict[str, Any]:
        """``energy.oee_rules.create`` (POST /api_3/OEE_status_rules): Add an OEE rule (7.2)"""
        ...

    async def update(self, id: int, rule_name: str, status_name: str, meter_id: int, meter_parameter: str, lower_limit: float, upper_limit: float, meter_superior_id: int) -> Dict[str, Any]:
        """``energy.oee_rules.update`` (PUT /api_3/OEE_status_rules): Update an OEE rule (7.3)"""
        ...

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.oee_rules.delete`` (DELETE /api_3/OEE_status_rules): Delete an OEE rule (7.4)"""
        ...


class AsyncEnergyOee:
    """The ``energy.oee.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def records(self, time_start: DateTimeLike, time_end: DateTimeLike, meter_superior_id: int) -> Dict[str, Any]:
        """``energy.oee.records`` (GET /api_3/OEE_statistic_records): A machine's OEE status changes, at most 24 h (7.5)"""
        ...

    async def statistics(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, return_format: Union[ReturnFormat, int, str], meter_superior_id: int) -> Dict[str, Any]:
        """``energy.oee.statistics`` (GET /api_3/OEE_statistic): Seconds per OEE status per year, month or day (7.6)"""
        ...


class AsyncEnergyProducts:
    """The ``energy.products.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.products.list`` (GET /api_3/products): List products (8.1), paged"""
        ...

    def list_all(self, *, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.products.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...

    async def create(self, product_name: str, *, product_unit: Optional[str] = None, remarks: Optional[str] = None) -> Dict[str, Any]:
        """``energy.products.create`` (POST /api_3/products): Add a product (8.2)"""
        ...

    async def update(self, id: int, product_name: str, *, product_unit: Optional[str] = None, remarks: Optional[str] = None) -> Dict[str, Any]:
        """``energy.products.update`` (PUT /api_3/products): Update a product (8.3)"""
        ...

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.products.delete`` (DELETE /api_3/products): Delete a product (8.4)"""
        ...


class AsyncEnergyProductOutput:
    """The ``energy.product_output.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, production_batch: Optional[str] = None, product_name: Optional[str] = None) -> Dict[str, Any]:
        """``energy.product_output.list`` (GET /api_3/product_output): List product output records (8.5), paged"""
        ...

    def list_all(self, *, production_batch: Optional[str] = None, product_name: Optional[str] = None, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.product_output.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...

    async def create(self, product_id: int, total_amount: int, meter_superior_id: int, time_start: DateTimeLike, time_end: DateTimeLike, product_batch_id: int) -> Dict[str, Any]:
        """``energy.product_output.create`` (POST /api_3/product_output): Record a product output (8.6)"""
        ...

    async def update(self, id: int, product_id: int, total_amount: int, meter_superior_id: int, time_start: DateTimeLike, time_end: DateTimeLike, product_batch_id: int) -> Dict[str, Any]:
        """``energy.product_output.update`` (PUT /api_3/product_output): Update a product output record (8.7)"""
        ...

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.product_output.delete`` (DELETE /api_3/product_output): Delete a product output record (8.8)"""
        ...

    async def statistics(self, time_type: Union[TimeType, int, str], time_start: DateTimeLike, time_end: DateTimeLike, summary_type: Union[SummaryType, int, str], return_format: Union[ReturnFormat, int, str], amount_type: Union[AmountType, int, str], *, product_name: Optional[str] = None, meter_superior: Optional[str] = None, is_order: Optional[Union[IsOrder, int, str]] = None, order_type: Optional[Union[OrderType, int, str]] = None, limit: Optional[int] = None, energy_type: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.product_output.statistics`` (GET /api_3/product_output_energy_statistic): Output and energy per product or machine (8.9)"""
        ...


class AsyncEnergyBatches:
    """The ``energy.batches.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None) -> Dict[str, Any]:
        """``energy.batches.list`` (GET /api_3/productsBatch): List production batches (8.10), paged"""
        ...

    def list_all(self, *, per_page: int = 100) -> AsyncIterator[Any]:
        """Every record of ``energy.batches.list``, page after page (``per_page`` a page); ``async for`` it."""
        ...

    async def create(self, production_batch: str, time_start: DateTimeLike, time_end: DateTimeLike) -> Dict[str, Any]:
        """``energy.batches.create`` (POST /api_3/productsBatch): Add a production batch (8.11)"""
        ...

    async def update(self, id: int, production_batch: str, time_start: DateTimeLike, time_end: DateTimeLike) -> Dict[str, Any]:
        """``energy.batches.update`` (PUT /api_3/productsBatch): Update a production batch (8.12)"""
        ...

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.batches.delete`` (DELETE /api_3/productsBatch): Delete a production batch (8.13)"""
        ...

    async def statistics(self, production_batch: str, summary_type: Union[SummaryType, int, str], amount_type: Union[AmountType, int, str], *, product_name: Optional[str] = None, meter_superior: Optional[str] = None, is_order: Optional[Union[IsOrder, int, str]] = None, order_type: Optional[Union[OrderType, int, str]] = None, limit: Optional[int] = None, energy_type: Optional[Union[EnergyKind, int, str]] = None) -> Dict[str, Any]:
        """``energy.batches.statistics`` (GET /api_3/productsBatch_output_energy_statistic): Output and energy per batch (8.14)"""
        ...


class AsyncEnergyMiniprogram:
    """The ``energy.miniprogram.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def bind(self, code: str, encrypted_data: str, iv: str) -> Dict[str, Any]:
        """``energy.miniprogram.bind`` (POST /api_3/xcx_info_bind): Bind a WeChat mini-program user (9.1)"""
        ...


class AsyncEnergyRegions:
    """The ``energy.regions.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        ...

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        ...

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        ...

    async def list(self) -> Dict[str, Any]:
        """``energy.regions.list`` (GET /api_3/province_city_list): Provinces and their cities (9.2)"""
        ...
