using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace MesLink.Tests
{
    /// <summary>
    /// The server's time zone from C#: a grading section with "time_zone" "+08:00" (or
    /// "Asia/Shanghai") receives China time whatever this machine's zone is: a
    /// DateTimeOffset, a UTC DateTime and Unix seconds are converted to it; an Unspecified
    /// DateTime given to the generic call is taken as already in it.
    /// </summary>
    [TestFixture]
    public class TimeZoneTests
    {
        private static string Config(string zone) =>
            "{\"grading\":{\"base_url\":" + MesLinkJson.Quote(Sim.Url) + ",\"datasource\":\"MES01\",\"time_zone\":"
            + MesLinkJson.Quote(zone) + "}}";

        private static void Save(MesLinkClient mes, string barcode, object testTime)
        {
            mes.Call("grading.save", new Dictionary<string, object>
            {
                ["batteryStation"] = "ST01", ["deviceCode"] = "FR-07", ["barcode"] = barcode,
                ["testTime"] = testTime, ["workStep"] = "W1",
            });
        }

        [TestCase("+08:00")]
        [TestCase("Asia/Shanghai")]
        public void DatesReachTheServerInItsZone(string zone)
        {
            string tag = "TZ" + Guid.NewGuid().ToString("N").Substring(0, 8).ToUpperInvariant();
            using (var mes = new MesLinkClient(Config(zone)))
            {
                mes.GradingSave(new GradingRecord
                {
                    BatteryStation = "ST01", DeviceCode = "FR-07", Barcode = tag + "-TYPED", WorkStep = "W1",
                    TestTime = new DateTimeOffset(2024, 6, 3, 16, 0, 0, TimeSpan.FromHours(8)),
                });
                Save(mes, tag + "-UTC", new DateTime(2024, 6, 3, 8, 0, 0, DateTimeKind.Utc));
                Save(mes, tag + "-NAIVE", new DateTime(2024, 6, 3, 16, 0, 0, DateTimeKind.Unspecified));
                Save(mes, tag + "-UNIX", 1717401600L);
            }
            foreach (var suffix in new[] { "-TYPED", "-UTC", "-NAIVE", "-UNIX" })
                Assert.That(Sim.GradingRecord(tag + suffix)["testTime"], Is.EqualTo("2024-06-03 16:00:00"), suffix);
        }

        [Test]
        public void AnUnknownZoneIsRefused()
        {
            var e = Assert.Throws<MesLinkInvalidArgumentException>(() => new MesLinkClient(Config("China")).Dispose());
            StringAssert.Contains("IANA", e.Message);
        }
    }
}
