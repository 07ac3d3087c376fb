using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using MesLink.Native;
using NUnit.Framework;

namespace MesLink.Tests
{
    /// <summary>Buffers, threads, Dispose races and token expiry.</summary>
    [TestFixture]
    public class ConcurrencyTests
    {
        [SetUp]
        public void ResetSimulatorFaults() => Sim.ResetFaults();

        [TearDown]
        public void RestoreBufferSize() => NativeText.ResetAnswerBufferSize();

        /// <summary>A work order whose answer is far larger than the 4 KB first buffer.</summary>
        private static string AddBigWorkOrder(out string functionName)
        {
            string wo = "BIG" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var sb = new StringBuilder();
            while (sb.Length < 100000) sb.Append("分容-\"quoted\"-\\-\U0001F600-");
            functionName = sb.ToString();
            Sim.Post("/_sim/work_orders",
                "{\"work_order\":" + MesLinkJson.Quote(wo) + ",\"function_name\":" + MesLinkJson.Quote(functionName) +
                ",\"serial_number\":\"BZZ000\",\"rule_regex\":\"^BZZ\\\\d{3}$\",\"target_qty\":5,\"sn_qty\":1}");
            return wo;
        }

        [Test]
        public void BigAnswerIsFetchedWithoutASecondRequest()
        {
            string fn;
            string wo = AddBigWorkOrder(out fn);
            using (var mes = Sim.Client())
            {
                mes.AteLogin();
                long before = Sim.Requests("ate.sn_detail.get");
                SnDetail big = mes.AteSnDetailGet(wo);
                Assert.That(Sim.Requests("ate.sn_detail.get"), Is.EqualTo(before + 1), "one network call");
                Assert.That(big.FunctionName, Is.EqualTo(fn));
                Assert.That(big.TargetQty, Is.EqualTo(5));
                Assert.That(Encoding.UTF8.GetByteCount(big.Raw), Is.GreaterThan(4096));

                // Nothing is left kept on this thread.
                unsafe
                {
                    uint len;
                    Assert.That(NativeMethods.meslink_answer_fetch(null, 0, &len), Is.EqualTo(NativeMethods.MESLINK_E_INVALID_ARGUMENT));
                }
            }
        }

        [Test]
        public void TinyFirstBufferGivesTheSameAnswers()
        {
            using (var mes = Sim.Client())
            {
                LoginInfo who = mes.AteLogin();
                SnDetail normal = mes.AteSnDetailGet(Sim.WorkOrder);
                string generic = mes.Call("ate.sn_detail.get", "{\"work_order\":\"1037020031\"}");

                foreach (int size in new[] { 1, 2, 16 })
                {
                    NativeText.AnswerBufferSize = size;
                    long before = Sim.Requests("ate.sn_detail.get");
                    SnDetail tiny = mes.AteSnDetailGet(Sim.WorkOrder);
                    Assert.That(Sim.Requests("ate.sn_detail.get"), Is.EqualTo(before + 1), "never repeats the network call");
                    Assert.That(tiny.Raw, Is.EqualTo(normal.Raw));
                    Assert.That(tiny.FunctionName, Is.EqualTo(normal.FunctionName));
                    Assert.That(mes.Call("ate.sn_detail.get", "{\"work_order\":\"1037020031\"}"), Is.EqualTo(generic));
                    Assert.That(mes.AteLogin().Raw, Is.EqualTo(who.Raw));

                    // Failures are unaffected by the buffer size.
                    var e = Assert.Throws<MesLinkBusinessException>(() => mes.AteSnDetailGet("0000000000"));
                    Assert.That(e.ServerMessage, Is.EqualTo("未找到。"));
                }
            }
        }

        [Test]
        public void DisposeWhileAnotherThreadCalls()
        {
            var mes = Sim.Client();
            mes.AteLogin();
            int id = mes.Handle.Id;
            Sim.Faults("{\"latency_ms\":1500}");

            SnDetail result = null;
            Exception error = null;
            var started = new ManualResetEvent(false);
            var caller = new Thread(() =>
            {
                try
                {
                    started.Set();
                    result = mes.AteSnDetailGet(Sim.WorkOrder);
                }
                catch (Exception e)
                {
                    error = e;
                }
            });
            caller.Start();
            started.WaitOne();
            Thread.Sleep(200); // the call is now waiting on the slow server

            var watch = Stopwatch.StartNew();
            mes.Dispose();
            Assert.That(watch.ElapsedMilliseconds, Is.LessThan(1000), "Dispose does not wait for the call");
            Assert.That(mes.IsDisposed, Is.True);
            Assert.Throws<ObjectDisposedException>(() => mes.AteSnDetailGet(Sim.WorkOrder));

            Assert.That(caller.Join(TimeSpan.FromSeconds(20)), Is.True);
            Assert.That(error, Is.Null, "the call in flight finishes normally: " + error);
            Assert.That(result, Is.Not.Null);
            Assert.That(result.FunctionName, Is.EqualTo("HWR650RUSN"));

            // The native client was closed once the call returned.
            Assert.That(NativeMethods.meslink_client_close(id), Is.EqualTo(NativeMethods.MESLINK_E_INVALID_HANDLE));
        }

