using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using NUnit.Framework;

namespace MesLink.Tests
{
    /// <summary>trace.query (seed 002) against the simulator's signed gateway.</summary>
    [TestFixture]
    public class TraceTests
    {
        private const string Secret = "meslink-trace-secret";

        private static MesLinkClient TraceClient(string secret = Secret)
        {
            string trace = "\"trace\":{\"base_url\":" + MesLinkJson.Quote(Sim.Url) +
                           ",\"app_key\":\"meslink-trace\",\"app_secret\":" + MesLinkJson.Quote(secret) +
                           ",\"source\":\"SAAS\"}";
            return Sim.Client(extra: trace);
        }

        private static string SaveCell(MesLinkClient mes, string barcode, string step)
        {
            return mes.GradingSave(new GradingRecord
            {
                BatteryStation = "S1",
                DeviceCode = "FR-07",
                Barcode = barcode,
                TestTime = new System.DateTime(2024, 5, 6, 7, 8, 9),
                WorkStep = step,
                Voltage = 3.3,
            });
        }

        /// <summary>
        /// POSTs to the simulator's control API on a fresh connection: Mono's keep-alive pool
        /// can hand out a connection the server has already closed ("Error writing headers").
        /// </summary>
        private static void Control(string path, string json)
        {
            var req = (HttpWebRequest)WebRequest.Create(Sim.Url + path);
            req.Method = "POST";
            req.Proxy = null;
            req.KeepAlive = false;
            req.Timeout = 10000;
            req.ContentType = "application/json";
            byte[] body = Encoding.UTF8.GetBytes(json);
            req.ContentLength = body.Length;
            using (var s = req.GetRequestStream()) s.Write(body, 0, body.Length);
            using (var resp = (HttpWebResponse)req.GetResponse())
            using (var r = new StreamReader(resp.GetResponseStream(), Encoding.UTF8))
            {
                r.ReadToEnd();
            }
        }

        [SetUp]
        public void ResetSimulatorFaults() => Control("/_sim/reset_faults", "{}");

        [Test]
        public void ForwardAndReverseTreesOfAnUploadedSerialNumber()
        {
            string sn = Sim.NextGoodSn();
            string cell = "CELL-" + sn;
            using (var mes = TraceClient())
            {
                mes.AteSnDetailUpload(Sim.WorkOrder, sn);
                SaveCell(mes, sn, "EOL");
                SaveCell(mes, cell, "分容");
                Control("/_sim/trace/bind", "{\"sn\":" + MesLinkJson.Quote(sn) + ",\"material\":" + MesLinkJson.Quote(cell) + "}");

                TraceResult fwd = mes.TraceQuery(sn, TraceType.Forward);
                Assert.That(fwd.Code, Is.EqualTo(200));
                Assert.That(fwd.TreeList.Count, Is.EqualTo(1));
                TraceNode root = fwd.TreeList[0];
                Assert.That(root.Kind, Is.EqualTo("ProductionReport"));
                Assert.That(root.UniqueCode, Is.EqualTo(sn));
                Assert.That(root.From, Is.Null);
                Assert.That(root.Id, Is.Null);
                Assert.That(root.Children.Select(n => n.Kind + " " + n.UniqueCode).ToArray(), Is.EqualTo(new[]
                {
                    "ProductionReport " + Sim.WorkOrder,
                    "QualityControl " + sn,
                    "MaterialConsumption " + cell,
                }));
                TraceNode consumed = root.Children[2];
                Assert.That(consumed.From, Is.EqualTo("DestUniqueCode"));
                Assert.That(consumed.Id, Is.Not.Null);
                Assert.That(consumed.Children[0].StepCode, Is.EqualTo("分容"));
                Assert.That(MesLinkJson.ParseObject(consumed.Children[0].Raw)["deviceCode"], Is.EqualTo("FR-07"));
                Assert.That(fwd.Nodes().Count(), Is.EqualTo(5));
                var raw = MesLinkJson.ParseObject(fwd.DataRaw);
                var first = (Dictionary<string, object>)((List<object>)raw["treeList"])[0];
                Assert.That(first["uniqueCode"], Is.EqualTo(sn));

                TraceResult rev = mes.TraceQuery(cell, TraceType.Reverse);
                Assert.That(rev.TreeList[0].Kind, Is.EqualTo("MaterialConsumption"));
                Assert.That(rev.TreeList[0].Children.Select(n => n.UniqueCode).ToArray(), Is.EqualTo(new[] { sn }));
                Assert.That(rev.TreeList[0].Children[0].Children[0].UniqueCode, Is.EqualTo(Sim.WorkOrder));

                Assert.That(mes.TraceQuery("NOTHING-" + sn, TraceType.Forward).TreeList, Is.Empty);
            }
        }

