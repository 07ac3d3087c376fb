using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MesLink.Native;
using NUnit.Framework;

namespace MesLink.Tests
{
    [TestFixture]
    public class ClientTests
    {
        [SetUp]
        public void ResetSimulatorFaults() => Sim.ResetFaults();

        [Test]
        public void VersionAndStatusNames()
        {
            StringAssert.IsMatch(@"^\d+\.\d+\.\d+", MesLinkClient.NativeVersion);
            Assert.That(MesLinkClient.StatusString((int)MesLinkStatus.InvalidHandle), Is.EqualTo("invalid handle"));
            Assert.That(MesLinkClient.StatusString(12345), Is.EqualTo("unknown status"));
            Assert.That((int)MesLinkStatus.Business, Is.EqualTo(NativeMethods.MESLINK_E_BUSINESS));
            Assert.That((int)MesLinkStatus.Internal, Is.EqualTo(NativeMethods.MESLINK_E_INTERNAL));
            Assert.That((int)MesLinkStatus.ClosedWhileWaiting, Is.EqualTo(NativeMethods.MESLINK_E_CLOSED));
        }

        [Test]
        public void Login()
        {
            using (var mes = Sim.Client())
            {
                LoginInfo who = mes.AteLogin();
                Assert.That(who.EmpNo, Is.EqualTo(Sim.User));
                Assert.That(who.EmpName, Is.EqualTo("ate"));
                Assert.That(who.Company, Is.EqualTo("6300"));
                Assert.That(who.Account, Is.False);
                StringAssert.DoesNotContain("token", who.Raw, "the token stays inside the library");
            }
        }

        [Test]
        public void ReadsAWorkOrder()
        {
            using (var mes = Sim.Client())
            {
                SnDetail wo = mes.AteSnDetailGet(Sim.WorkOrder);
                Assert.That(wo.FunctionName, Is.EqualTo("HWR650RUSN"));
                StringAssert.IsMatch(@"^B[A-Z]J614KM9\d{5}Z$", wo.SerialNumber);
                Assert.That(wo.TargetQty, Is.EqualTo(928));
                Assert.That(wo.SnQty, Is.GreaterThanOrEqualTo(928));
                Assert.That(MesLinkJson.ParseObject(wo.Raw)["FUNCTION_NAME"], Is.EqualTo("HWR650RUSN"));
            }
        }

        [Test]
        public void UploadsASerialNumber()
        {
            string sn = Sim.NextGoodSn();
            using (var mes = Sim.Client())
            {
                long before = mes.AteSnDetailGet(Sim.WorkOrder).SnQty;
                mes.AteSnDetailUpload(Sim.WorkOrder, sn);
                Assert.That(mes.AteSnDetailGet(Sim.WorkOrder).SnQty, Is.EqualTo(before + 1));
            }
            CollectionAssert.Contains(Sim.Uploads(), new KeyValuePair<string, string>(Sim.WorkOrder, sn));
        }

        [Test]
        public void RuleCheckFailureIsABusinessError()
        {
            using (var mes = Sim.Client())
            {
                var e = Assert.Throws<MesLinkBusinessException>(() => mes.AteSnDetailUpload(Sim.WorkOrder, Sim.BadSn));
                Assert.That(e.ServerMessage, Is.EqualTo("SN RULER CHECK NG!FIX"));
                Assert.That(e.Status, Is.EqualTo(NativeMethods.MESLINK_E_BUSINESS));
                Assert.That(e.StatusCode, Is.EqualTo(MesLinkStatus.Business));
                Assert.That(e.Kind, Is.EqualTo("business"));
                Assert.That(e.CallId, Is.EqualTo("ate.sn_detail.upload"));
                StringAssert.Contains("SN RULER CHECK NG!FIX", e.Message);
            }
            CollectionAssert.DoesNotContain(Sim.Uploads(), new KeyValuePair<string, string>(Sim.WorkOrder, Sim.BadSn));
        }

        [Test]
        public void UnknownWorkOrderIsNotFound()
        {
            using (var mes = Sim.Client())
            {
                var e = Assert.Throws<MesLinkBusinessException>(() => mes.AteSnDetailGet("9999999999"));
                Assert.That(e.ServerMessage, Is.EqualTo("未找到。"));
                Assert.That(e.HttpStatus, Is.EqualTo(404));
                Assert.That(e.CallId, Is.EqualTo("ate.sn_detail.get"));
                StringAssert.Contains("未找到。", e.Message);
            }
        }

