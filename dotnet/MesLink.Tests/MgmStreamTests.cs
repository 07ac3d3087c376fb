using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NUnit.Framework;

namespace MesLink.Tests
{
    /// <summary>The simulator's machine-tool platform: a client for it and its knobs.</summary>
    internal static class MgmSim
    {
        public static readonly string[] Machines = { "8wCxAAAAAAABAAA=", "8wCxAAAAAAAAABg=", "GADIAAAAAgABAAA=" };

        public static MesLinkClient Client()
        {
            return Sim.Client(extra: "\"mgm\":{\"base_url\":" + MesLinkJson.Quote(Sim.Url + "/v1") +
                ",\"app_key\":\"meslink-app\",\"app_secret\":\"meslink-secret\"}");
        }

        public static void Tokens(string json) => Sim.Post("/_sim/mgm/tokens", json);
        public static void Transfer(string json) => Sim.Post("/_sim/mgm/transfer", json);

        public static Dictionary<string, object> State(string part)
        {
            return (Dictionary<string, object>)((Dictionary<string, object>)Sim.State()["mgm"])[part];
        }

        /// <summary>MESLINK_SOAK_SECONDS, default 60.</summary>
        public static int SoakSeconds
        {
            get
            {
                int s;
                return int.TryParse(Environment.GetEnvironmentVariable("MESLINK_SOAK_SECONDS"), out s) && s > 0 ? s : 60;
            }
        }
    }

    [TestFixture]
    public class MgmStreamTests
    {
        private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

        [TestCase(null)]
        [TestCase("raw")]
        public void EventsFromSeveralMachinesByPolling(string transport)
        {
            using (var mes = MgmSim.Client())
            using (var stream = mes.OpenMgmStream(new MgmStreamOptions { Transport = transport }, MgmSim.Machines))
            {
                var status = new Dictionary<string, MgmStatusEvent>();
                var deadline = DateTime.UtcNow.AddSeconds(30);
                int events = 0;
                while (status.Count < MgmSim.Machines.Length && DateTime.UtcNow < deadline)
                {
                    MgmEvent e = stream.Next(TimeSpan.FromSeconds(1));
                    if (e == null) continue;
                    events++;
                    var machine = e as MgmMachineEvent;
                    if (machine != null)
                    {
                        CollectionAssert.Contains(MgmSim.Machines, machine.MachineId);
                        Assert.That(machine.Fields.Count, Is.GreaterThan(0), e.RawJson);
                    }
                    var s = e as MgmStatusEvent;
                    if (s != null)
                    {
                        Assert.That(s.Kind, Is.EqualTo(MgmEventKind.Status));
                        Assert.That(s.Status, Is.Not.Null, s.RawJson);
                        Assert.That(s.StatusTime, Is.Not.Empty);
                        Assert.That(s.Fields["machine_id"], Is.EqualTo(s.MachineId));
                        status[s.MachineId] = s;
                    }
                }
                CollectionAssert.AreEquivalent(MgmSim.Machines, status.Keys, "a status from every machine");
                var stats = stream.Stats;
                Assert.That(stats.Delivered, Is.GreaterThanOrEqualTo(events));
                Assert.That(stats.Dropped, Is.EqualTo(0));
            }
        }

        [Test]
        public void EventReceivedIsRaisedOnTheReaderThread()
        {
            using (var mes = MgmSim.Client())
            using (var stream = mes.OpenMgmStream(MgmSim.Machines[0], MgmSim.Machines[1]))
            {
                var got = new List<MgmEvent>();
                var enough = new ManualResetEventSlim();
                int callerThread = Thread.CurrentThread.ManagedThreadId;
                int wrongThread = 0;
                EventHandler<MgmEventArgs> handler = (s, e) =>
                {
                    if (Thread.CurrentThread.ManagedThreadId == callerThread) Interlocked.Increment(ref wrongThread);
                    lock (got)
                    {
                        got.Add(e.Event);
                        if (got.OfType<MgmMachineEvent>().Select(m => m.MachineId).Distinct().Count() == 2) enough.Set();
                    }
                };
                stream.EventReceived += handler;
                Assert.That(enough.Wait(TimeSpan.FromSeconds(30)), Is.True, "events from both machines");
                Assert.That(wrongThread, Is.EqualTo(0));
                // While handlers are attached, pulling is refused.
                Assert.Throws<InvalidOperationException>(() => stream.Next(TimeSpan.Zero));
                stream.EventReceived -= handler;
                // Without handlers, pulling works again and no event was lost in between.
                Assert.That(stream.Next(Long), Is.Not.Null);
                // A throwing handler is reported, and the reader goes on.
                var failures = new List<object>();
                var twice = new CountdownEvent(2);
                stream.HandlerFailed += (s, e) => { lock (failures) failures.Add(e.ExceptionObject); if (twice.CurrentCount > 0) twice.Signal(); };
                stream.EventReceived += (s, e) => { throw new ApplicationException("handler bug"); };
                Assert.That(twice.Wait(TimeSpan.FromSeconds(30)), Is.True);
                Assert.That(failures[0], Is.InstanceOf<ApplicationException>());
            }
        }

