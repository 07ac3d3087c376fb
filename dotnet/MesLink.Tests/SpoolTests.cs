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
                StringAssert.Contains("no dead record", e.Message);
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
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => SpoolClient().Dispose());
                StringAssert.Contains("already being forwarded", e.Message);
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
    }
}