        [Test]
        public void ProcessDefaultGb18030DoesNotReachTheClient()
        {
            // What LabVIEW on Chinese Windows does in a shared TestStand process.
            Assert.That(NativeMethods.meslink_encoding_set(1), Is.EqualTo(NativeMethods.MESLINK_OK));
            try
            {
                string barcode = "CELL-GB-" + Guid.NewGuid().ToString("N").Substring(0, 8).ToUpperInvariant();
                using (var mes = Sim.Client())
                {
                    var e = Assert.Throws<MesLinkBusinessException>(() => mes.AteSnDetailGet("工单001"));
                    Assert.That(e.ServerMessage, Is.EqualTo("未找到。"));
                    StringAssert.Contains("未找到。", e.Message);

                    string answer = mes.GradingSave(new GradingRecord
                    {
                        BatteryStation = "工位9", DeviceCode = "FR-07", Barcode = barcode,
                        TestTime = new DateTime(2024, 6, 3, 7, 8, 9, DateTimeKind.Local), WorkStep = "分容",
                    });
                    Assert.That(MesLinkJson.ParseObject(answer)["msg"], Is.EqualTo("保存成功"));
                }
                var record = Sim.GradingRecord(barcode);
                Assert.That(record, Is.Not.Null);
                Assert.That(record["batteryStation"], Is.EqualTo("工位9"));
                Assert.That(record["workStep"], Is.EqualTo("分容"));
            }
            finally
            {
                NativeMethods.meslink_encoding_set(0);
            }
        }

        [Test]
        public void BadPasswordIsAnAuthErrorWithoutThePassword()
        {
            const string secret = "Wr0ng-Secret-7781";
            using (var mes = Sim.Client(password: secret))
            {
                var e = Assert.Throws<MesLinkAuthException>(() => mes.AteLogin());
                StringAssert.Contains("无法使用提供的认证信息登录。", e.ServerMessage);
                Assert.That(e.Kind, Is.EqualTo("auth"));
                StringAssert.DoesNotContain(secret, e.ToString());
                StringAssert.DoesNotContain(secret, e.Message);
                StringAssert.DoesNotContain(secret, e.ServerMessage);

                // Any other call logs in by itself and fails the same way.
                var e2 = Assert.Throws<MesLinkAuthException>(() => mes.AteSnDetailGet(Sim.WorkOrder));
                StringAssert.DoesNotContain(secret, e2.ToString());
                // ... as the call made, the implicit login as its cause.
                Assert.That(e2.CallId, Is.EqualTo("ate.sn_detail.get"));
                StringAssert.StartsWith("ate.sn_detail.get: the implicit ate.login failed: ", e2.Message);
                Assert.That(e2.ServerMessage, Is.EqualTo(e.ServerMessage));
                Assert.That(e2.Cause, Is.InstanceOf<MesLinkAuthException>());
                Assert.That(e2.Cause.CallId, Is.EqualTo("ate.login"));
            }
        }

        [Test]
        public void SavesAGradingRecordWithADateTime()
        {
            string barcode = "0AVCC26111121G95L" + Guid.NewGuid().ToString("N").Substring(0, 7).ToUpperInvariant();
            using (var mes = Sim.Client())
            {
                string answer = mes.GradingSave(new GradingRecord
                {
                    BatteryStation = "ST01",
                    DeviceCode = "FR-07",
                    Barcode = barcode,
                    TestTime = new DateTime(2024, 6, 3, 7, 8, 9, 765, DateTimeKind.Local),
                    WorkStep = "分容",
                    Voltage = 3.29,
                    Energy = 12.5,
                });
                var a = MesLinkJson.ParseObject(answer);
                Assert.That(a["state"], Is.EqualTo(1L));
            }
            var record = Sim.GradingRecord(barcode);
            Assert.That(record, Is.Not.Null);
            Assert.That(record["testTime"], Is.EqualTo("2024-06-03 07:08:09"));
            Assert.That(record["workStep"], Is.EqualTo("分容"));
            Assert.That(record["voltage"], Is.EqualTo(3.29));
            Assert.That(record.ContainsKey("volume"), Is.False, "unset optional numbers are left out");
        }

