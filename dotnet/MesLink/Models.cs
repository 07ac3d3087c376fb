using System;
using System.Collections.Generic;
using System.Globalization;

namespace MesLink
{
    /// <summary>What <c>ate.login</c> says of the user (the token stays inside the library).</summary>
    public sealed class LoginInfo
    {
        /// <summary>员工编号 (the server's key is <c>epm_no</c>).</summary>
        public string EmpNo { get; set; }
        /// <summary>员工姓名</summary>
        public string EmpName { get; set; }
        /// <summary>公司别</summary>
        public string Company { get; set; }
        public bool Account { get; set; }
        /// <summary>The server's JSON answer, token removed.</summary>
        public string Raw { get; set; }

        internal static LoginInfo FromJson(string json)
        {
            var o = MesLinkJson.ParseObject(json);
            return new LoginInfo
            {
                EmpNo = MesLinkJson.GetString(o, "epm_no") ?? MesLinkJson.GetString(o, "emp_no"),
                EmpName = MesLinkJson.GetString(o, "emp_name"),
                Company = MesLinkJson.GetString(o, "company"),
                Account = MesLinkJson.GetBool(o, "account"),
                Raw = json,
            };
        }

        public override string ToString() => EmpNo + " (" + EmpName + ", company " + Company + ")";
    }

    /// <summary>A work order (<c>GET /api/sn_detail/{work_order}/</c>).</summary>
    public sealed class SnDetail
    {
        /// <summary>SERIAL_NUMBER: the greatest SN produced so far.</summary>
        public string SerialNumber { get; set; }
        /// <summary>FUNCTION_NAME: the name of the SN rule (生产 SN 的规则名称).</summary>
        public string FunctionName { get; set; }
        /// <summary>TARGET_QTY: 工单目标生产数量.</summary>
        public long TargetQty { get; set; }
        /// <summary>SN_QTY: 工单目前生产数量.</summary>
        public long SnQty { get; set; }
        /// <summary>The server's JSON answer, with any field the document does not list.</summary>
        public string Raw { get; set; }

        internal static SnDetail FromJson(string json)
        {
            var o = MesLinkJson.ParseObject(json);
            return new SnDetail
            {
                SerialNumber = MesLinkJson.GetString(o, "SERIAL_NUMBER"),
                FunctionName = MesLinkJson.GetString(o, "FUNCTION_NAME"),
                TargetQty = MesLinkJson.GetInt64(o, "TARGET_QTY"),
                SnQty = MesLinkJson.GetInt64(o, "SN_QTY"),
                Raw = json,
            };
        }

        public override string ToString() =>
            FunctionName + ": " + SerialNumber + " (" + SnQty + "/" + TargetQty + ")";
    }

    /// <summary>
    /// One cell's grading record (分容数据) for <c>grading.save</c>. BatteryStation,
    /// DeviceCode, Barcode, TestTime and WorkStep are required: a null one (or a
    /// <see cref="TestTime"/> left at <c>default(DateTime)</c>) is left out of the request,
    /// and the library refuses it with <see cref="MesLinkInvalidArgumentException"/> naming
    /// the field, before anything is sent.
    /// </summary>
    public sealed class GradingRecord
    {
        /// <summary>The wire format of <see cref="TestTime"/>.</summary>
        public const string TestTimeFormat = "yyyy-MM-dd HH:mm:ss";

        /// <summary>batteryStation, 电池工位 (required).</summary>
        public string BatteryStation { get; set; }
        /// <summary>deviceCode, 设备编码 (required).</summary>
        public string DeviceCode { get; set; }
        /// <summary>barcode, 电芯条码 (required). The MES keeps only the newest record per barcode.</summary>
        public string Barcode { get; set; }
        /// <summary>
        /// testTime, 测试时间 (required), sent as <c>yyyy-MM-dd HH:mm:ss</c> plant local time:
        /// a <see cref="DateTimeKind.Utc"/> value is converted to local time first, a Local or
        /// Unspecified one is sent as it reads. Fractions of a second are dropped.
        /// </summary>
        public DateTime TestTime { get; set; }
        /// <summary>workStep, 工步 (required).</summary>
        public string WorkStep { get; set; }
        /// <summary>voltage, 电压.</summary>
        public double? Voltage { get; set; }
        /// <summary>electricity, 电流.</summary>
        public double? Electricity { get; set; }
        /// <summary>volume, 容量.</summary>
        public double? Volume { get; set; }
        /// <summary>energy, 能量.</summary>
        public double? Energy { get; set; }

        /// <summary><paramref name="t"/> in the wire format (see <see cref="TestTime"/>).</summary>
        public static string FormatTestTime(DateTime t)
        {
            if (t.Kind == DateTimeKind.Utc) t = t.ToLocalTime();
            return t.ToString(TestTimeFormat, CultureInfo.InvariantCulture);
        }

        /// <summary>The record as the JSON object <c>meslink_grading_save</c> takes.</summary>
        public string ToJson()
        {
            var o = new List<KeyValuePair<string, object>>();
            Add(o, "batteryStation", BatteryStation);
            Add(o, "deviceCode", DeviceCode);
            Add(o, "barcode", Barcode);
            if (TestTime != default(DateTime)) Add(o, "testTime", FormatTestTime(TestTime));
            Add(o, "workStep", WorkStep);
            Add(o, "voltage", Voltage);
            Add(o, "electricity", Electricity);
            Add(o, "volume", Volume);
            Add(o, "energy", Energy);
            return MesLinkJson.Serialize(o);
        }

        private static void Add(List<KeyValuePair<string, object>> o, string key, object value)
        {
            if (value != null) o.Add(new KeyValuePair<string, object>(key, value));
        }
    }
}
