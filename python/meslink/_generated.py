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

from . import _behaviour
from ._wire import DateTimeLike, _bool, _enum, _int, _text, args, wire


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

    def __str__(self) -> str:
        return str(self.value)


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

    def __str__(self) -> str:
        return str(self.value)


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
        return cls(
            emp_no=_text(d.get("epm_no"), False),
            emp_name=_text(d.get("emp_name"), False),
            company=_text(d.get("company"), False),
            account=_bool(d.get("account"), False),
            raw=d.get("raw"),
        )


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
        return cls(
            serial_number=_text(d.get("SERIAL_NUMBER"), False),
            function_name=_text(d.get("FUNCTION_NAME"), False),
            target_qty=_int(d.get("TARGET_QTY"), False),
            sn_qty=_int(d.get("SN_QTY"), False),
            raw=d.get("raw"),
        )


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
        return cls(
            cnc_system=_text(d.get("cnc_system"), False),
            cnc_class=_text(d.get("cnc_class"), False),
            cnc_model=_text(d.get("cnc_model"), False),
            raw=d.get("raw"),
        )


@dataclasses.dataclass(frozen=True)
class OrgNode(_behaviour.OrgNodeMixin):
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
        return cls(
            id=_text(d.get("id"), False),
            name=_text(d.get("name"), False),
            level=_enum(OrgLevel, d.get("level")),
            machine_id=_text(d.get("machine_id"), True),
            key=_text(d.get("key"), False),
            children=[OrgNode._from_json(x) for x in (d.get("children") or []) if isinstance(x, dict)],
            raw=d.get("raw"),
        )


@dataclasses.dataclass(frozen=True)
class TraceNode(_behaviour.TraceNodeMixin):
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
        return cls(
            step_code=_text(d.get("stepCode"), False),
            kind=_text(d.get("type"), False),
            unique_code=_text(d.get("uniqueCode"), False),
            from_=_text(d.get("from"), True),
            id=_int(d.get("id"), True),
            children=[TraceNode._from_json(x) for x in (d.get("trees") or []) if isinstance(x, dict)],
            raw=d.get("raw"),
        )


@dataclasses.dataclass(frozen=True)
class TraceResult(_behaviour.TraceResultMixin):
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
        return cls(
            id=_text(d.get("id"), False),
            code=_int(d.get("code"), False),
            tree_list=[TraceNode._from_json(x) for x in (d.get("treeList") or []) if isinstance(x, dict)],
            data_raw=_text(d.get("data_raw"), False),
            answer=d.get("answer"),
        )


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
        return {k: wire(v) for k, v in (("batteryStation", self.battery_station), ("deviceCode", self.device_code), ("barcode", self.barcode), ("testTime", self.test_time), ("workStep", self.work_step), ("voltage", self.voltage), ("electricity", self.electricity), ("volume", self.volume), ("energy", self.energy)) if v is not None}


class _ClientCalls:
    """The typed methods of the client (mixed into :class:`meslink.Client`)."""

    __slots__ = ()

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        raise NotImplementedError

    @property
    def energy(self) -> Energy:
        """The ``energy.*`` calls."""
        return Energy(self)

    def ate_login(self, *, emp_no: Optional[str] = None, password: Optional[str] = None) -> LoginInfo:
        """``ate.login`` (POST /api/login/): Log in; the token stays inside the client, which renews it itself"""
        p = args.collect({"emp_no": emp_no, "password": password})
        return LoginInfo._from_json(self._call_typed('ate.login', p))

    def ate_sn_detail_get(self, work_order: str) -> SnDetail:
        """``ate.sn_detail.get`` (GET /api/sn_detail/{work_order}/): Work order: SERIAL_NUMBER, FUNCTION_NAME, TARGET_QTY, SN_QTY"""
        p = args.collect({"work_order": work_order})
        return SnDetail._from_json(self._call_typed('ate.sn_detail.get', p))

    def ate_sn_detail_upload(self, work_order: str, sn: str) -> None:
        """``ate.sn_detail.upload`` (POST /api/sn_detail/): Upload a serial number; the server checks it against the SN rule"""
        p = args.collect({"work_order": work_order, "sn": sn})
        self._call_typed('ate.sn_detail.upload', p)
        return None

    def grading_save(self, record: Optional[GradingRecord] = None, *, battery_station: Optional[str] = None, device_code: Optional[str] = None, barcode: Optional[str] = None, test_time: Optional[DateTimeLike] = None, work_step: Optional[str] = None, voltage: Optional[float] = None, electricity: Optional[float] = None, volume: Optional[float] = None, energy: Optional[float] = None) -> Dict[str, Any]:
        """``grading.save`` (POST /api/pick/volumeCollectData/save): Save one cell's grading record (newest record per barcode wins)

        The record as a :class:`GradingRecord`, or its fields as keywords (not both)."""
        p = args.record(record, GradingRecord, {"batteryStation": battery_station, "deviceCode": device_code, "barcode": barcode, "testTime": test_time, "workStep": work_step, "voltage": voltage, "electricity": electricity, "volume": volume, "energy": energy})
        return self._call_typed('grading.save', p)

    def trace_query(self, unique_code: str = args.MISSING, trace_type: Union[TraceType, str] = args.MISSING, *, corp_id: Optional[str] = None, user_id: Optional[str] = None, source: Optional[str] = None, **legacy: Any) -> TraceResult:
        """``trace.query`` (POST /industry/qualitytrace/tree/query): Forward or reverse quality trace of a unique code; answers a tree"""
        p = args.collect({"uniqueCode": unique_code, "traceType": trace_type, "corpId": corp_id, "userId": user_id, "source": source}, legacy)
        return TraceResult._from_json(self._call_typed('trace.query', p))

    def mgm_token_get(self, *, app_key: Optional[str] = None, app_secret: Optional[str] = None) -> Dict[str, Any]:
        """``mgm.token.get`` (POST /token): get_access_token; the tokens stay inside the client, the answer is {expires_in}"""
        p = args.collect({"app_key": app_key, "app_secret": app_secret})
        return self._call_typed('mgm.token.get', p)

    def mgm_token_refresh(self, *, app_key: Optional[str] = None, refresh_token: Optional[str] = None) -> Dict[str, Any]:
        """``mgm.token.refresh`` (POST /token): refresh_token: extends the token before expiry, a new one after; answers {expires_in}"""
        p = args.collect({"app_key": app_key, "refresh_token": refresh_token})
        return self._call_typed('mgm.token.refresh', p)

    def mgm_organization(self) -> OrgNode:
        """``mgm.organization`` (POST /resource): get_organization: the factory tree (factory, area, workshop, line, machines)"""
        p = args.collect({})
        return OrgNode._from_json(self._call_typed('mgm.organization', p))

    def mgm_sys_info(self, machine_list: List[Any]) -> Dict[str, SysInfo]:
        """``mgm.sys_info`` (POST /resource): get_sys_info: cnc_system, cnc_class, cnc_model of each machine"""
        p = args.collect({"machine_list": args.as_list(machine_list, "machine_list")})
        return {str(k): SysInfo._from_json(v) for k, v in self._call_typed('mgm.sys_info', p).items()}