        [Test]
        public void UtcTestTimeIsSentAsLocalTime()
        {
            string barcode = "UTC" + Guid.NewGuid().ToString("N").Substring(0, 10).ToUpperInvariant();
            var utc = new DateTime(2024, 1, 31, 23, 30, 0, DateTimeKind.Utc);
            using (var mes = Sim.Client())
            {
                mes.GradingSave(new GradingRecord
                {
                    BatteryStation = "ST01", DeviceCode = "FR-07", Barcode = barcode, TestTime = utc, WorkStep = "3",
                });
            }
            Assert.That(Sim.GradingRecord(barcode)["testTime"],
                Is.EqualTo(utc.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        }

        [Test]
        public void TestTimeIsFormattedWithTheInvariantCulture()
        {
            var saved = System.Threading.Thread.CurrentThread.CurrentCulture;
            try
            {
                // A culture with another calendar and separators must not leak into the wire format.
                System.Threading.Thread.CurrentThread.CurrentCulture = new CultureInfo("ar-SA");
                // The one date-time rule: the C# layer sends ISO 8601 with the value's offset.
                var record = new GradingRecord { TestTime = new DateTimeOffset(2024, 6, 3, 16, 0, 0, TimeSpan.FromHours(8)) };
                StringAssert.Contains("\"testTime\":\"2024-06-03T16:00:00+08:00\"", record.ToJson());
                // A DateTime of kind Unspecified has no offset: it travels without one (the
                // server's own time), as a naive Python datetime does.
                record.TestTime = new DateTime(2024, 6, 3, 16, 0, 0, DateTimeKind.Unspecified);
                StringAssert.Contains("\"testTime\":\"2024-06-03T16:00:00\"", record.ToJson());
                record.TestTime = new DateTime(2024, 6, 3, 8, 0, 0, DateTimeKind.Utc);
                StringAssert.Contains("\"testTime\":\"2024-06-03T08:00:00+00:00\"", record.ToJson());
            }
            finally
            {
                System.Threading.Thread.CurrentThread.CurrentCulture = saved;
            }
        }

        [Test]
        public void AnOffsetTravelsAndTheCoreConvertsToLocalTime()
        {
            // A non-UTC offset (+08:00): the core, not the C# layer, converts it to the
            // station's zone (the same rule as Python's; the server's own zone is issue #13's).
            var when = new DateTimeOffset(2024, 6, 3, 16, 0, 0, TimeSpan.FromHours(8));
            string barcode = "CS-TZ-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            using (var mes = Sim.Client())
            {
                mes.GradingSave(new GradingRecord
                {
                    BatteryStation = "ST01", DeviceCode = "FR-07", Barcode = barcode, TestTime = when, WorkStep = "3",
                });
            }
            Assert.That(Sim.GradingRecord(barcode)["testTime"],
                Is.EqualTo(when.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        }

        [Test]
        public void MissingFieldIsAnInvalidArgument()
        {
            using (var mes = Sim.Client())
            {
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.GradingSave(new GradingRecord
                {
                    BatteryStation = "ST01", DeviceCode = "FR-07", TestTime = DateTime.Now, WorkStep = "3",
                }));
                StringAssert.Contains("barcode", e.Message);
                Assert.That(e.Status, Is.EqualTo(NativeMethods.MESLINK_E_INVALID_ARGUMENT));
                Assert.That(e.Kind, Is.EqualTo("invalid_argument"));

                var e2 = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.GradingSave(new GradingRecord
                {
                    BatteryStation = "ST01", DeviceCode = "FR-07", Barcode = "X1", WorkStep = "3",
                }));
                StringAssert.Contains("testTime", e2.Message);

                var e3 = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.Call("ate.sn_detail.upload", "{\"work_order\":\"1037020031\"}"));
                StringAssert.Contains("sn", e3.Message);
                Assert.Throws<ArgumentNullException>(() => mes.GradingSave(null));
                Assert.Throws<ArgumentNullException>(() => mes.AteSnDetailGet(null));
            }
        }

        [Test]
        public void GenericCall()
        {
            using (var mes = Sim.Client())
            {
                var wo = MesLinkJson.ParseObject(mes.Call("ate.sn_detail.get", "{\"work_order\":\"1037020031\"}"));
                Assert.That(wo["FUNCTION_NAME"], Is.EqualTo("HWR650RUSN"));
                var wo2 = MesLinkJson.ParseObject(mes.Call("ate.sn_detail.get", new Dictionary<string, object> { { "work_order", Sim.WorkOrder } }));
                Assert.That(wo2["TARGET_QTY"], Is.EqualTo(928L));

                string barcode = "GEN" + Guid.NewGuid().ToString("N").Substring(0, 10);
                mes.Call("grading.save", new Dictionary<string, object>
                {
                    { "batteryStation", "ST02" }, { "deviceCode", "FR-08" }, { "barcode", barcode },
                    { "testTime", 1717401600 }, { "workStep", "分容" }, { "voltage", 3.3 },
                });
                Assert.That(Sim.GradingRecord(barcode)["testTime"], Is.EqualTo(
                    new DateTime(2024, 6, 3, 8, 0, 0, DateTimeKind.Utc).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));

                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.Call("ate.nope", "{}"));
                StringAssert.Contains("ate.sn_detail.get", e.Message, "the message lists the implemented calls");
                Assert.Throws<MesLinkInvalidArgumentException>(() => mes.Call("ate.sn_detail.get", "{not json"));
            }
        }

#if !NET5_0_OR_GREATER
        [Test]
        public void ExceptionsSurviveSerialization()
        {
            // .NET Framework hosts (TestStand) may carry exceptions across AppDomains.
            MesLinkBusinessException original;
            using (var mes = Sim.Client())
            {
                original = Assert.Throws<MesLinkBusinessException>(() => mes.AteSnDetailGet("9999999999"));
            }
            var formatter = new System.Runtime.Serialization.Formatters.Binary.BinaryFormatter();
            using (var stream = new System.IO.MemoryStream())
            {
                formatter.Serialize(stream, original);
                stream.Position = 0;
                var copy = (MesLinkBusinessException)formatter.Deserialize(stream);
                Assert.That(copy.Message, Is.EqualTo(original.Message));
                Assert.That(copy.Status, Is.EqualTo(original.Status));
                Assert.That(copy.Kind, Is.EqualTo("business"));
                Assert.That(copy.ServerMessage, Is.EqualTo("未找到。"));
                Assert.That(copy.HttpStatus, Is.EqualTo(404));
                Assert.That(copy.CallId, Is.EqualTo("ate.sn_detail.get"));
                Assert.That(copy.ServerCode, Is.Null);
            }
        }
#endif

