// The energy platform from C#: the generated named methods, enums, DateTime parameters,
// the page walk and an image upload from a byte array.

using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace MesLink.Tests
{
    [TestFixture]
    public class EnergyTests
    {
        private static MesLinkClient Client() => new MesLinkClient(
            "{\"energy\":{\"base_url\":" + MesLinkJson.Quote(Sim.Url) + ",\"username\":\"admin\",\"password\":\"admin123\"}}");

        private static object Data(string answer)
        {
            var obj = MesLinkJson.ParseObject(answer);
            Assert.AreEqual("0", Convert.ToString(obj["Err_No"]), answer);
            return obj["Data"];
        }

        private static long NewMachine(MesLinkClient c, string name)
        {
            var d = (Dictionary<string, object>)Data(c.Energy.Machines.Create(name, "西车间", "03", "0003"));
            return Convert.ToInt64(d["id"]);
        }

        [Test]
        public void NamedMethodsRoundTrip()
        {
            using (var c = Client())
            {
                long machine = NewMachine(c, "测试机-cs");
                var created = (Dictionary<string, object>)Data(c.Energy.Meters.Create("电表-cs", "0", machine.ToString()));
                long meter = Convert.ToInt64(created["id"]);
                var rows = (List<object>)Data(c.Energy.Meters.List(id: meter));
                Assert.AreEqual("电表-cs", ((Dictionary<string, object>)rows[0])["Meter_Name"]);
                c.Energy.Meters.Delete(meter);
                var e = Assert.Throws<MesLinkBusinessException>(() => c.Energy.Meters.Delete(meter));
                Assert.AreEqual("4002", e.ServerCode);
                Assert.AreEqual("无数据", e.ServerMessage);
            }
        }

        [Test]
        public void PageWalkReturnsEveryRecordOnce()
        {
            using (var c = Client())
            {
                for (int i = 0; i < 5; i++) NewMachine(c, "机-cs-" + i);
                var first = MesLinkJson.ParseObject(c.Energy.Machines.List(perPageCounts: 1000));
                long total = Convert.ToInt64(first["Total_Numbers"]);
                Assert.That(total, Is.GreaterThanOrEqualTo(5));
                foreach (int perPage in new[] { 1, 3, 1000 })
                {
                    var rows = c.Energy.Machines.ListAll(perPage: perPage).Cast<Dictionary<string, object>>().ToList();
                    Assert.AreEqual(total, rows.Count, "perPage " + perPage);
                    Assert.AreEqual(total, rows.Select(r => Convert.ToInt64(r["id"])).Distinct().Count());
                }
            }
        }

        [Test]
        public void EnumsAndDateTimes()
        {
            Assert.AreEqual(3, (int)TimeType.Day);
            using (var c = Client())
            {
                DateTime end = DateTime.Now;
                string answer = c.Energy.Consumption.Total(TimeType.Day, end.AddDays(-2), end, AmountType.ByMeterType);
                Data(answer);
            }
        }

        [Test]
        public void UploadImageFromBytes()
        {
            using (var c = Client())
            {
                long machine = NewMachine(c, "拍照机-cs");
                byte[] png = new byte[10000];
                new Random(7).NextBytes(png);
                c.Energy.Machines.UploadImage(machine, png);
                var energy = (Dictionary<string, object>)Sim.State()["energy"];
                var sizes = (Dictionary<string, object>)energy["image_sizes"];
                Assert.AreEqual(png.Length, Convert.ToInt64(sizes[machine.ToString()]));
            }
        }
    }
}
