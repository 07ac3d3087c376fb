using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace MesLink.Tests
{
    /// <summary>
    /// The store-and-forward spool (client.Spool) against the simulator: what was enqueued is
    /// what arrives (/_sim/state), in order, whatever the server did meanwhile.
    /// </summary>
    [TestFixture]
    public class SpoolTests
    {
        private string _dir;

        [SetUp]
        public void FreshDirectory()
        {
            Sim.ResetFaults();
            _dir = Path.Combine(Path.GetTempPath(), "meslink-cs-spool-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
        }

        [TearDown]
        public void ResetFaults()
        {
            Sim.ResetFaults();
            try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private string SpoolPath => Path.Combine(_dir, "station-spool.db");

        private MesLinkClient SpoolClient()
        {
            return Sim.Client(extra: "\"spool\":{\"path\":" + MesLinkJson.Quote(SpoolPath) +
                                     ",\"backoff_initial_ms\":20,\"backoff_max_ms\":200}");
        }

        private static Dictionary<string, object> Upload(string sn)
        {
            return new Dictionary<string, object> { { "work_order", Sim.WorkOrder }, { "sn", sn } };
        }

        /// <summary>The SNs uploaded to the work order after the first <paramref name="skip"/>.</summary>
        private static List<string> UploadsAfter(int skip)
        {
            return Sim.Uploads().Skip(skip).Select(u => u.Value).ToList();
        }

        [Test]
        public void RecordsEnqueuedDuring503sArriveInOrder()
        {
            int before = Sim.Uploads().Count;
            Sim.Faults("{\"error_503_ratio\":1.0}");
            var sns = Enumerable.Range(0, 10).Select(_ => Sim.NextGoodSn()).ToList();
            using (var client = SpoolClient())
            {
                var seqs = sns.Select(sn => client.Spool.Enqueue("ate.sn_detail.upload", Upload(sn))).ToList();
                CollectionAssert.IsOrdered(seqs);
                Assert.IsFalse(client.Spool.Drain(TimeSpan.FromMilliseconds(300)));
                var status = client.Spool.Status();
                Assert.AreEqual(10, status.Pending);
                Assert.AreEqual(0, status.Delivered);
                Assert.AreEqual(sns[0], MesLinkJson.ParseObject(client.Spool.List("pending", 1)[0].ParamsJson)["sn"]);
                CollectionAssert.IsEmpty(UploadsAfter(before));

                Sim.ResetFaults();
                Assert.IsTrue(client.Spool.Drain(TimeSpan.FromSeconds(30)));
                CollectionAssert.AreEqual(sns, UploadsAfter(before));
                status = client.Spool.Status();
                Assert.AreEqual(0, status.Pending);
                Assert.AreEqual(10, status.Delivered);
            }
        }

        [Test]
        public void ARuleCheckNgIsADeadLetterWithTheServersWords()
        {
            int before = Sim.Uploads().Count;
            string good1 = Sim.NextGoodSn(), good2 = Sim.NextGoodSn();
            using (var client = SpoolClient())
            {
                var spool = client.Spool;
                spool.Enqueue("ate.sn_detail.upload", Upload(good1));
                long bad = spool.Enqueue("ate.sn_detail.upload", "{\"work_order\":\"" + Sim.WorkOrder + "\",\"sn\":\"" + Sim.BadSn + "\"}");
                spool.Enqueue("ate.sn_detail.upload", Upload(good2));
                Assert.IsTrue(spool.Drain(TimeSpan.FromSeconds(30)));
                CollectionAssert.AreEqual(new[] { good1, good2 }, UploadsAfter(before));
                var dead = spool.List("dead");
                Assert.AreEqual(1, dead.Count);
                Assert.AreEqual(bad, dead[0].Seq);
                Assert.AreEqual("ate.sn_detail.upload", dead[0].CallId);
                Assert.AreEqual("SN RULER CHECK NG!FIX", dead[0].ServerMessage);
                StringAssert.Contains("\"kind\":\"business\"", dead[0].AnswerJson);
                spool.Retry(bad);
                Assert.IsTrue(spool.Drain(TimeSpan.FromSeconds(30)));
                Assert.AreEqual(1, spool.Status().Dead); // refused again
                spool.Discard(bad);
                Assert.AreEqual(0, spool.Status().Dead);
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => spool.Discard(bad));
                StringAssert.Contains("no record with seq", e.Message);
                Assert.Throws<MesLinkInvalidArgumentException>(() => spool.List("everything"));
            }
        }

        [Test]
        public void RefusedIdsStoreNothing()
        {
            using (var client = SpoolClient())
            {
                var e = Assert.Throws<MesLinkInvalidArgumentException>(
                    () => client.Spool.Enqueue("ate.sn_detail.get", "{\"work_order\":\"" + Sim.WorkOrder + "\"}"));
                StringAssert.Contains("is not spoolable", e.Message);
                e = Assert.Throws<MesLinkInvalidArgumentException>(
                    () => client.Spool.Enqueue("ate.sn_detail.upload", "{\"work_order\":\"1\"}"));
                StringAssert.Contains("\"sn\"", e.Message);
                Assert.AreEqual(0, client.Spool.Status().Pending);
            }
            using (var plain = Sim.Client())
            {
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => plain.Spool.Status());
                StringAssert.Contains("no spool configured", e.Message);
            }
        }

        [Test]
        public void ANewClientForwardsWhatADisposedOneLeft()
        {
            int before = Sim.Uploads().Count;
            Sim.Faults("{\"error_503_ratio\":1.0}");
            var sns = Enumerable.Range(0, 5).Select(_ => Sim.NextGoodSn()).ToList();
            using (var first = SpoolClient())
            {
                foreach (var sn in sns) first.Spool.Enqueue("ate.sn_detail.upload", Upload(sn));
                // A second client of the file opens (direct calls work) but cannot spool.
                using (var twice = SpoolClient())
                {
                    var e = Assert.Throws<MesLinkInvalidArgumentException>(() => twice.Spool.Status());
                    StringAssert.Contains("already being forwarded", e.Message);
                }
            }
            CollectionAssert.IsEmpty(UploadsAfter(before));
            Sim.ResetFaults();
            using (var second = SpoolClient())
            {
                Assert.IsTrue(second.Spool.Drain(TimeSpan.FromSeconds(30)));
                Assert.AreEqual(5, second.Spool.Status().Delivered);
            }
            CollectionAssert.AreEqual(sns, UploadsAfter(before));
        }

        private static string Cell(string barcode)
        {
            return "{\"batteryStation\":\"ST01\",\"deviceCode\":\"FR-07\",\"barcode\":" + MesLinkJson.Quote(barcode) +
                   ",\"testTime\":\"2024-05-06 07:08:09\",\"workStep\":\"W\"}";
        }

        private static bool WaitFor(Func<bool> done)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (done()) return true;
                System.Threading.Thread.Sleep(20);
            }
            return done();
        }

        [Test]
        public void ParkedAndPendingRecordsAreListedRetriedAndDiscarded()
        {
            int before = Sim.Uploads().Count;
            string sn = Sim.NextGoodSn();
            // The grading server unreachable: its records are parked after two attempts and
            // retried hourly, while the ATE upload behind them goes on.
            string config = "{\"ate\":{\"base_url\":" + MesLinkJson.Quote(Sim.Url) +
                ",\"emp_no\":\"ate\",\"password\":\"Windows123.\"}," +
                "\"grading\":{\"base_url\":\"http://127.0.0.1:1\",\"datasource\":\"MES01\"}," +
                "\"connect_timeout_ms\":1000,\"retry\":{\"max_attempts\":1}," +
                "\"spool\":{\"path\":" + MesLinkJson.Quote(SpoolPath) + ",\"backoff_initial_ms\":20," +
                "\"backoff_max_ms\":200,\"park_after_attempts\":2,\"park_after_s\":0,\"park_retry_s\":3600}}";
            using (var client = new MesLinkClient(config))
            {
                var spool = client.Spool;
                long a = spool.Enqueue("grading.save", Cell("CS-P1"));
                long b = spool.Enqueue("grading.save", Cell("CS-P2"));
                long a2 = spool.Enqueue("grading.save", Cell("CS-P1"));
                spool.Enqueue("ate.sn_detail.upload", Upload(sn));
                Assert.IsTrue(WaitFor(() => spool.Status().Parked == 2), spool.Status().ToString());
                Assert.IsTrue(WaitFor(() => UploadsAfter(before).Count == 1));
                CollectionAssert.AreEqual(new[] { sn }, UploadsAfter(before));

                var parked = spool.List("parked");
                CollectionAssert.AreEqual(new[] { a, b }, parked.Select(r => r.Seq).ToList());
                Assert.AreEqual("parked", parked[0].State);
                Assert.AreEqual("CS-P1", parked[0].Key);
                Assert.IsNotNull(parked[0].NextAttemptAt);
                // The second CS-P1 never overtakes the first: pending, never tried.
                var pending = spool.List("pending");
                Assert.AreEqual(1, pending.Count);
                Assert.AreEqual(a2, pending[0].Seq);
                Assert.AreEqual(0, pending[0].Attempts);
                var status = spool.Status();
                Assert.AreEqual(1, status.Pending);
                Assert.AreEqual(2, status.Parked);
                Assert.AreEqual(1, status.Delivered);
                Assert.AreEqual(0, status.ResentRefused);
                Assert.IsFalse(spool.Drain(TimeSpan.FromMilliseconds(200)));

                spool.Retry(b);
                Assert.IsTrue(spool.List("pending").Any(r => r.Seq == b));
                spool.Discard(a2);
                spool.Discard(a);
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => spool.Discard(a));
                StringAssert.Contains("no record with seq", e.Message);
                CollectionAssert.IsEmpty(spool.List("resent_refused"));
                status = spool.Status();
                Assert.AreEqual(1, status.Pending + status.Parked);
            }
        }
    }
}
