using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using MesLink.Native;
using NUnit.Framework;

namespace MesLink.Tests
{
    [TestFixture]
    public class LogTests
    {
        [SetUp]
        public void ResetSimulatorFaults() => Sim.ResetFaults();

        [TearDown]
        public void Off() => MesLinkLog.Level = MesLinkLogLevel.Off;

        private static List<MesLinkLogRecord> WaitFor(List<MesLinkLogRecord> seen, Func<List<MesLinkLogRecord>, bool> done)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                lock (seen)
                {
                    if (done(seen)) return seen.ToList();
                }
                Thread.Sleep(20);
            }
            lock (seen) return seen.ToList();
        }

        [Test]
        public void RetryAndReloginRecordsReachTheEventAndTheTraceSource()
        {
            var seen = new List<MesLinkLogRecord>();
            var traced = new List<string>();
            var listener = new Listener(traced);
            MesLinkLog.Source.Listeners.Add(listener);
            EventHandler<MesLinkLogEventArgs> keep = (s, e) => { lock (seen) seen.Add(e.Record); };
            MesLinkLog.Received += keep;
            try
            {
                using (var mes = Sim.Client())
                {
                    mes.AteSnDetailGet(Sim.WorkOrder);
                    // A LabVIEW step of the same process polls meslink_log_next meanwhile.
                    Assert.That(NativeMethods.meslink_log_set_level(NativeMethods.MESLINK_LOG_INFO), Is.EqualTo(0));
                    MesLinkLog.Level = MesLinkLogLevel.Info;
                    Sim.Faults("{\"fail_next_503\":1}");
                    Sim.ExpireTokens();
                    mes.AteSnDetailGet(Sim.WorkOrder);
                    var records = WaitFor(seen, r =>
                        r.Any(x => x.Message.StartsWith("retrying")) && r.Any(x => x.Message.Contains("logging in again")));
                    var retry = records.FirstOrDefault(x => x.Message.StartsWith("retrying"));
                    Assert.That(retry, Is.Not.Null, string.Join("\n", records));
                    Assert.That(records.Any(x => x.Message.Contains("logging in again")), string.Join("\n", records));
                    Assert.That(retry.Level, Is.EqualTo(MesLinkLogLevel.Info));
                    Assert.That(retry.Target, Is.EqualTo("meslink.ate"));
                    Assert.That(retry.CallId, Is.EqualTo("ate.sn_detail.get"));
                    Assert.That(retry.Client, Is.Not.Null);
                    Assert.That(retry.Time, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
                    Assert.That(records.All(x => x.Level <= MesLinkLogLevel.Info), string.Join("\n", records));
                    foreach (var r in records)
                    {
                        StringAssert.DoesNotContain(Sim.Password, r.Json);
                        StringAssert.DoesNotContain("eyJ", r.Json);
                    }
                    // ... and it got the records too: MesLinkLog reads a queue of its own.
                    Assert.That(PollNative().Any(j => j.Contains("retrying")), Is.True);
                }
                // Traced after the event, on the same reader thread.
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (DateTime.UtcNow < deadline) { lock (traced) if (traced.Any(t => t.Contains("retrying"))) break; Thread.Sleep(20); }
                lock (traced) Assert.That(traced.Any(t => t.StartsWith("Information ") && t.Contains("retrying")), "traced: " + string.Join("\n", traced));
            }
            finally
            {
                MesLinkLog.Received -= keep;
                MesLinkLog.Source.Listeners.Remove(listener);
            }
        }

        [Test]
        public void AHandlerThatThrowsOrCallsMesLinkBreaksNothing()
        {
            var seen = new List<MesLinkLogRecord>();
            var failures = new List<Exception>();
            using (var mes = Sim.Client())
            {
                int calls = 0;
                EventHandler<MesLinkLogEventArgs> nasty = (s, e) =>
                {
                    lock (seen) seen.Add(e.Record);
                    if (Interlocked.Increment(ref calls) == 1) mes.AteSnDetailGet(Sim.WorkOrder);
                    throw new InvalidOperationException("a broken handler");
                };
                UnhandledExceptionEventHandler failed = (s, e) => { lock (failures) failures.Add((Exception)e.ExceptionObject); };
                MesLinkLog.Received += nasty;
                MesLinkLog.HandlerFailed += failed;
                try
                {
                    MesLinkLog.Level = MesLinkLogLevel.Debug;
                    mes.AteSnDetailGet(Sim.WorkOrder);
                    // The handler's own call logs too: its records come after.
                    var records = WaitFor(seen, r => r.Count(x => x.CallId == "ate.sn_detail.get") >= 2);
                    Assert.That(records.Count(x => x.CallId == "ate.sn_detail.get"), Is.GreaterThanOrEqualTo(2));
                    lock (failures) Assert.That(failures.OfType<InvalidOperationException>().Any(), Is.True);
                    Assert.That(mes.AteSnDetailGet(Sim.WorkOrder), Is.Not.Null);
                }
                finally
                {
                    MesLinkLog.Received -= nasty;
                    MesLinkLog.HandlerFailed -= failed;
                }
            }
            Assert.That(MesLinkLog.Dropped, Is.GreaterThanOrEqualTo(0));
        }

        private static unsafe List<string> PollNative()
        {
            var found = new List<string>();
            var buf = new byte[8192];
            uint len = 0;
            fixed (byte* p = buf)
            {
                while (NativeMethods.meslink_log_next(100, p, (uint)buf.Length, &len) == NativeMethods.MESLINK_OK)
                    found.Add(System.Text.Encoding.UTF8.GetString(buf, 0, (int)len));
            }
            NativeMethods.meslink_log_set_level(NativeMethods.MESLINK_LOG_OFF);
            return found;
        }

        private sealed class Listener : TraceListener
        {
            private readonly List<string> _lines;
            public Listener(List<string> lines) { _lines = lines; }
            public override void Write(string message) { }
            public override void WriteLine(string message) { lock (_lines) _lines.Add(message); }
            public override void TraceEvent(TraceEventCache cache, string source, TraceEventType type, int id, string message)
            {
                lock (_lines) _lines.Add(type + " " + message);
            }
        }
    }
}