        [Test]
        public void BadConfiguration()
        {
            Assert.Throws<ArgumentNullException>(() => new MesLinkClient(null));
            var e = Assert.Throws<MesLinkInvalidArgumentException>(() => new MesLinkClient("{\"ate\":{\"base_url\":\"x\"}"));
            Assert.That(e.Kind, Is.EqualTo("invalid_argument"));
            var e2 = Assert.Throws<MesLinkInvalidArgumentException>(() => new MesLinkClient("{\"timeout_msec\":5}"));
            StringAssert.Contains("timeout_msec", e2.Message, "unknown keys are named");
            Assert.Throws<MesLinkInvalidArgumentException>(() => new MesLinkClient("{\"ate\":{\"base_url\":\"not a url\",\"emp_no\":\"a\",\"password\":\"b\"}}"));
        }

        [Test]
        public void StringsTheAbiCannotCarry()
        {
            using (var mes = Sim.Client())
            {
                Assert.Throws<MesLinkInvalidArgumentException>(() => mes.AteSnDetailGet("1037020031\0junk"));
                // Through the generic call the NUL travels as \u0000 and the core refuses it,
                // as it does for C, Python and the CLI: nothing is sent.
                var nul = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.Call("ate.sn_detail.upload",
                    new Dictionary<string, object> { { "work_order", Sim.WorkOrder }, { "sn", "BAJ614\0KM901584Z" } }));
                StringAssert.Contains("NUL character", nul.Message);
                Assert.Throws<MesLinkEncodingException>(() => mes.AteSnDetailGet("1037\ud800"));
                // Still usable afterwards.
                Assert.That(mes.AteSnDetailGet(Sim.WorkOrder).FunctionName, Is.EqualTo("HWR650RUSN"));
            }
        }

