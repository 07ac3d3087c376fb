using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace MesLink.Tests
{
    /// <summary>
    /// The generated <c>…Async</c> methods against the simulator: typed answers, many calls in
    /// flight without a thread each, a cancelled token aborting the request (the simulator never
    /// answers it), CancelAll for async and blocking calls, errors in the task.
    /// </summary>
    [TestFixture]
    public class AsyncTests
    {
        private const string Route = "ate.sn_detail.get";

        [SetUp]
        public void ResetSimulatorFaults() => Sim.ResetFaults();

        private static long Counter(string section)
        {
            var counts = (Dictionary<string, object>)Sim.State()[section];
            return counts.TryGetValue(Route, out object n) ? (long)n : 0L;
        }

        [Test]
        public void TypedAsyncAnswersItsModel()
        {
            using (var mes = Sim.Client())
            {
                SnDetail detail = mes.AteSnDetailGetAsync(Sim.WorkOrder).Result;
                Assert.That(detail.SerialNumber, Is.Not.Empty);
                string raw = mes.CallAsync(Route, "{\"work_order\":\"" + Sim.WorkOrder + "\"}").Result;
                StringAssert.Contains(detail.SerialNumber, raw);
                mes.AteSnDetailUploadAsync(Sim.WorkOrder, Sim.NextGoodSn()).Wait();
            }
        }

        [Test]
        public void TwoHundredCallsInFlightNeedNoThreadEach()
        {
            using (var mes = Sim.Client())
            {
                mes.AteSnDetailGet(Sim.WorkOrder);
                long before = Sim.Requests(Route);
                int threads = Process.GetCurrentProcess().Threads.Count;
                var tasks = Enumerable.Range(0, 200).Select(_ => mes.AteSnDetailGetAsync(Sim.WorkOrder)).ToArray();
                Assert.That(Task.WaitAll(tasks, 60000), Is.True);
                Assert.That(tasks.Select(t => t.Result.SerialNumber).Distinct().Count(), Is.EqualTo(1));
                Assert.That(Sim.Requests(Route) - before, Is.EqualTo(200L));
                // The completion reader is one thread for the process, not one per call.
                Assert.That(Process.GetCurrentProcess().Threads.Count, Is.LessThan(threads + 20));
            }
        }

        [Test]
        public void CancellingTheTokenAbortsTheRequest()
        {
            using (var mes = Sim.Client())
            using (var cts = new CancellationTokenSource())
            {
                mes.AteSnDetailGet(Sim.WorkOrder);
                Sim.Faults("{\"latency_ms\":1500}");
                long answered = Counter("answered"), abandoned = Counter("abandoned");
                var task = mes.AteSnDetailGetAsync(Sim.WorkOrder, cts.Token);
                Thread.Sleep(200);
                var watch = Stopwatch.StartNew();
                cts.Cancel();
                var e = Assert.Throws<AggregateException>(() => task.Wait(5000));
                Assert.That(e.InnerException, Is.InstanceOf<TaskCanceledException>());
                Assert.That(task.IsCanceled, Is.True);
                Assert.That(watch.ElapsedMilliseconds, Is.LessThan(1000));
                Thread.Sleep(1700);
                Assert.That(Counter("abandoned"), Is.EqualTo(abandoned + 1));
                Assert.That(Counter("answered"), Is.EqualTo(answered));
                Sim.Faults("{\"latency_ms\":0}");
                Assert.That(mes.AteSnDetailGetAsync(Sim.WorkOrder).Result.SerialNumber, Is.Not.Empty);
                // A token cancelled before the call starts nothing.
                Assert.That(mes.AteSnDetailGetAsync(Sim.WorkOrder, cts.Token).IsCanceled, Is.True);
            }
        }

        [Test]
        public void CancelAllEndsAsyncAndBlockingCalls()
        {
            using (var mes = Sim.Client())
            {
                mes.AteSnDetailGet(Sim.WorkOrder);
                Sim.Faults("{\"latency_ms\":2000}");
                Exception blocking = null;
                var thread = new Thread(() =>
                {
                    try { mes.AteSnDetailGet(Sim.WorkOrder); }
                    catch (Exception e) { blocking = e; }
                });
                thread.Start();
                var task = mes.AteSnDetailGetAsync(Sim.WorkOrder);
                Thread.Sleep(200);
                mes.CancelAll();
                var e2 = Assert.Throws<AggregateException>(() => task.Wait(5000));
                Assert.That(e2.InnerException, Is.InstanceOf<MesLinkCancelledException>());
                Assert.That(((MesLinkCancelledException)e2.InnerException).CallId, Is.EqualTo(Route));
                Assert.That(thread.Join(5000), Is.True);
                Assert.That(blocking, Is.InstanceOf<MesLinkCancelledException>());
                Sim.Faults("{\"latency_ms\":0}");
                Assert.That(mes.AteSnDetailGetAsync(Sim.WorkOrder).Result.SerialNumber, Is.Not.Empty);
            }
        }

        [Test]
        public void ErrorsFaultTheTaskAndBadInputThrowsAtOnce()
        {
            using (var mes = Sim.Client())
            {
                var e = Assert.Throws<AggregateException>(() => mes.AteSnDetailUploadAsync(Sim.WorkOrder, Sim.BadSn).Wait());
                Assert.That(e.InnerException, Is.InstanceOf<MesLinkBusinessException>());
                Assert.Throws<MesLinkInvalidArgumentException>(() => mes.CallAsync("ate.nope", "{}"));
                Assert.Throws<ArgumentNullException>(() => mes.AteSnDetailGetAsync(null));
            }
            using (var bad = Sim.Client(password: "wrong"))
            {
                var e = Assert.Throws<AggregateException>(() => bad.AteSnDetailGetAsync(Sim.WorkOrder).Wait());
                Assert.That(e.InnerException, Is.InstanceOf<MesLinkAuthException>());
                Assert.That(((MesLinkException)e.InnerException).CallId, Is.EqualTo(Route));
            }
        }

        [Test]
        public async Task AwaitWorksFromAnAsyncMethod()
        {
            using (var mes = Sim.Client())
            {
                var first = await mes.AteSnDetailGetAsync(Sim.WorkOrder);
                var both = await Task.WhenAll(mes.AteSnDetailGetAsync(Sim.WorkOrder), mes.AteSnDetailGetAsync(Sim.WorkOrder));
                Assert.That(both[0].SerialNumber, Is.EqualTo(first.SerialNumber));
            }
        }
    }
}