        [Test]
        public void DisposeRacesManyCallers()
        {
            for (int round = 0; round < 5; round++)
            {
                var mes = Sim.Client();
                mes.AteLogin();
                var unexpected = new List<Exception>();
                var threads = new List<Thread>();
                for (int t = 0; t < 4; t++)
                {
                    var th = new Thread(() =>
                    {
                        for (int i = 0; i < 20; i++)
                        {
                            try { mes.AteSnDetailGet(Sim.WorkOrder); }
                            catch (ObjectDisposedException) { return; }
                            catch (Exception e) { lock (unexpected) unexpected.Add(e); return; }
                        }
                    });
                    threads.Add(th);
                    th.Start();
                }
                Thread.Sleep(10 * round);
                mes.Dispose();
                foreach (var th in threads) Assert.That(th.Join(TimeSpan.FromSeconds(30)), Is.True);
                Assert.That(unexpected, Is.Empty);
            }
        }

        [Test]
        public void EightThreadsAtOnce()
        {
            const int threads = 8, rounds = 5;
            using (var mes = Sim.Client())
            {
                long loginsBefore = Sim.LoginCount();
                var errors = new List<Exception>();
                var uploaded = new List<string>();
                var go = new ManualResetEvent(false);
                var workers = new List<Thread>();
                for (int t = 0; t < threads; t++)
                {
                    int me = t;
                    var th = new Thread(() =>
                    {
                        go.WaitOne();
                        try
                        {
                            for (int i = 0; i < rounds; i++)
                            {
                                Assert.That(mes.AteSnDetailGet(Sim.WorkOrder).FunctionName, Is.EqualTo("HWR650RUSN"));
                                string sn = Sim.NextGoodSn();
                                mes.AteSnDetailUpload(Sim.WorkOrder, sn);
                                lock (uploaded) uploaded.Add(sn);

                                // Errors are per thread: each sees its own.
                                var e = Assert.Throws<MesLinkBusinessException>(() => mes.AteSnDetailUpload(Sim.WorkOrder, "NG-" + me));
                                Assert.That(e.ServerMessage, Is.EqualTo("SN RULER CHECK NG!FIX"));
                                var nf = Assert.Throws<MesLinkBusinessException>(() => mes.AteSnDetailGet("404-" + me));
                                Assert.That(nf.ServerMessage, Is.EqualTo("未找到。"));

                                mes.GradingSave(new GradingRecord
                                {
                                    BatteryStation = "ST" + me, DeviceCode = "FR", Barcode = "MT-" + me + "-" + i,
                                    TestTime = DateTime.Now, WorkStep = "分容", Voltage = 3.2 + me / 100.0,
                                });
                            }
                        }
                        catch (Exception e)
                        {
                            lock (errors) errors.Add(e);
                        }
                    });
                    workers.Add(th);
                    th.Start();
                }
                go.Set();
                foreach (var th in workers) Assert.That(th.Join(TimeSpan.FromSeconds(120)), Is.True);
                Assert.That(errors, Is.Empty, errors.Count > 0 ? errors[0].ToString() : "");

                Assert.That(Sim.LoginCount() - loginsBefore, Is.EqualTo(1), "one login however many threads ask");
                var recorded = new HashSet<string>();
                foreach (var u in Sim.Uploads()) recorded.Add(u.Value);
                foreach (string sn in uploaded) Assert.That(recorded.Contains(sn), sn);
                Assert.That(uploaded.Count, Is.EqualTo(threads * rounds));
            }
        }

        [Test]
        public void TokenExpiryIsHandledTransparently()
        {
            using (var mes = Sim.Client())
            {
                mes.AteSnDetailGet(Sim.WorkOrder);
                long logins = Sim.LoginCount();
                Sim.ExpireTokens();
                Assert.That(mes.AteSnDetailGet(Sim.WorkOrder).FunctionName, Is.EqualTo("HWR650RUSN"));
                mes.AteSnDetailUpload(Sim.WorkOrder, Sim.NextGoodSn());
                Assert.That(Sim.LoginCount() - logins, Is.EqualTo(1), "exactly one fresh login");
            }
        }
    }
}