        [Test]
        public void UseAfterDisposeThrowsObjectDisposed()
        {
            var mes = Sim.Client();
            mes.AteSnDetailGet(Sim.WorkOrder);
            int id = mes.Handle.Id;
            mes.Dispose();
            Assert.That(mes.IsDisposed, Is.True);
            Assert.Throws<ObjectDisposedException>(() => mes.AteLogin());
            Assert.Throws<ObjectDisposedException>(() => mes.AteSnDetailGet(Sim.WorkOrder));
            Assert.Throws<ObjectDisposedException>(() => mes.AteSnDetailUpload(Sim.WorkOrder, Sim.GoodSn));
            Assert.Throws<ObjectDisposedException>(() => mes.Call("ate.sn_detail.get", "{\"work_order\":\"1\"}"));
            Assert.Throws<ObjectDisposedException>(() => mes.GradingSave(new GradingRecord()));
            mes.Dispose(); // twice is fine
            Assert.That(NativeMethods.meslink_client_close(id), Is.EqualTo(NativeMethods.MESLINK_E_INVALID_HANDLE),
                "the native client was closed");
        }

        [Test]
        public void TransientFailuresAreRetried()
        {
            using (var mes = Sim.Client())
            {
                mes.AteLogin();
                Sim.Faults("{\"fail_next_503\":2}");
                Assert.That(mes.AteSnDetailGet(Sim.WorkOrder).FunctionName, Is.EqualTo("HWR650RUSN"));
            }
        }

        [Test]
        public void PersistentHttpErrorIsAnHttpException()
        {
            using (var mes = Sim.Client(maxAttempts: 2))
            {
                mes.AteLogin();
                Sim.Faults("{\"fail_next_503\":5}");
                var e = Assert.Throws<MesLinkHttpException>(() => mes.AteSnDetailGet(Sim.WorkOrder));
                Assert.That(e.HttpStatus, Is.EqualTo(503));
            }
        }

        [Test]
        public void GarbageAnswerIsAProtocolError()
        {
            using (var mes = Sim.Client())
            {
                mes.AteLogin();
                Sim.Faults("{\"garbage_next\":1}");
                var e = Assert.Throws<MesLinkProtocolException>(() => mes.AteSnDetailUpload(Sim.WorkOrder, Sim.NextGoodSn()));
                Assert.That(e.Kind, Is.EqualTo("protocol"));
            }
        }

        [Test]
        public void SlowServerIsATimeout()
        {
            using (var mes = Sim.Client(extra: "\"timeout_ms\":300", maxAttempts: 1))
            {
                mes.AteLogin();
                Sim.Faults("{\"latency_ms\":1500}");
                Assert.Throws<MesLinkTimeoutException>(() => mes.AteSnDetailGet(Sim.WorkOrder));
            }
        }

        [Test]
        public void UnreachableServerIsATransportError()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            string config = "{\"ate\":{\"base_url\":\"http://127.0.0.1:" + port + "\",\"emp_no\":\"ate\",\"password\":\"x\"}," +
                            "\"retry\":{\"max_attempts\":2,\"initial_backoff_ms\":10,\"max_backoff_ms\":20}}";
            using (var mes = new MesLinkClient(config))
            {
                var e = Assert.Throws<MesLinkTransportException>(() => mes.AteSnDetailGet(Sim.WorkOrder));
                Assert.That(e.Kind, Is.EqualTo("transport"));
            }
        }

        [Test]
        public void MissingServerSectionIsAnInvalidArgument()
        {
            string config = "{\"ate\":{\"base_url\":" + MesLinkJson.Quote(Sim.Url) + ",\"emp_no\":\"ate\",\"password\":\"Windows123.\"}}";
            using (var mes = new MesLinkClient(config))
            {
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.GradingSave(new GradingRecord
                {
                    BatteryStation = "ST01", DeviceCode = "FR-07", Barcode = "X", TestTime = DateTime.Now, WorkStep = "3",
                }));
                StringAssert.Contains("grading", e.Message);
            }
        }
    }
}