        [Test]
        public void MisuseIsRefused()
        {
            using (var mes = MgmSim.Client())
            {
                Assert.Throws<MesLinkInvalidArgumentException>(() => mes.OpenMgmStream(new MgmStreamOptions { Transport = "carrier-pigeon" }));
                Assert.Throws<MesLinkInvalidArgumentException>(() => mes.OpenMgmStream(new MgmStreamOptions { QueueCapacity = 0 }));
                Assert.Throws<MesLinkInvalidArgumentException>(() => mes.OpenMgmStream(""));
                Assert.Throws<ArgumentNullException>(() => mes.OpenMgmStream((string)null));
                var stream = mes.OpenMgmStream();
                Assert.That(stream.Next(TimeSpan.Zero), Is.Null);
                Assert.That(stream.Next(TimeSpan.FromMilliseconds(50)), Is.Null, "nothing subscribed, nothing comes");
                Assert.Throws<ArgumentOutOfRangeException>(() => stream.Next(TimeSpan.FromSeconds(-1)));
                stream.Dispose();
                stream.Dispose();
                Assert.That(stream.IsDisposed, Is.True);
                Assert.Throws<ObjectDisposedException>(() => stream.Next(TimeSpan.Zero));
                Assert.Throws<ObjectDisposedException>(() => stream.Subscribe(MgmSim.Machines[0]));
                Assert.Throws<ObjectDisposedException>(() => { var s = stream.Stats; });
            }
            using (var ate = Sim.Client())
            {
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => ate.OpenMgmStream(MgmSim.Machines));
                StringAssert.Contains("mgm", e.Message);
            }
        }

        [Test]
        public void DisposeWakesAWaiterAndTheStreamOutlivesItsClient()
        {
            var mes = MgmSim.Client();
            var stream = mes.OpenMgmStream(MgmSim.Machines[2]);
            mes.Dispose();
            Assert.That(stream.Next(Long), Is.Not.Null, "the stream goes on after its client is disposed");
            Assert.Throws<ObjectDisposedException>(() => mes.OpenMgmStream());
            Exception seen = null;
            var waiter = new Thread(() =>
            {
                try
                {
                    while (true) stream.Next(Timeout.InfiniteTimeSpan);
                }
                catch (Exception e)
                {
                    seen = e;
                }
            });
            waiter.Start();
            Thread.Sleep(200);
            stream.Dispose();
            Assert.That(waiter.Join(TimeSpan.FromSeconds(10)), Is.True, "Dispose wakes the waiter");
            Assert.That(seen, Is.InstanceOf<ObjectDisposedException>());
        }

        [Test]
        public void SoakAcrossTokenExpiry()
        {
            int seconds = MgmSim.SoakSeconds;
            // Tokens live 3 s from now on; the client's current one dies now.
            MgmSim.Tokens("{\"access_token_lifetime_ms\":3000,\"expire_all\":true}");
            try
            {
                var after = new List<int> { 0 }; // data events since the start, then since each reconnect
                int reconnecting = 0;
                var options = new MgmStreamOptions { ReconnectInitialMs = 50, ReconnectMaxMs = 500 };
                using (var mes = MgmSim.Client())
                using (var stream = mes.OpenMgmStream(options, MgmSim.Machines[0], MgmSim.Machines[1]))
                {
                    stream.EventReceived += (s, e) =>
                    {
                        lock (after)
                        {
                            if (e.Event is MgmReconnectedEvent) after.Add(0);
                            else if (e.Event is MgmReconnectingEvent) reconnecting++;
                            else if (e.Event is MgmMachineEvent) after[after.Count - 1]++;
                        }
                    };
                    Thread.Sleep(TimeSpan.FromSeconds(seconds)); // no caller action
                    stream.Dispose();
                    int reconnects = after.Count - 1;
                    Console.WriteLine("soak: {0} s, reconnects {1}, data per segment {2}", seconds, reconnects, string.Join(",", after));
                    Assert.That(reconnects, Is.GreaterThanOrEqualTo(2), "reconnects in " + seconds + " s");
                    Assert.That(reconnecting, Is.GreaterThanOrEqualTo(reconnects));
                    // Segment 0 may be empty: the token expired just before the stream opened.
                    for (int i = 1; i < after.Count; i++)
                        Assert.That(after[i], Is.GreaterThan(0), "data after reconnect " + i + ": " + string.Join(",", after));
                }
            }
            finally
            {
                MgmSim.Tokens("{\"access_token_lifetime_ms\":7200000,\"expire_all\":true}");
            }
        }
    }
}