class Energy:
    """The ``energy.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    @property
    def auth(self) -> EnergyAuth:
        """The ``energy.auth.*`` calls."""
        return EnergyAuth(self._client)

    @property
    def users(self) -> EnergyUsers:
        """The ``energy.users.*`` calls."""
        return EnergyUsers(self._client)

    @property
    def meters(self) -> EnergyMeters:
        """The ``energy.meters.*`` calls."""
        return EnergyMeters(self._client)

    @property
    def machines(self) -> EnergyMachines:
        """The ``energy.machines.*`` calls."""
        return EnergyMachines(self._client)

    @property
    def consumption(self) -> EnergyConsumption:
        """The ``energy.consumption.*`` calls."""
        return EnergyConsumption(self._client)

    @property
    def measure(self) -> EnergyMeasure:
        """The ``energy.measure.*`` calls."""
        return EnergyMeasure(self._client)

    @property
    def report(self) -> EnergyReport:
        """The ``energy.report.*`` calls."""
        return EnergyReport(self._client)

    @property
    def rate(self) -> EnergyRate:
        """The ``energy.rate.*`` calls."""
        return EnergyRate(self._client)

    @property
    def personalise(self) -> EnergyPersonalise:
        """The ``energy.personalise.*`` calls."""
        return EnergyPersonalise(self._client)

    @property
    def prp(self) -> EnergyPrp:
        """The ``energy.prp.*`` calls."""
        return EnergyPrp(self._client)

    @property
    def alarms(self) -> EnergyAlarms:
        """The ``energy.alarms.*`` calls."""
        return EnergyAlarms(self._client)

    @property
    def alarm_rules(self) -> EnergyAlarmRules:
        """The ``energy.alarm_rules.*`` calls."""
        return EnergyAlarmRules(self._client)

    @property
    def alarm_messages(self) -> EnergyAlarmMessages:
        """The ``energy.alarm_messages.*`` calls."""
        return EnergyAlarmMessages(self._client)

    @property
    def oee_rules(self) -> EnergyOeeRules:
        """The ``energy.oee_rules.*`` calls."""
        return EnergyOeeRules(self._client)

    @property
    def oee(self) -> EnergyOee:
        """The ``energy.oee.*`` calls."""
        return EnergyOee(self._client)

    @property
    def products(self) -> EnergyProducts:
        """The ``energy.products.*`` calls."""
        return EnergyProducts(self._client)

    @property
    def product_output(self) -> EnergyProductOutput:
        """The ``energy.product_output.*`` calls."""
        return EnergyProductOutput(self._client)

    @property
    def batches(self) -> EnergyBatches:
        """The ``energy.batches.*`` calls."""
        return EnergyBatches(self._client)

    @property
    def miniprogram(self) -> EnergyMiniprogram:
        """The ``energy.miniprogram.*`` calls."""
        return EnergyMiniprogram(self._client)

    @property
    def regions(self) -> EnergyRegions:
        """The ``energy.regions.*`` calls."""
        return EnergyRegions(self._client)


class EnergyAuth:
    """The ``energy.auth.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def login(self, usr_name: str = args.MISSING, usr_password: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.auth.login`` (POST /api/auth): Log in (1.1); the session cookie stays inside the client"""
        p = args.collect({"Usr_Name": usr_name, "Usr_Password": usr_password}, legacy)
        return self._call_typed('energy.auth.login', p)

    def logout(self) -> Dict[str, Any]:
        """``energy.auth.logout`` (DELETE /api/auth): Log out (1.2) and forget the session"""
        p = args.collect({})
        return self._call_typed('energy.auth.logout', p)


class EnergyUsers:
    """The ``energy.users.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def register(self, usr_name: str = args.MISSING, usr_password: str = args.MISSING, usr_email: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.users.register`` (POST /api/users): Register a user (1.3)"""
        p = args.collect({"Usr_Name": usr_name, "Usr_Password": usr_password, "Usr_Email": usr_email}, legacy)
        return self._call_typed('energy.users.register', p)

    def update(self, id: int = args.MISSING, usr_name: str = args.MISSING, usr_email: str = args.MISSING, *, usr_phone: Optional[str] = None, xcx_title: Optional[str] = None, usr_company: Optional[str] = None, usr_province: Optional[str] = None, usr_city: Optional[str] = None, usr_detail_addr: Optional[str] = None, usr_area: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.users.update`` (PUT /api/users): Update a user's details (1.4)"""
        p = args.collect({"id": id, "Usr_Name": usr_name, "Usr_Email": usr_email, "Usr_Phone": usr_phone, "XCX_Title": xcx_title, "Usr_Company": usr_company, "Usr_Province": usr_province, "Usr_City": usr_city, "Usr_Detail_Addr": usr_detail_addr, "Usr_Area": usr_area}, legacy)
        return self._call_typed('energy.users.update', p)

    def get(self, *, id: Optional[int] = None, usr_name: Optional[str] = None, usr_email: Optional[str] = None, usr_phone: Optional[str] = None, xcx_title: Optional[str] = None, usr_company: Optional[str] = None, usr_province: Optional[str] = None, usr_city: Optional[str] = None, usr_detail_addr: Optional[str] = None, usr_area: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.users.get`` (GET /api/users): Get user details (1.5)"""
        p = args.collect({"id": id, "Usr_Name": usr_name, "Usr_Email": usr_email, "Usr_Phone": usr_phone, "XCX_Title": xcx_title, "Usr_Company": usr_company, "Usr_Province": usr_province, "Usr_City": usr_city, "Usr_Detail_Addr": usr_detail_addr, "Usr_Area": usr_area}, legacy)
        return self._call_typed('energy.users.get', p)


class EnergyMeters:
    """The ``energy.meters.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def create(self, meter_name: str = args.MISSING, meter_type: str = args.MISSING, meter_superior_id: str = args.MISSING, *, meter_remarks: Optional[str] = None, meter_total_amount: Optional[str] = None, meter_is_virtual: Optional[Union[YesNo, int, str]] = None, meter_formula: Optional[str] = None, meter_is_total: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.meters.create`` (POST /api_3/meters): Add a meter (2.1); answers its id"""
        p = args.collect({"Meter_Name": meter_name, "Meter_Type": meter_type, "Meter_Superior_id": meter_superior_id, "Meter_Remarks": meter_remarks, "Meter_TotalAmount": meter_total_amount, "Meter_IsVirtual": meter_is_virtual, "Meter_Formula": meter_formula, "Meter_IsTotal": meter_is_total, "Meter_IsCount": meter_is_count, "Is_HandWork": is_hand_work}, legacy)
        return self._call_typed('energy.meters.create', p)

    def update(self, id: int = args.MISSING, meter_name: str = args.MISSING, meter_type: str = args.MISSING, meter_superior_id: int = args.MISSING, *, meter_remarks: Optional[str] = None, meter_total_amount: Optional[str] = None, meter_is_virtual: Optional[Union[YesNo, int, str]] = None, meter_formula: Optional[str] = None, meter_is_total: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.meters.update`` (PUT /api_3/meters): Update a meter (2.2)"""
        p = args.collect({"id": id, "Meter_Name": meter_name, "Meter_Type": meter_type, "Meter_Superior_id": meter_superior_id, "Meter_Remarks": meter_remarks, "Meter_TotalAmount": meter_total_amount, "Meter_IsVirtual": meter_is_virtual, "Meter_Formula": meter_formula, "Meter_IsTotal": meter_is_total, "Meter_IsCount": meter_is_count, "Is_HandWork": is_hand_work}, legacy)
        return self._call_typed('energy.meters.update', p)

    def list(self, *, id: Optional[int] = None, meter_type: Optional[str] = None, meter_superior: Optional[str] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.meters.list`` (GET /api_3/meters): List meters (2.3), paged"""
        p = args.collect({"id": id, "Meter_Type": meter_type, "Meter_Superior": meter_superior, "Is_HandWork": is_hand_work, "Per_Page_Counts": per_page_counts, "Page_Counts": page_counts, "Meter_IsCount": meter_is_count}, legacy)
        return self._call_typed('energy.meters.list', p)

    def list_all(self, *, id: Optional[int] = None, meter_type: Optional[str] = None, meter_superior: Optional[str] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.meters.list``, page after page (``per_page`` a page)."""
        p = args.collect({"id": id, "Meter_Type": meter_type, "Meter_Superior": meter_superior, "Is_HandWork": is_hand_work, "Meter_IsCount": meter_is_count}, legacy)
        return self._pages('energy.meters.list', p, per_page)

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.meters.delete`` (DELETE /api_3/meters): Delete a meter (2.4)"""
        p = args.collect({"id": id})
        return self._call_typed('energy.meters.delete', p)


class EnergyMachines:
    """The ``energy.machines.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, *, id: Optional[int] = None, meter_department: Optional[str] = None, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.machines.list`` (GET /api_3/metersuperiors): List machines (2.5), paged"""
        p = args.collect({"id": id, "Meter_Department": meter_department, "Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return self._call_typed('energy.machines.list', p)

    def list_all(self, *, id: Optional[int] = None, meter_department: Optional[str] = None, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.machines.list``, page after page (``per_page`` a page)."""
        p = args.collect({"id": id, "Meter_Department": meter_department}, legacy)
        return self._pages('energy.machines.list', p, per_page)

    def create(self, meter_superior: str = args.MISSING, meter_department: str = args.MISSING, equipment_code: str = args.MISSING, equipment_unit_code: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.machines.create`` (POST /api_3/metersuperiors): Add a machine (2.6)"""
        p = args.collect({"Meter_Superior": meter_superior, "Meter_Department": meter_department, "equipmentCode": equipment_code, "equipmentUnitCode": equipment_unit_code}, legacy)
        return self._call_typed('energy.machines.create', p)

    def update(self, id: int = args.MISSING, meter_superior: str = args.MISSING, meter_department: str = args.MISSING, equipment_code: str = args.MISSING, equipment_unit_code: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.machines.update`` (PUT /api_3/metersuperiors): Update a machine (2.7)"""
        p = args.collect({"id": id, "Meter_Superior": meter_superior, "Meter_Department": meter_department, "equipmentCode": equipment_code, "equipmentUnitCode": equipment_unit_code}, legacy)
        return self._call_typed('energy.machines.update', p)

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.machines.delete`` (DELETE /api_3/metersuperiors): Delete a machine (2.8)"""
        p = args.collect({"id": id})
        return self._call_typed('energy.machines.delete', p)

    def upload_image(self, meter_superior_id: int = args.MISSING, machine_image: Any = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.machines.upload_image`` (POST /api_3/metersuperior_image): Upload a machine's picture (2.9, multipart)"""
        p = args.collect({"Meter_Superior_id": meter_superior_id, "Machine_Image": machine_image}, legacy)
        return self._call_typed('energy.machines.upload_image', p)


class EnergyConsumption:
    """The ``energy.consumption.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def total(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.consumption.total`` (GET /api_3/allenergy): Total consumption per meter type, meter, machine or department (3.1)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Amount_Type": amount_type, "Amount_Combination": amount_combination, "Amount_SortName": amount_sort_name, "Amount_Value": amount_value}, legacy)
        return self._call_typed('energy.consumption.total', p)

    def detail(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.consumption.detail`` (GET /api_3/detailenergy): Consumption per time interval (3.2)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Time_Interval": time_interval, "Amount_Type": amount_type, "Amount_Combination": amount_combination, "Amount_SortName": amount_sort_name, "Amount_Value": amount_value}, legacy)
        return self._call_typed('energy.consumption.detail', p)

    def detail_report(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.consumption.detail_report`` (POST /api_3/form_detailenergy): Detailed consumption for reports, with shift amounts (3.5)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Time_Interval": time_interval, "Amount_Type": amount_type, "Amount_Combination": amount_combination, "Amount_SortName": amount_sort_name, "Amount_Value": amount_value}, legacy)
        return self._call_typed('energy.consumption.detail_report', p)


class EnergyMeasure:
    """The ``energy.measure.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def query(self, time_type: Union[TimeType, int, str] = args.MISSING, meter_name: str = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, *, time_interval: Optional[str] = None, measure_name: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.measure.query`` (GET /api_3/measure): Measuring-point values of one meter (3.3)"""
        p = args.collect({"Time_Type": time_type, "Meter_Name": meter_name, "Time_Start": time_start, "Time_End": time_end, "Time_Interval": time_interval, "Measure_Name": measure_name}, legacy)
        return self._call_typed('energy.measure.query', p)


class EnergyReport:
    """The ``energy.report.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def generate(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.report.generate`` (POST /api_3/report): Generate an energy report; answers File_Name (3.4)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Time_Interval": time_interval, "Amount_Type": amount_type, "Amount_Combination": amount_combination, "Amount_SortName": amount_sort_name, "Amount_Value": amount_value}, legacy)
        return self._call_typed('energy.report.generate', p)


class EnergyRate:
    """The ``energy.rate.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def update(self, id: int = args.MISSING, rate_name: str = args.MISSING, rate_type: str = args.MISSING, is_segmentation: Union[Segmentation, int, str] = args.MISSING, rate_unit: str = args.MISSING, *, rate_value: Optional[str] = None, seg_begin: Optional[str] = None, seg_begin_rate: Optional[str] = None, seg_end: Optional[str] = None, seg_end_rate: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.rate.update`` (PUT /api_3/rate): Update a rate (4.1)"""
        p = args.collect({"id": id, "Rate_Name": rate_name, "Rate_Type": rate_type, "Rate_Value": rate_value, "isSegmentation": is_segmentation, "Seg_Begin": seg_begin, "Seg_Begin_Rate": seg_begin_rate, "Seg_End": seg_end, "Seg_End_Rate": seg_end_rate, "Rate_Unit": rate_unit}, legacy)
        return self._call_typed('energy.rate.update', p)

    def get(self) -> Dict[str, Any]:
        """``energy.rate.get`` (GET /api_3/rate): The rates (4.2)"""
        p = args.collect({})
        return self._call_typed('energy.rate.get', p)


class EnergyPersonalise:
    """The ``energy.personalise.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def get(self) -> Dict[str, Any]:
        """``energy.personalise.get`` (GET /api_3/personalise): Year, month and day boundaries (4.3)"""
        p = args.collect({})
        return self._call_typed('energy.personalise.get', p)

    def update(self, year_start: str = args.MISSING, year_end: str = args.MISSING, month_start: str = args.MISSING, month_end: str = args.MISSING, day_start: str = args.MISSING, day_end: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.personalise.update`` (PUT /api_3/personalise): Set the year, month and day boundaries (4.4)"""
        p = args.collect({"Year_Start": year_start, "Year_End": year_end, "Month_Start": month_start, "Month_End": month_end, "Day_Start": day_start, "Day_End": day_end}, legacy)
        return self._call_typed('energy.personalise.update', p)


class EnergyPrp:
    """The ``energy.prp.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    @property
    def organization(self) -> EnergyPrpOrganization:
        """The ``energy.prp.organization.*`` calls."""
        return EnergyPrpOrganization(self._client)

    @property
    def version(self) -> EnergyPrpVersion:
        """The ``energy.prp.version.*`` calls."""
        return EnergyPrpVersion(self._client)

    @property
    def manual_data(self) -> EnergyPrpManualData:
        """The ``energy.prp.manual_data.*`` calls."""
        return EnergyPrpManualData(self._client)

    @property
    def uploaded_data(self) -> EnergyPrpUploadedData:
        """The ``energy.prp.uploaded_data.*`` calls."""
        return EnergyPrpUploadedData(self._client)

    def base_infos(self) -> Dict[str, Any]:
        """``energy.prp.base_infos`` (GET /api_3/PRP_base_infos): Provincial platform base data: collect systems, usages, items (5.1)"""
        p = args.collect({})
        return self._call_typed('energy.prp.base_infos', p)

    def operation_result(self, operation_type: Union[OperationType, int, str] = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.operation_result`` (GET /api_3/PRP_operation_result): Result of the last provincial platform operation (5.8)"""
        p = args.collect({"Operation_Type": operation_type}, legacy)
        return self._call_typed('energy.prp.operation_result', p)


class EnergyPrpOrganization:
    """The ``energy.prp.organization.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def upload(self, collect_item_config: List[Any] = args.MISSING, enterprise: Any = args.MISSING, group: Any = args.MISSING, *, process: Optional[List[Any]] = None, process_unit: Optional[List[Any]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.organization.upload`` (PUT /api_3/PRP_organization_infos): Upload the organisation's base information (5.2)"""
        p = args.collect({"collectItemConfig": args.as_list(collect_item_config, "collect_item_config"), "enterprise": enterprise, "group": group, "process": args.as_list(process, "process"), "processUnit": args.as_list(process_unit, "process_unit")}, legacy)
        return self._call_typed('energy.prp.organization.upload', p)

    def get(self) -> Dict[str, Any]:
        """``energy.prp.organization.get`` (GET /api_3/PRP_organization_infos): The organisation's base information (5.3)"""
        p = args.collect({})
        return self._call_typed('energy.prp.organization.get', p)


class EnergyPrpVersion:
    """The ``energy.prp.version.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def get(self) -> Dict[str, Any]:
        """``energy.prp.version.get`` (GET /api_3/PRP_version): Provincial platform version information (5.4)"""
        p = args.collect({})
        return self._call_typed('energy.prp.version.get', p)

    def update(self, enterprise_code: str = args.MISSING, region: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.version.update`` (POST /api_3/PRP_version): Update the version data from the provincial platform (5.5)"""
        p = args.collect({"enterpriseCode": enterprise_code, "region": region}, legacy)
        return self._call_typed('energy.prp.version.update', p)


class EnergyPrpManualData:
    """The ``energy.prp.manual_data.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def add(self, meter_id: int = args.MISSING, date_time: DateTimeLike = args.MISSING, date_type: Union[DateType, int, str] = args.MISSING, data_amount: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.manual_data.add`` (POST /api_3/PRP_manual_energy_measure_datas): Add a manually reported value (5.6)"""
        p = args.collect({"Meter_id": meter_id, "Date_Time": date_time, "Date_Type": date_type, "Data_Amount": data_amount}, legacy)
        return self._call_typed('energy.prp.manual_data.add', p)


class EnergyPrpUploadedData:
    """The ``energy.prp.uploaded_data.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.uploaded_data.list`` (GET /api_3/PRP_uploaded_energy_measure_datas): Upload records of collected data (5.7)"""
        p = args.collect({"Time_Start": time_start, "Time_End": time_end}, legacy)
        return self._call_typed('energy.prp.uploaded_data.list', p)


class EnergyAlarms:
    """The ``energy.alarms.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarms.list`` (GET /api_3/alarm_status): List alarms (6.1), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return self._call_typed('energy.alarms.list', p)

    def list_all(self, *, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.alarms.list``, page after page (``per_page`` a page)."""
        p = args.collect({}, legacy)
        return self._pages('energy.alarms.list', p, per_page)

    def create(self, alarm_name: str = args.MISSING, alarm_type: Union[AlarmType, int, str] = args.MISSING, alarm_level: Union[AlarmLevel, int, str] = args.MISSING, alarm_notify: Union[AlarmNotify, int, str] = args.MISSING, notify_address: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarms.create`` (POST /api_3/alarm_status): Add an alarm (6.2)"""
        p = args.collect({"Alarm_Name": alarm_name, "Alarm_Type": alarm_type, "Alarm_Level": alarm_level, "Alarm_Notify": alarm_notify, "Notify_Address": notify_address}, legacy)
        return self._call_typed('energy.alarms.create', p)

    def update(self, id: int = args.MISSING, alarm_name: str = args.MISSING, alarm_type: Union[AlarmType, int, str] = args.MISSING, alarm_level: Union[AlarmLevel, int, str] = args.MISSING, alarm_notify: Union[AlarmNotify, int, str] = args.MISSING, notify_address: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarms.update`` (PUT /api_3/alarm_status): Update an alarm (6.3)"""
        p = args.collect({"id": id, "Alarm_Name": alarm_name, "Alarm_Type": alarm_type, "Alarm_Level": alarm_level, "Alarm_Notify": alarm_notify, "Notify_Address": notify_address}, legacy)
        return self._call_typed('energy.alarms.update', p)

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.alarms.delete`` (DELETE /api_3/alarm_status): Delete an alarm (6.4)"""
        p = args.collect({"id": id})
        return self._call_typed('energy.alarms.delete', p)

    def statistics(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, statistic_method: Union[StatisticMethod, int, str] = args.MISSING, return_format: Union[ReturnFormat, int, str] = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarms.statistics`` (GET /api_3/alarm_statistic_nums): Alarm counts per year, month or day (6.10)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Statistic_Method": statistic_method, "Return_Format": return_format}, legacy)
        return self._call_typed('energy.alarms.statistics', p)


class EnergyAlarmRules:
    """The ``energy.alarm_rules.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, alarm_id: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarm_rules.list`` (GET /api_3/alarm_status_rules): List alarm rules (6.5), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts, "Alarm_id": alarm_id}, legacy)
        return self._call_typed('energy.alarm_rules.list', p)

    def list_all(self, *, alarm_id: Optional[str] = None, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.alarm_rules.list``, page after page (``per_page`` a page)."""
        p = args.collect({"Alarm_id": alarm_id}, legacy)
        return self._pages('energy.alarm_rules.list', p, per_page)

    def create(self, rule_name: str = args.MISSING, alarm_id: int = args.MISSING, meter_id: int = args.MISSING, lower_limit: float = args.MISSING, upper_limit: float = args.MISSING, *, meter_parameter: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarm_rules.create`` (POST /api_3/alarm_status_rules): Add an alarm rule (6.6)"""
        p = args.collect({"Rule_Name": rule_name, "Alarm_id": alarm_id, "Meter_id": meter_id, "Meter_Parameter": meter_parameter, "LowerLimit": lower_limit, "UpperLimit": upper_limit}, legacy)
        return self._call_typed('energy.alarm_rules.create', p)

    def update(self, id: int = args.MISSING, rule_name: str = args.MISSING, alarm_id: int = args.MISSING, meter_id: int = args.MISSING, lower_limit: float = args.MISSING, upper_limit: float = args.MISSING, *, meter_parameter: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarm_rules.update`` (PUT /api_3/alarm_status_rules): Update an alarm rule (6.7)"""
        p = args.collect({"id": id, "Rule_Name": rule_name, "Alarm_id": alarm_id, "Meter_id": meter_id, "Meter_Parameter": meter_parameter, "LowerLimit": lower_limit, "UpperLimit": upper_limit}, legacy)
        return self._call_typed('energy.alarm_rules.update', p)

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.alarm_rules.delete`` (DELETE /api_3/alarm_status_rules): Delete an alarm rule (6.8)"""
        p = args.collect({"id": id})
        return self._call_typed('energy.alarm_rules.delete', p)


class EnergyAlarmMessages:
    """The ``energy.alarm_messages.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, meter_name: Optional[str] = None, meter_superior: Optional[str] = None, alarm_type: Optional[Union[AlarmType, int, str]] = None, alarm_level: Optional[Union[AlarmLevel, int, str]] = None, rule_name: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarm_messages.list`` (DELETE /api_3/alarm_message): Alarm records (6.9; documented as DELETE), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts, "Time_Start": time_start, "Time_End": time_end, "Meter_Name": meter_name, "Meter_Superior": meter_superior, "Alarm_Type": alarm_type, "Alarm_Level": alarm_level, "Rule_Name": rule_name}, legacy)
        return self._call_typed('energy.alarm_messages.list', p)

    def list_all(self, *, time_start: Optional[DateTimeLike] = None, time_end: Optional[DateTimeLike] = None, meter_name: Optional[str] = None, meter_superior: Optional[str] = None, alarm_type: Optional[Union[AlarmType, int, str]] = None, alarm_level: Optional[Union[AlarmLevel, int, str]] = None, rule_name: Optional[str] = None, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.alarm_messages.list``, page after page (``per_page`` a page)."""
        p = args.collect({"Time_Start": time_start, "Time_End": time_end, "Meter_Name": meter_name, "Meter_Superior": meter_superior, "Alarm_Type": alarm_type, "Alarm_Level": alarm_level, "Rule_Name": rule_name}, legacy)
        return self._pages('energy.alarm_messages.list', p, per_page)


class EnergyOeeRules:
    """The ``energy.oee_rules.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee_rules.list`` (GET /api_3/OEE_status_rules): List OEE rules (7.1), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return self._call_typed('energy.oee_rules.list', p)

    def list_all(self, *, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.oee_rules.list``, page after page (``per_page`` a page)."""
        p = args.collect({}, legacy)
        return self._pages('energy.oee_rules.list', p, per_page)

    def create(self, rule_name: str = args.MISSING, status_name: str = args.MISSING, meter_id: int = args.MISSING, meter_parameter: str = args.MISSING, lower_limit: float = args.MISSING, upper_limit: float = args.MISSING, meter_superior_id: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee_rules.create`` (POST /api_3/OEE_status_rules): Add an OEE rule (7.2)"""
        p = args.collect({"Rule_Name": rule_name, "Status_Name": status_name, "Meter_id": meter_id, "Meter_Parameter": meter_parameter, "LowerLimit": lower_limit, "UpperLimit": upper_limit, "Meter_Superior_id": meter_superior_id}, legacy)
        return self._call_typed('energy.oee_rules.create', p)

    def update(self, id: int = args.MISSING, rule_name: str = args.MISSING, status_name: str = args.MISSING, meter_id: int = args.MISSING, meter_parameter: str = args.MISSING, lower_limit: float = args.MISSING, upper_limit: float = args.MISSING, meter_superior_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee_rules.update`` (PUT /api_3/OEE_status_rules): Update an OEE rule (7.3)"""
        p = args.collect({"id": id, "Rule_Name": rule_name, "Status_Name": status_name, "Meter_id": meter_id, "Meter_Parameter": meter_parameter, "LowerLimit": lower_limit, "UpperLimit": upper_limit, "Meter_Superior_id": meter_superior_id}, legacy)
        return self._call_typed('energy.oee_rules.update', p)

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.oee_rules.delete`` (DELETE /api_3/OEE_status_rules): Delete an OEE rule (7.4)"""
        p = args.collect({"id": id})
        return self._call_typed('energy.oee_rules.delete', p)


class EnergyOee:
    """The ``energy.oee.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def records(self, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, meter_superior_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee.records`` (GET /api_3/OEE_statistic_records): A machine's OEE status changes, at most 24 h (7.5)"""
        p = args.collect({"Time_Start": time_start, "Time_End": time_end, "Meter_Superior_id": meter_superior_id}, legacy)
        return self._call_typed('energy.oee.records', p)

    def statistics(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, return_format: Union[ReturnFormat, int, str] = args.MISSING, meter_superior_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee.statistics`` (GET /api_3/OEE_statistic): Seconds per OEE status per year, month or day (7.6)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Return_Format": return_format, "Meter_Superior_id": meter_superior_id}, legacy)
        return self._call_typed('energy.oee.statistics', p)


class EnergyProducts:
    """The ``energy.products.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.products.list`` (GET /api_3/products): List products (8.1), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return self._call_typed('energy.products.list', p)

    def list_all(self, *, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.products.list``, page after page (``per_page`` a page)."""
        p = args.collect({}, legacy)
        return self._pages('energy.products.list', p, per_page)

    def create(self, product_name: str = args.MISSING, *, product_unit: Optional[str] = None, remarks: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.products.create`` (POST /api_3/products): Add a product (8.2)"""
        p = args.collect({"Product_Name": product_name, "Product_Unit": product_unit, "Remarks": remarks}, legacy)
        return self._call_typed('energy.products.create', p)

    def update(self, id: int = args.MISSING, product_name: str = args.MISSING, *, product_unit: Optional[str] = None, remarks: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.products.update`` (PUT /api_3/products): Update a product (8.3)"""
        p = args.collect({"id": id, "Product_Name": product_name, "Product_Unit": product_unit, "Remarks": remarks}, legacy)
        return self._call_typed('energy.products.update', p)

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.products.delete`` (DELETE /api_3/products): Delete a product (8.4)"""
        p = args.collect({"id": id})
        return self._call_typed('energy.products.delete', p)


class EnergyProductOutput:
    """The ``energy.product_output.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, production_batch: Optional[str] = None, product_name: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.product_output.list`` (GET /api_3/product_output): List product output records (8.5), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts, "Production_Batch": production_batch, "Product_Name": product_name}, legacy)
        return self._call_typed('energy.product_output.list', p)

    def list_all(self, *, production_batch: Optional[str] = None, product_name: Optional[str] = None, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.product_output.list``, page after page (``per_page`` a page)."""
        p = args.collect({"Production_Batch": production_batch, "Product_Name": product_name}, legacy)
        return self._pages('energy.product_output.list', p, per_page)

    def create(self, product_id: int = args.MISSING, total_amount: int = args.MISSING, meter_superior_id: int = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, product_batch_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.product_output.create`` (POST /api_3/product_output): Record a product output (8.6)"""
        p = args.collect({"Product_id": product_id, "Total_Amount": total_amount, "Meter_Superior_id": meter_superior_id, "Time_Start": time_start, "Time_End": time_end, "ProductBatch_id": product_batch_id}, legacy)
        return self._call_typed('energy.product_output.create', p)

    def update(self, id: int = args.MISSING, product_id: int = args.MISSING, total_amount: int = args.MISSING, meter_superior_id: int = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, product_batch_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.product_output.update`` (PUT /api_3/product_output): Update a product output record (8.7)"""
        p = args.collect({"id": id, "Product_id": product_id, "Total_Amount": total_amount, "Meter_Superior_id": meter_superior_id, "Time_Start": time_start, "Time_End": time_end, "ProductBatch_id": product_batch_id}, legacy)
        return self._call_typed('energy.product_output.update', p)

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.product_output.delete`` (DELETE /api_3/product_output): Delete a product output record (8.8)"""
        p = args.collect({"id": id})
        return self._call_typed('energy.product_output.delete', p)

    def statistics(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, summary_type: Union[SummaryType, int, str] = args.MISSING, return_format: Union[ReturnFormat, int, str] = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, product_name: Optional[str] = None, meter_superior: Optional[str] = None, is_order: Optional[Union[IsOrder, int, str]] = None, order_type: Optional[Union[OrderType, int, str]] = None, limit: Optional[int] = None, energy_type: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.product_output.statistics`` (GET /api_3/product_output_energy_statistic): Output and energy per product or machine (8.9)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Product_Name": product_name, "Meter_Superior": meter_superior, "Is_Order": is_order, "Order_Type": order_type, "Limit": limit, "Summary_Type": summary_type, "Return_Format": return_format, "Amount_Type": amount_type, "Energy_Type": energy_type}, legacy)
        return self._call_typed('energy.product_output.statistics', p)


class EnergyBatches:
    """The ``energy.batches.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.batches.list`` (GET /api_3/productsBatch): List production batches (8.10), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return self._call_typed('energy.batches.list', p)

    def list_all(self, *, per_page: int = 100, **legacy: Any) -> Iterator[Any]:
        """Every record of ``energy.batches.list``, page after page (``per_page`` a page)."""
        p = args.collect({}, legacy)
        return self._pages('energy.batches.list', p, per_page)

    def create(self, production_batch: str = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.batches.create`` (POST /api_3/productsBatch): Add a production batch (8.11)"""
        p = args.collect({"Production_Batch": production_batch, "Time_Start": time_start, "Time_End": time_end}, legacy)
        return self._call_typed('energy.batches.create', p)

    def update(self, id: int = args.MISSING, production_batch: str = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.batches.update`` (PUT /api_3/productsBatch): Update a production batch (8.12)"""
        p = args.collect({"id": id, "Production_Batch": production_batch, "Time_Start": time_start, "Time_End": time_end}, legacy)
        return self._call_typed('energy.batches.update', p)

    def delete(self, id: int) -> Dict[str, Any]:
        """``energy.batches.delete`` (DELETE /api_3/productsBatch): Delete a production batch (8.13)"""
        p = args.collect({"id": id})
        return self._call_typed('energy.batches.delete', p)

    def statistics(self, production_batch: str = args.MISSING, summary_type: Union[SummaryType, int, str] = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, product_name: Optional[str] = None, meter_superior: Optional[str] = None, is_order: Optional[Union[IsOrder, int, str]] = None, order_type: Optional[Union[OrderType, int, str]] = None, limit: Optional[int] = None, energy_type: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.batches.statistics`` (GET /api_3/productsBatch_output_energy_statistic): Output and energy per batch (8.14)"""
        p = args.collect({"Production_Batch": production_batch, "Product_Name": product_name, "Meter_Superior": meter_superior, "Is_Order": is_order, "Order_Type": order_type, "Limit": limit, "Summary_Type": summary_type, "Amount_Type": amount_type, "Energy_Type": energy_type}, legacy)
        return self._call_typed('energy.batches.statistics', p)


class EnergyMiniprogram:
    """The ``energy.miniprogram.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def bind(self, code: str = args.MISSING, encrypted_data: str = args.MISSING, iv: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.miniprogram.bind`` (POST /api_3/xcx_info_bind): Bind a WeChat mini-program user (9.1)"""
        p = args.collect({"code": code, "encryptedData": encrypted_data, "iv": iv}, legacy)
        return self._call_typed('energy.miniprogram.bind', p)


class EnergyRegions:
    """The ``energy.regions.*`` calls."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:
        return iter(self._client.call_all_pages(id, params, per_page))

    def list(self) -> Dict[str, Any]:
        """``energy.regions.list`` (GET /api_3/province_city_list): Provinces and their cities (9.2)"""
        p = args.collect({})
        return self._call_typed('energy.regions.list', p)


class _AsyncClientCalls:
    """The typed methods of the client (mixed into :class:`meslink.AsyncClient`)."""

    __slots__ = ()

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        raise NotImplementedError

    @property
    def energy(self) -> AsyncEnergy:
        """The ``energy.*`` calls."""
        return AsyncEnergy(self)

    async def ate_login(self, *, emp_no: Optional[str] = None, password: Optional[str] = None) -> LoginInfo:
        """``ate.login`` (POST /api/login/): Log in; the token stays inside the client, which renews it itself"""
        p = args.collect({"emp_no": emp_no, "password": password})
        return LoginInfo._from_json((await self._call_typed('ate.login', p)))

    async def ate_sn_detail_get(self, work_order: str) -> SnDetail:
        """``ate.sn_detail.get`` (GET /api/sn_detail/{work_order}/): Work order: SERIAL_NUMBER, FUNCTION_NAME, TARGET_QTY, SN_QTY"""
        p = args.collect({"work_order": work_order})
        return SnDetail._from_json((await self._call_typed('ate.sn_detail.get', p)))

    async def ate_sn_detail_upload(self, work_order: str, sn: str) -> None:
        """``ate.sn_detail.upload`` (POST /api/sn_detail/): Upload a serial number; the server checks it against the SN rule"""
        p = args.collect({"work_order": work_order, "sn": sn})
        await self._call_typed('ate.sn_detail.upload', p)
        return None

    async def grading_save(self, record: Optional[GradingRecord] = None, *, battery_station: Optional[str] = None, device_code: Optional[str] = None, barcode: Optional[str] = None, test_time: Optional[DateTimeLike] = None, work_step: Optional[str] = None, voltage: Optional[float] = None, electricity: Optional[float] = None, volume: Optional[float] = None, energy: Optional[float] = None) -> Dict[str, Any]:
        """``grading.save`` (POST /api/pick/volumeCollectData/save): Save one cell's grading record (newest record per barcode wins)

        The record as a :class:`GradingRecord`, or its fields as keywords (not both)."""
        p = args.record(record, GradingRecord, {"batteryStation": battery_station, "deviceCode": device_code, "barcode": barcode, "testTime": test_time, "workStep": work_step, "voltage": voltage, "electricity": electricity, "volume": volume, "energy": energy})
        return await self._call_typed('grading.save', p)

    async def trace_query(self, unique_code: str = args.MISSING, trace_type: Union[TraceType, str] = args.MISSING, *, corp_id: Optional[str] = None, user_id: Optional[str] = None, source: Optional[str] = None, **legacy: Any) -> TraceResult:
        """``trace.query`` (POST /industry/qualitytrace/tree/query): Forward or reverse quality trace of a unique code; answers a tree"""
        p = args.collect({"uniqueCode": unique_code, "traceType": trace_type, "corpId": corp_id, "userId": user_id, "source": source}, legacy)
        return TraceResult._from_json((await self._call_typed('trace.query', p)))

    async def mgm_token_get(self, *, app_key: Optional[str] = None, app_secret: Optional[str] = None) -> Dict[str, Any]:
        """``mgm.token.get`` (POST /token): get_access_token; the tokens stay inside the client, the answer is {expires_in}"""
        p = args.collect({"app_key": app_key, "app_secret": app_secret})
        return await self._call_typed('mgm.token.get', p)

    async def mgm_token_refresh(self, *, app_key: Optional[str] = None, refresh_token: Optional[str] = None) -> Dict[str, Any]:
        """``mgm.token.refresh`` (POST /token): refresh_token: extends the token before expiry, a new one after; answers {expires_in}"""
        p = args.collect({"app_key": app_key, "refresh_token": refresh_token})
        return await self._call_typed('mgm.token.refresh', p)

    async def mgm_organization(self) -> OrgNode:
        """``mgm.organization`` (POST /resource): get_organization: the factory tree (factory, area, workshop, line, machines)"""
        p = args.collect({})
        return OrgNode._from_json((await self._call_typed('mgm.organization', p)))

    async def mgm_sys_info(self, machine_list: List[Any]) -> Dict[str, SysInfo]:
        """``mgm.sys_info`` (POST /resource): get_sys_info: cnc_system, cnc_class, cnc_model of each machine"""
        p = args.collect({"machine_list": args.as_list(machine_list, "machine_list")})
        return {str(k): SysInfo._from_json(v) for k, v in (await self._call_typed('mgm.sys_info', p)).items()}


class AsyncEnergy:
    """The ``energy.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    @property
    def auth(self) -> AsyncEnergyAuth:
        """The ``energy.auth.*`` calls."""
        return AsyncEnergyAuth(self._client)

    @property
    def users(self) -> AsyncEnergyUsers:
        """The ``energy.users.*`` calls."""
        return AsyncEnergyUsers(self._client)

    @property
    def meters(self) -> AsyncEnergyMeters:
        """The ``energy.meters.*`` calls."""
        return AsyncEnergyMeters(self._client)

    @property
    def machines(self) -> AsyncEnergyMachines:
        """The ``energy.machines.*`` calls."""
        return AsyncEnergyMachines(self._client)

    @property
    def consumption(self) -> AsyncEnergyConsumption:
        """The ``energy.consumption.*`` calls."""
        return AsyncEnergyConsumption(self._client)

    @property
    def measure(self) -> AsyncEnergyMeasure:
        """The ``energy.measure.*`` calls."""
        return AsyncEnergyMeasure(self._client)

    @property
    def report(self) -> AsyncEnergyReport:
        """The ``energy.report.*`` calls."""
        return AsyncEnergyReport(self._client)

    @property
    def rate(self) -> AsyncEnergyRate:
        """The ``energy.rate.*`` calls."""
        return AsyncEnergyRate(self._client)

    @property
    def personalise(self) -> AsyncEnergyPersonalise:
        """The ``energy.personalise.*`` calls."""
        return AsyncEnergyPersonalise(self._client)

    @property
    def prp(self) -> AsyncEnergyPrp:
        """The ``energy.prp.*`` calls."""
        return AsyncEnergyPrp(self._client)

    @property
    def alarms(self) -> AsyncEnergyAlarms:
        """The ``energy.alarms.*`` calls."""
        return AsyncEnergyAlarms(self._client)

    @property
    def alarm_rules(self) -> AsyncEnergyAlarmRules:
        """The ``energy.alarm_rules.*`` calls."""
        return AsyncEnergyAlarmRules(self._client)

    @property
    def alarm_messages(self) -> AsyncEnergyAlarmMessages:
        """The ``energy.alarm_messages.*`` calls."""
        return AsyncEnergyAlarmMessages(self._client)

    @property
    def oee_rules(self) -> AsyncEnergyOeeRules:
        """The ``energy.oee_rules.*`` calls."""
        return AsyncEnergyOeeRules(self._client)

    @property
    def oee(self) -> AsyncEnergyOee:
        """The ``energy.oee.*`` calls."""
        return AsyncEnergyOee(self._client)

    @property
    def products(self) -> AsyncEnergyProducts:
        """The ``energy.products.*`` calls."""
        return AsyncEnergyProducts(self._client)

    @property
    def product_output(self) -> AsyncEnergyProductOutput:
        """The ``energy.product_output.*`` calls."""
        return AsyncEnergyProductOutput(self._client)

    @property
    def batches(self) -> AsyncEnergyBatches:
        """The ``energy.batches.*`` calls."""
        return AsyncEnergyBatches(self._client)

    @property
    def miniprogram(self) -> AsyncEnergyMiniprogram:
        """The ``energy.miniprogram.*`` calls."""
        return AsyncEnergyMiniprogram(self._client)

    @property
    def regions(self) -> AsyncEnergyRegions:
        """The ``energy.regions.*`` calls."""
        return AsyncEnergyRegions(self._client)


class AsyncEnergyAuth:
    """The ``energy.auth.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def login(self, usr_name: str = args.MISSING, usr_password: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.auth.login`` (POST /api/auth): Log in (1.1); the session cookie stays inside the client"""
        p = args.collect({"Usr_Name": usr_name, "Usr_Password": usr_password}, legacy)
        return await self._call_typed('energy.auth.login', p)

    async def logout(self) -> Dict[str, Any]:
        """``energy.auth.logout`` (DELETE /api/auth): Log out (1.2) and forget the session"""
        p = args.collect({})
        return await self._call_typed('energy.auth.logout', p)


class AsyncEnergyUsers:
    """The ``energy.users.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def register(self, usr_name: str = args.MISSING, usr_password: str = args.MISSING, usr_email: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.users.register`` (POST /api/users): Register a user (1.3)"""
        p = args.collect({"Usr_Name": usr_name, "Usr_Password": usr_password, "Usr_Email": usr_email}, legacy)
        return await self._call_typed('energy.users.register', p)

    async def update(self, id: int = args.MISSING, usr_name: str = args.MISSING, usr_email: str = args.MISSING, *, usr_phone: Optional[str] = None, xcx_title: Optional[str] = None, usr_company: Optional[str] = None, usr_province: Optional[str] = None, usr_city: Optional[str] = None, usr_detail_addr: Optional[str] = None, usr_area: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.users.update`` (PUT /api/users): Update a user's details (1.4)"""
        p = args.collect({"id": id, "Usr_Name": usr_name, "Usr_Email": usr_email, "Usr_Phone": usr_phone, "XCX_Title": xcx_title, "Usr_Company": usr_company, "Usr_Province": usr_province, "Usr_City": usr_city, "Usr_Detail_Addr": usr_detail_addr, "Usr_Area": usr_area}, legacy)
        return await self._call_typed('energy.users.update', p)

    async def get(self, *, id: Optional[int] = None, usr_name: Optional[str] = None, usr_email: Optional[str] = None, usr_phone: Optional[str] = None, xcx_title: Optional[str] = None, usr_company: Optional[str] = None, usr_province: Optional[str] = None, usr_city: Optional[str] = None, usr_detail_addr: Optional[str] = None, usr_area: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.users.get`` (GET /api/users): Get user details (1.5)"""
        p = args.collect({"id": id, "Usr_Name": usr_name, "Usr_Email": usr_email, "Usr_Phone": usr_phone, "XCX_Title": xcx_title, "Usr_Company": usr_company, "Usr_Province": usr_province, "Usr_City": usr_city, "Usr_Detail_Addr": usr_detail_addr, "Usr_Area": usr_area}, legacy)
        return await self._call_typed('energy.users.get', p)


class AsyncEnergyMeters:
    """The ``energy.meters.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def create(self, meter_name: str = args.MISSING, meter_type: str = args.MISSING, meter_superior_id: str = args.MISSING, *, meter_remarks: Optional[str] = None, meter_total_amount: Optional[str] = None, meter_is_virtual: Optional[Union[YesNo, int, str]] = None, meter_formula: Optional[str] = None, meter_is_total: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.meters.create`` (POST /api_3/meters): Add a meter (2.1); answers its id"""
        p = args.collect({"Meter_Name": meter_name, "Meter_Type": meter_type, "Meter_Superior_id": meter_superior_id, "Meter_Remarks": meter_remarks, "Meter_TotalAmount": meter_total_amount, "Meter_IsVirtual": meter_is_virtual, "Meter_Formula": meter_formula, "Meter_IsTotal": meter_is_total, "Meter_IsCount": meter_is_count, "Is_HandWork": is_hand_work}, legacy)
        return await self._call_typed('energy.meters.create', p)

    async def update(self, id: int = args.MISSING, meter_name: str = args.MISSING, meter_type: str = args.MISSING, meter_superior_id: int = args.MISSING, *, meter_remarks: Optional[str] = None, meter_total_amount: Optional[str] = None, meter_is_virtual: Optional[Union[YesNo, int, str]] = None, meter_formula: Optional[str] = None, meter_is_total: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.meters.update`` (PUT /api_3/meters): Update a meter (2.2)"""
        p = args.collect({"id": id, "Meter_Name": meter_name, "Meter_Type": meter_type, "Meter_Superior_id": meter_superior_id, "Meter_Remarks": meter_remarks, "Meter_TotalAmount": meter_total_amount, "Meter_IsVirtual": meter_is_virtual, "Meter_Formula": meter_formula, "Meter_IsTotal": meter_is_total, "Meter_IsCount": meter_is_count, "Is_HandWork": is_hand_work}, legacy)
        return await self._call_typed('energy.meters.update', p)

    async def list(self, *, id: Optional[int] = None, meter_type: Optional[str] = None, meter_superior: Optional[str] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.meters.list`` (GET /api_3/meters): List meters (2.3), paged"""
        p = args.collect({"id": id, "Meter_Type": meter_type, "Meter_Superior": meter_superior, "Is_HandWork": is_hand_work, "Per_Page_Counts": per_page_counts, "Page_Counts": page_counts, "Meter_IsCount": meter_is_count}, legacy)
        return await self._call_typed('energy.meters.list', p)

    def list_all(self, *, id: Optional[int] = None, meter_type: Optional[str] = None, meter_superior: Optional[str] = None, is_hand_work: Optional[Union[YesNo, int, str]] = None, meter_is_count: Optional[Union[YesNo, int, str]] = None, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.meters.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({"id": id, "Meter_Type": meter_type, "Meter_Superior": meter_superior, "Is_HandWork": is_hand_work, "Meter_IsCount": meter_is_count}, legacy)
        return self._pages('energy.meters.list', p, per_page)

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.meters.delete`` (DELETE /api_3/meters): Delete a meter (2.4)"""
        p = args.collect({"id": id})
        return await self._call_typed('energy.meters.delete', p)


class AsyncEnergyMachines:
    """The ``energy.machines.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, *, id: Optional[int] = None, meter_department: Optional[str] = None, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.machines.list`` (GET /api_3/metersuperiors): List machines (2.5), paged"""
        p = args.collect({"id": id, "Meter_Department": meter_department, "Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return await self._call_typed('energy.machines.list', p)

    def list_all(self, *, id: Optional[int] = None, meter_department: Optional[str] = None, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.machines.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({"id": id, "Meter_Department": meter_department}, legacy)
        return self._pages('energy.machines.list', p, per_page)

    async def create(self, meter_superior: str = args.MISSING, meter_department: str = args.MISSING, equipment_code: str = args.MISSING, equipment_unit_code: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.machines.create`` (POST /api_3/metersuperiors): Add a machine (2.6)"""
        p = args.collect({"Meter_Superior": meter_superior, "Meter_Department": meter_department, "equipmentCode": equipment_code, "equipmentUnitCode": equipment_unit_code}, legacy)
        return await self._call_typed('energy.machines.create', p)

    async def update(self, id: int = args.MISSING, meter_superior: str = args.MISSING, meter_department: str = args.MISSING, equipment_code: str = args.MISSING, equipment_unit_code: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.machines.update`` (PUT /api_3/metersuperiors): Update a machine (2.7)"""
        p = args.collect({"id": id, "Meter_Superior": meter_superior, "Meter_Department": meter_department, "equipmentCode": equipment_code, "equipmentUnitCode": equipment_unit_code}, legacy)
        return await self._call_typed('energy.machines.update', p)

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.machines.delete`` (DELETE /api_3/metersuperiors): Delete a machine (2.8)"""
        p = args.collect({"id": id})
        return await self._call_typed('energy.machines.delete', p)

    async def upload_image(self, meter_superior_id: int = args.MISSING, machine_image: Any = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.machines.upload_image`` (POST /api_3/metersuperior_image): Upload a machine's picture (2.9, multipart)"""
        p = args.collect({"Meter_Superior_id": meter_superior_id, "Machine_Image": machine_image}, legacy)
        return await self._call_typed('energy.machines.upload_image', p)


class AsyncEnergyConsumption:
    """The ``energy.consumption.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def total(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.consumption.total`` (GET /api_3/allenergy): Total consumption per meter type, meter, machine or department (3.1)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Amount_Type": amount_type, "Amount_Combination": amount_combination, "Amount_SortName": amount_sort_name, "Amount_Value": amount_value}, legacy)
        return await self._call_typed('energy.consumption.total', p)

    async def detail(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.consumption.detail`` (GET /api_3/detailenergy): Consumption per time interval (3.2)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Time_Interval": time_interval, "Amount_Type": amount_type, "Amount_Combination": amount_combination, "Amount_SortName": amount_sort_name, "Amount_Value": amount_value}, legacy)
        return await self._call_typed('energy.consumption.detail', p)

    async def detail_report(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.consumption.detail_report`` (POST /api_3/form_detailenergy): Detailed consumption for reports, with shift amounts (3.5)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Time_Interval": time_interval, "Amount_Type": amount_type, "Amount_Combination": amount_combination, "Amount_SortName": amount_sort_name, "Amount_Value": amount_value}, legacy)
        return await self._call_typed('energy.consumption.detail_report', p)


class AsyncEnergyMeasure:
    """The ``energy.measure.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def query(self, time_type: Union[TimeType, int, str] = args.MISSING, meter_name: str = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, *, time_interval: Optional[str] = None, measure_name: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.measure.query`` (GET /api_3/measure): Measuring-point values of one meter (3.3)"""
        p = args.collect({"Time_Type": time_type, "Meter_Name": meter_name, "Time_Start": time_start, "Time_End": time_end, "Time_Interval": time_interval, "Measure_Name": measure_name}, legacy)
        return await self._call_typed('energy.measure.query', p)


class AsyncEnergyReport:
    """The ``energy.report.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def generate(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, time_interval: Optional[str] = None, amount_combination: Optional[Union[AmountCombination, int, str]] = None, amount_sort_name: Optional[str] = None, amount_value: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.report.generate`` (POST /api_3/report): Generate an energy report; answers File_Name (3.4)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Time_Interval": time_interval, "Amount_Type": amount_type, "Amount_Combination": amount_combination, "Amount_SortName": amount_sort_name, "Amount_Value": amount_value}, legacy)
        return await self._call_typed('energy.report.generate', p)


class AsyncEnergyRate:
    """The ``energy.rate.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def update(self, id: int = args.MISSING, rate_name: str = args.MISSING, rate_type: str = args.MISSING, is_segmentation: Union[Segmentation, int, str] = args.MISSING, rate_unit: str = args.MISSING, *, rate_value: Optional[str] = None, seg_begin: Optional[str] = None, seg_begin_rate: Optional[str] = None, seg_end: Optional[str] = None, seg_end_rate: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.rate.update`` (PUT /api_3/rate): Update a rate (4.1)"""
        p = args.collect({"id": id, "Rate_Name": rate_name, "Rate_Type": rate_type, "Rate_Value": rate_value, "isSegmentation": is_segmentation, "Seg_Begin": seg_begin, "Seg_Begin_Rate": seg_begin_rate, "Seg_End": seg_end, "Seg_End_Rate": seg_end_rate, "Rate_Unit": rate_unit}, legacy)
        return await self._call_typed('energy.rate.update', p)

    async def get(self) -> Dict[str, Any]:
        """``energy.rate.get`` (GET /api_3/rate): The rates (4.2)"""
        p = args.collect({})
        return await self._call_typed('energy.rate.get', p)


class AsyncEnergyPersonalise:
    """The ``energy.personalise.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def get(self) -> Dict[str, Any]:
        """``energy.personalise.get`` (GET /api_3/personalise): Year, month and day boundaries (4.3)"""
        p = args.collect({})
        return await self._call_typed('energy.personalise.get', p)

    async def update(self, year_start: str = args.MISSING, year_end: str = args.MISSING, month_start: str = args.MISSING, month_end: str = args.MISSING, day_start: str = args.MISSING, day_end: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.personalise.update`` (PUT /api_3/personalise): Set the year, month and day boundaries (4.4)"""
        p = args.collect({"Year_Start": year_start, "Year_End": year_end, "Month_Start": month_start, "Month_End": month_end, "Day_Start": day_start, "Day_End": day_end}, legacy)
        return await self._call_typed('energy.personalise.update', p)


class AsyncEnergyPrp:
    """The ``energy.prp.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    @property
    def organization(self) -> AsyncEnergyPrpOrganization:
        """The ``energy.prp.organization.*`` calls."""
        return AsyncEnergyPrpOrganization(self._client)

    @property
    def version(self) -> AsyncEnergyPrpVersion:
        """The ``energy.prp.version.*`` calls."""
        return AsyncEnergyPrpVersion(self._client)

    @property
    def manual_data(self) -> AsyncEnergyPrpManualData:
        """The ``energy.prp.manual_data.*`` calls."""
        return AsyncEnergyPrpManualData(self._client)

    @property
    def uploaded_data(self) -> AsyncEnergyPrpUploadedData:
        """The ``energy.prp.uploaded_data.*`` calls."""
        return AsyncEnergyPrpUploadedData(self._client)

    async def base_infos(self) -> Dict[str, Any]:
        """``energy.prp.base_infos`` (GET /api_3/PRP_base_infos): Provincial platform base data: collect systems, usages, items (5.1)"""
        p = args.collect({})
        return await self._call_typed('energy.prp.base_infos', p)

    async def operation_result(self, operation_type: Union[OperationType, int, str] = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.operation_result`` (GET /api_3/PRP_operation_result): Result of the last provincial platform operation (5.8)"""
        p = args.collect({"Operation_Type": operation_type}, legacy)
        return await self._call_typed('energy.prp.operation_result', p)


class AsyncEnergyPrpOrganization:
    """The ``energy.prp.organization.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def upload(self, collect_item_config: List[Any] = args.MISSING, enterprise: Any = args.MISSING, group: Any = args.MISSING, *, process: Optional[List[Any]] = None, process_unit: Optional[List[Any]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.organization.upload`` (PUT /api_3/PRP_organization_infos): Upload the organisation's base information (5.2)"""
        p = args.collect({"collectItemConfig": args.as_list(collect_item_config, "collect_item_config"), "enterprise": enterprise, "group": group, "process": args.as_list(process, "process"), "processUnit": args.as_list(process_unit, "process_unit")}, legacy)
        return await self._call_typed('energy.prp.organization.upload', p)

    async def get(self) -> Dict[str, Any]:
        """``energy.prp.organization.get`` (GET /api_3/PRP_organization_infos): The organisation's base information (5.3)"""
        p = args.collect({})
        return await self._call_typed('energy.prp.organization.get', p)


class AsyncEnergyPrpVersion:
    """The ``energy.prp.version.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def get(self) -> Dict[str, Any]:
        """``energy.prp.version.get`` (GET /api_3/PRP_version): Provincial platform version information (5.4)"""
        p = args.collect({})
        return await self._call_typed('energy.prp.version.get', p)

    async def update(self, enterprise_code: str = args.MISSING, region: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.version.update`` (POST /api_3/PRP_version): Update the version data from the provincial platform (5.5)"""
        p = args.collect({"enterpriseCode": enterprise_code, "region": region}, legacy)
        return await self._call_typed('energy.prp.version.update', p)


class AsyncEnergyPrpManualData:
    """The ``energy.prp.manual_data.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def add(self, meter_id: int = args.MISSING, date_time: DateTimeLike = args.MISSING, date_type: Union[DateType, int, str] = args.MISSING, data_amount: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.manual_data.add`` (POST /api_3/PRP_manual_energy_measure_datas): Add a manually reported value (5.6)"""
        p = args.collect({"Meter_id": meter_id, "Date_Time": date_time, "Date_Type": date_type, "Data_Amount": data_amount}, legacy)
        return await self._call_typed('energy.prp.manual_data.add', p)


class AsyncEnergyPrpUploadedData:
    """The ``energy.prp.uploaded_data.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.prp.uploaded_data.list`` (GET /api_3/PRP_uploaded_energy_measure_datas): Upload records of collected data (5.7)"""
        p = args.collect({"Time_Start": time_start, "Time_End": time_end}, legacy)
        return await self._call_typed('energy.prp.uploaded_data.list', p)


class AsyncEnergyAlarms:
    """The ``energy.alarms.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarms.list`` (GET /api_3/alarm_status): List alarms (6.1), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return await self._call_typed('energy.alarms.list', p)

    def list_all(self, *, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.alarms.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({}, legacy)
        return self._pages('energy.alarms.list', p, per_page)

    async def create(self, alarm_name: str = args.MISSING, alarm_type: Union[AlarmType, int, str] = args.MISSING, alarm_level: Union[AlarmLevel, int, str] = args.MISSING, alarm_notify: Union[AlarmNotify, int, str] = args.MISSING, notify_address: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarms.create`` (POST /api_3/alarm_status): Add an alarm (6.2)"""
        p = args.collect({"Alarm_Name": alarm_name, "Alarm_Type": alarm_type, "Alarm_Level": alarm_level, "Alarm_Notify": alarm_notify, "Notify_Address": notify_address}, legacy)
        return await self._call_typed('energy.alarms.create', p)

    async def update(self, id: int = args.MISSING, alarm_name: str = args.MISSING, alarm_type: Union[AlarmType, int, str] = args.MISSING, alarm_level: Union[AlarmLevel, int, str] = args.MISSING, alarm_notify: Union[AlarmNotify, int, str] = args.MISSING, notify_address: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarms.update`` (PUT /api_3/alarm_status): Update an alarm (6.3)"""
        p = args.collect({"id": id, "Alarm_Name": alarm_name, "Alarm_Type": alarm_type, "Alarm_Level": alarm_level, "Alarm_Notify": alarm_notify, "Notify_Address": notify_address}, legacy)
        return await self._call_typed('energy.alarms.update', p)

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.alarms.delete`` (DELETE /api_3/alarm_status): Delete an alarm (6.4)"""
        p = args.collect({"id": id})
        return await self._call_typed('energy.alarms.delete', p)

    async def statistics(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, statistic_method: Union[StatisticMethod, int, str] = args.MISSING, return_format: Union[ReturnFormat, int, str] = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarms.statistics`` (GET /api_3/alarm_statistic_nums): Alarm counts per year, month or day (6.10)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Statistic_Method": statistic_method, "Return_Format": return_format}, legacy)
        return await self._call_typed('energy.alarms.statistics', p)


class AsyncEnergyAlarmRules:
    """The ``energy.alarm_rules.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, alarm_id: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarm_rules.list`` (GET /api_3/alarm_status_rules): List alarm rules (6.5), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts, "Alarm_id": alarm_id}, legacy)
        return await self._call_typed('energy.alarm_rules.list', p)

    def list_all(self, *, alarm_id: Optional[str] = None, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.alarm_rules.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({"Alarm_id": alarm_id}, legacy)
        return self._pages('energy.alarm_rules.list', p, per_page)

    async def create(self, rule_name: str = args.MISSING, alarm_id: int = args.MISSING, meter_id: int = args.MISSING, lower_limit: float = args.MISSING, upper_limit: float = args.MISSING, *, meter_parameter: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarm_rules.create`` (POST /api_3/alarm_status_rules): Add an alarm rule (6.6)"""
        p = args.collect({"Rule_Name": rule_name, "Alarm_id": alarm_id, "Meter_id": meter_id, "Meter_Parameter": meter_parameter, "LowerLimit": lower_limit, "UpperLimit": upper_limit}, legacy)
        return await self._call_typed('energy.alarm_rules.create', p)

    async def update(self, id: int = args.MISSING, rule_name: str = args.MISSING, alarm_id: int = args.MISSING, meter_id: int = args.MISSING, lower_limit: float = args.MISSING, upper_limit: float = args.MISSING, *, meter_parameter: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarm_rules.update`` (PUT /api_3/alarm_status_rules): Update an alarm rule (6.7)"""
        p = args.collect({"id": id, "Rule_Name": rule_name, "Alarm_id": alarm_id, "Meter_id": meter_id, "Meter_Parameter": meter_parameter, "LowerLimit": lower_limit, "UpperLimit": upper_limit}, legacy)
        return await self._call_typed('energy.alarm_rules.update', p)

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.alarm_rules.delete`` (DELETE /api_3/alarm_status_rules): Delete an alarm rule (6.8)"""
        p = args.collect({"id": id})
        return await self._call_typed('energy.alarm_rules.delete', p)


class AsyncEnergyAlarmMessages:
    """The ``energy.alarm_messages.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, meter_name: Optional[str] = None, meter_superior: Optional[str] = None, alarm_type: Optional[Union[AlarmType, int, str]] = None, alarm_level: Optional[Union[AlarmLevel, int, str]] = None, rule_name: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.alarm_messages.list`` (DELETE /api_3/alarm_message): Alarm records (6.9; documented as DELETE), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts, "Time_Start": time_start, "Time_End": time_end, "Meter_Name": meter_name, "Meter_Superior": meter_superior, "Alarm_Type": alarm_type, "Alarm_Level": alarm_level, "Rule_Name": rule_name}, legacy)
        return await self._call_typed('energy.alarm_messages.list', p)

    def list_all(self, *, time_start: Optional[DateTimeLike] = None, time_end: Optional[DateTimeLike] = None, meter_name: Optional[str] = None, meter_superior: Optional[str] = None, alarm_type: Optional[Union[AlarmType, int, str]] = None, alarm_level: Optional[Union[AlarmLevel, int, str]] = None, rule_name: Optional[str] = None, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.alarm_messages.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({"Time_Start": time_start, "Time_End": time_end, "Meter_Name": meter_name, "Meter_Superior": meter_superior, "Alarm_Type": alarm_type, "Alarm_Level": alarm_level, "Rule_Name": rule_name}, legacy)
        return self._pages('energy.alarm_messages.list', p, per_page)


class AsyncEnergyOeeRules:
    """The ``energy.oee_rules.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee_rules.list`` (GET /api_3/OEE_status_rules): List OEE rules (7.1), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return await self._call_typed('energy.oee_rules.list', p)

    def list_all(self, *, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.oee_rules.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({}, legacy)
        return self._pages('energy.oee_rules.list', p, per_page)

    async def create(self, rule_name: str = args.MISSING, status_name: str = args.MISSING, meter_id: int = args.MISSING, meter_parameter: str = args.MISSING, lower_limit: float = args.MISSING, upper_limit: float = args.MISSING, meter_superior_id: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee_rules.create`` (POST /api_3/OEE_status_rules): Add an OEE rule (7.2)"""
        p = args.collect({"Rule_Name": rule_name, "Status_Name": status_name, "Meter_id": meter_id, "Meter_Parameter": meter_parameter, "LowerLimit": lower_limit, "UpperLimit": upper_limit, "Meter_Superior_id": meter_superior_id}, legacy)
        return await self._call_typed('energy.oee_rules.create', p)

    async def update(self, id: int = args.MISSING, rule_name: str = args.MISSING, status_name: str = args.MISSING, meter_id: int = args.MISSING, meter_parameter: str = args.MISSING, lower_limit: float = args.MISSING, upper_limit: float = args.MISSING, meter_superior_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee_rules.update`` (PUT /api_3/OEE_status_rules): Update an OEE rule (7.3)"""
        p = args.collect({"id": id, "Rule_Name": rule_name, "Status_Name": status_name, "Meter_id": meter_id, "Meter_Parameter": meter_parameter, "LowerLimit": lower_limit, "UpperLimit": upper_limit, "Meter_Superior_id": meter_superior_id}, legacy)
        return await self._call_typed('energy.oee_rules.update', p)

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.oee_rules.delete`` (DELETE /api_3/OEE_status_rules): Delete an OEE rule (7.4)"""
        p = args.collect({"id": id})
        return await self._call_typed('energy.oee_rules.delete', p)


class AsyncEnergyOee:
    """The ``energy.oee.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def records(self, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, meter_superior_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee.records`` (GET /api_3/OEE_statistic_records): A machine's OEE status changes, at most 24 h (7.5)"""
        p = args.collect({"Time_Start": time_start, "Time_End": time_end, "Meter_Superior_id": meter_superior_id}, legacy)
        return await self._call_typed('energy.oee.records', p)

    async def statistics(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, return_format: Union[ReturnFormat, int, str] = args.MISSING, meter_superior_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.oee.statistics`` (GET /api_3/OEE_statistic): Seconds per OEE status per year, month or day (7.6)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Return_Format": return_format, "Meter_Superior_id": meter_superior_id}, legacy)
        return await self._call_typed('energy.oee.statistics', p)


class AsyncEnergyProducts:
    """The ``energy.products.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.products.list`` (GET /api_3/products): List products (8.1), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return await self._call_typed('energy.products.list', p)

    def list_all(self, *, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.products.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({}, legacy)
        return self._pages('energy.products.list', p, per_page)

    async def create(self, product_name: str = args.MISSING, *, product_unit: Optional[str] = None, remarks: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.products.create`` (POST /api_3/products): Add a product (8.2)"""
        p = args.collect({"Product_Name": product_name, "Product_Unit": product_unit, "Remarks": remarks}, legacy)
        return await self._call_typed('energy.products.create', p)

    async def update(self, id: int = args.MISSING, product_name: str = args.MISSING, *, product_unit: Optional[str] = None, remarks: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.products.update`` (PUT /api_3/products): Update a product (8.3)"""
        p = args.collect({"id": id, "Product_Name": product_name, "Product_Unit": product_unit, "Remarks": remarks}, legacy)
        return await self._call_typed('energy.products.update', p)

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.products.delete`` (DELETE /api_3/products): Delete a product (8.4)"""
        p = args.collect({"id": id})
        return await self._call_typed('energy.products.delete', p)


class AsyncEnergyProductOutput:
    """The ``energy.product_output.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, production_batch: Optional[str] = None, product_name: Optional[str] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.product_output.list`` (GET /api_3/product_output): List product output records (8.5), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts, "Production_Batch": production_batch, "Product_Name": product_name}, legacy)
        return await self._call_typed('energy.product_output.list', p)

    def list_all(self, *, production_batch: Optional[str] = None, product_name: Optional[str] = None, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.product_output.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({"Production_Batch": production_batch, "Product_Name": product_name}, legacy)
        return self._pages('energy.product_output.list', p, per_page)

    async def create(self, product_id: int = args.MISSING, total_amount: int = args.MISSING, meter_superior_id: int = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, product_batch_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.product_output.create`` (POST /api_3/product_output): Record a product output (8.6)"""
        p = args.collect({"Product_id": product_id, "Total_Amount": total_amount, "Meter_Superior_id": meter_superior_id, "Time_Start": time_start, "Time_End": time_end, "ProductBatch_id": product_batch_id}, legacy)
        return await self._call_typed('energy.product_output.create', p)

    async def update(self, id: int = args.MISSING, product_id: int = args.MISSING, total_amount: int = args.MISSING, meter_superior_id: int = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, product_batch_id: int = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.product_output.update`` (PUT /api_3/product_output): Update a product output record (8.7)"""
        p = args.collect({"id": id, "Product_id": product_id, "Total_Amount": total_amount, "Meter_Superior_id": meter_superior_id, "Time_Start": time_start, "Time_End": time_end, "ProductBatch_id": product_batch_id}, legacy)
        return await self._call_typed('energy.product_output.update', p)

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.product_output.delete`` (DELETE /api_3/product_output): Delete a product output record (8.8)"""
        p = args.collect({"id": id})
        return await self._call_typed('energy.product_output.delete', p)

    async def statistics(self, time_type: Union[TimeType, int, str] = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, summary_type: Union[SummaryType, int, str] = args.MISSING, return_format: Union[ReturnFormat, int, str] = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, product_name: Optional[str] = None, meter_superior: Optional[str] = None, is_order: Optional[Union[IsOrder, int, str]] = None, order_type: Optional[Union[OrderType, int, str]] = None, limit: Optional[int] = None, energy_type: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.product_output.statistics`` (GET /api_3/product_output_energy_statistic): Output and energy per product or machine (8.9)"""
        p = args.collect({"Time_Type": time_type, "Time_Start": time_start, "Time_End": time_end, "Product_Name": product_name, "Meter_Superior": meter_superior, "Is_Order": is_order, "Order_Type": order_type, "Limit": limit, "Summary_Type": summary_type, "Return_Format": return_format, "Amount_Type": amount_type, "Energy_Type": energy_type}, legacy)
        return await self._call_typed('energy.product_output.statistics', p)


class AsyncEnergyBatches:
    """The ``energy.batches.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self, *, per_page_counts: Optional[int] = None, page_counts: Optional[int] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.batches.list`` (GET /api_3/productsBatch): List production batches (8.10), paged"""
        p = args.collect({"Per_Page_Counts": per_page_counts, "Page_Counts": page_counts}, legacy)
        return await self._call_typed('energy.batches.list', p)

    def list_all(self, *, per_page: int = 100, **legacy: Any) -> AsyncIterator[Any]:
        """Every record of ``energy.batches.list``, page after page (``per_page`` a page); ``async for`` it."""
        p = args.collect({}, legacy)
        return self._pages('energy.batches.list', p, per_page)

    async def create(self, production_batch: str = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.batches.create`` (POST /api_3/productsBatch): Add a production batch (8.11)"""
        p = args.collect({"Production_Batch": production_batch, "Time_Start": time_start, "Time_End": time_end}, legacy)
        return await self._call_typed('energy.batches.create', p)

    async def update(self, id: int = args.MISSING, production_batch: str = args.MISSING, time_start: DateTimeLike = args.MISSING, time_end: DateTimeLike = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.batches.update`` (PUT /api_3/productsBatch): Update a production batch (8.12)"""
        p = args.collect({"id": id, "Production_Batch": production_batch, "Time_Start": time_start, "Time_End": time_end}, legacy)
        return await self._call_typed('energy.batches.update', p)

    async def delete(self, id: int) -> Dict[str, Any]:
        """``energy.batches.delete`` (DELETE /api_3/productsBatch): Delete a production batch (8.13)"""
        p = args.collect({"id": id})
        return await self._call_typed('energy.batches.delete', p)

    async def statistics(self, production_batch: str = args.MISSING, summary_type: Union[SummaryType, int, str] = args.MISSING, amount_type: Union[AmountType, int, str] = args.MISSING, *, product_name: Optional[str] = None, meter_superior: Optional[str] = None, is_order: Optional[Union[IsOrder, int, str]] = None, order_type: Optional[Union[OrderType, int, str]] = None, limit: Optional[int] = None, energy_type: Optional[Union[EnergyKind, int, str]] = None, **legacy: Any) -> Dict[str, Any]:
        """``energy.batches.statistics`` (GET /api_3/productsBatch_output_energy_statistic): Output and energy per batch (8.14)"""
        p = args.collect({"Production_Batch": production_batch, "Product_Name": product_name, "Meter_Superior": meter_superior, "Is_Order": is_order, "Order_Type": order_type, "Limit": limit, "Summary_Type": summary_type, "Amount_Type": amount_type, "Energy_Type": energy_type}, legacy)
        return await self._call_typed('energy.batches.statistics', p)


class AsyncEnergyMiniprogram:
    """The ``energy.miniprogram.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def bind(self, code: str = args.MISSING, encrypted_data: str = args.MISSING, iv: str = args.MISSING, **legacy: Any) -> Dict[str, Any]:
        """``energy.miniprogram.bind`` (POST /api_3/xcx_info_bind): Bind a WeChat mini-program user (9.1)"""
        p = args.collect({"code": code, "encryptedData": encrypted_data, "iv": iv}, legacy)
        return await self._call_typed('energy.miniprogram.bind', p)


class AsyncEnergyRegions:
    """The ``energy.regions.*`` calls (coroutines)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        self._client = client

    async def _call_typed(self, id: str, params: Dict[str, Any]) -> Any:
        return await self._client._call_typed(id, params)

    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        return self._client._pages(id, params, per_page)

    async def list(self) -> Dict[str, Any]:
        """``energy.regions.list`` (GET /api_3/province_city_list): Provinces and their cities (9.2)"""
        p = args.collect({})
        return await self._call_typed('energy.regions.list', p)