        [Test]
        public void GenericCallReturnsTheParsedTreeAndTheRawString()
        {
            string sn = Sim.NextGoodSn();
            using (var mes = TraceClient())
            {
                mes.AteSnDetailUpload(Sim.WorkOrder, sn);
                string json = mes.Call("trace.query", "{\"uniqueCode\":" + MesLinkJson.Quote(sn) + ",\"traceType\":\"forward\",\"corpId\":\"c1\"}");
                var answer = MesLinkJson.ParseObject(json);
                Assert.That(answer["code"], Is.EqualTo(200L));
                var data = (Dictionary<string, object>)answer["data"];
                var root = (Dictionary<string, object>)((List<object>)data["treeList"])[0];
                var child = (Dictionary<string, object>)((List<object>)root["trees"])[0];
                Assert.That(child["uniqueCode"], Is.EqualTo(Sim.WorkOrder));
                Assert.That(answer["data_raw"], Is.InstanceOf<string>());
            }
        }

        [Test]
        public void AWrongSecretIsAnAuthErrorQuotingTheGateway()
        {
            using (var mes = TraceClient("not-the-secret"))
            {
                var e = Assert.Throws<MesLinkAuthException>(() => mes.TraceQuery("ANY", TraceType.Forward));
                Assert.That(e.HttpStatus, Is.EqualTo(400));
                Assert.That(e.ServerCode, Is.EqualTo("A400IS"));
                StringAssert.StartsWith("Invalid Signature, Server StringToSign:`POST#application/json#", e.ServerMessage);
                StringAssert.Contains(e.ServerMessage, e.Message);
                StringAssert.DoesNotContain("not-the-secret", e.ToString());
            }
        }

        [Test]
        public void AnUndefinedTraceTypeIsRefusedBeforeSending()
        {
            using (var mes = TraceClient())
            {
                Assert.Throws<System.ArgumentOutOfRangeException>(() => mes.TraceQuery("X", (TraceType)7));
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.Call("trace.query", "{\"uniqueCode\":\"X\",\"traceType\":\"sideways\"}"));
                StringAssert.Contains("forward", e.Message);
            }
        }

        [TestCase(20003, typeof(MesLinkHttpException))]
        [TestCase(20004, typeof(MesLinkHttpException))]
        [TestCase(20055, typeof(MesLinkInvalidArgumentException))]
        [TestCase(20056, typeof(MesLinkTimeoutException))]
        [TestCase(401, typeof(MesLinkAuthException))]
        [TestCase(403, typeof(MesLinkAuthException))]
        [TestCase(500, typeof(MesLinkHttpException))]
        public void AnswerCodesAreTypedExceptions(int code, System.Type expected)
        {
            Control("/_sim/trace/fail", "{\"code\":" + code + ",\"message\":\"canned " + code + "\"}");
            using (var mes = TraceClient())
            {
                var e = Assert.Catch<MesLinkException>(() => mes.TraceQuery("X", TraceType.Forward));
                Assert.That(e, Is.InstanceOf(expected));
                Assert.That(e.ServerCode, Is.EqualTo(code.ToString()));
                Assert.That(e.ServerMessage, Is.EqualTo("canned " + code));
                Assert.That(e.CallId, Is.EqualTo("trace.query"));
            }
        }
    }
}
