using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace MesLink.Tests
{
    /// <summary>The batch call: every record arrives, in order; a bad record fails alone; bad input is refused.</summary>
    [TestFixture]
    public class BatchTests
    {
        private static string Cell(string barcode)
        {
            return "{\"batteryStation\":\"ST01\",\"deviceCode\":\"FR-07\",\"barcode\":" + MesLinkJson.Quote(barcode) +
                   ",\"testTime\":\"2024-05-06 07:08:09\",\"workStep\":\"W1\",\"voltage\":3.2}";
        }

        private static long SaveCount()
        {
            return (long)((Dictionary<string, object>)Sim.State()["grading"])["save_count"];
        }

        [Test]
        public void EveryRecordArrivesAndAnswersKeepTheOrder()
        {
            using (var mes = Sim.Client())
            {
                long before = SaveCount();
                var records = Enumerable.Range(0, 200).Select(i => Cell("CS-BATCH-" + i.ToString("D4"))).ToList();
                var results = mes.CallBatch("grading.save", records, 8);
                Assert.AreEqual(200, results.Count);
                Assert.IsTrue(results.All(r => r.IsOk));
                Assert.AreEqual(1L, ((Dictionary<string, object>)results[0].Answer)["state"]);
                Assert.AreEqual(before + 200, SaveCount());
                Assert.IsNotNull(Sim.GradingRecord("CS-BATCH-0199"));

                var gets = mes.CallBatch("ate.sn_detail.get", new[]
                {
                    "{\"work_order\":\"1037020031\"}", "{\"work_order\":\"NOPE\"}", "{\"work_order\":\"1037020032\"}",
                });
                StringAssert.Contains("\"TARGET_QTY\":928", gets[0].AnswerJson);
                Assert.IsInstanceOf<MesLinkBusinessException>(gets[1].Error);
                StringAssert.Contains("\"TARGET_QTY\":500", gets[2].AnswerJson);
            }
        }

        [Test]
        public void ABadRecordFailsAlone()
        {
            using (var mes = Sim.Client())
            {
                long before = SaveCount();
                var good = new Dictionary<string, object>
                {
                    ["batteryStation"] = "ST01", ["deviceCode"] = "FR-07", ["barcode"] = "CS-GOOD",
                    ["testTime"] = "2024-05-06 07:08:09", ["workStep"] = "W1",
                };
                var bad = new Dictionary<string, object>(good);
                bad.Remove("barcode");
                var results = mes.CallBatch("grading.save", new IDictionary<string, object>[] { good, bad, good }, 2);
                Assert.IsTrue(results[0].IsOk && results[2].IsOk);
                Assert.IsInstanceOf<MesLinkInvalidArgumentException>(results[1].Error);
                StringAssert.Contains("barcode", results[1].Error.Message);
                Assert.IsNull(results[1].Answer);
                Assert.AreEqual(before + 2, SaveCount());
            }
        }

        [Test]
        public void BadInputIsRefusedAndNothingIsSent()
        {
            using (var mes = Sim.Client())
            {
                long before = SaveCount();
                var e = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.CallBatchJson("grading.save", "[{"));
                StringAssert.Contains("not valid JSON", e.Message);
                e = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.CallBatchJson("grading.save", Cell("X")));
                StringAssert.Contains("must be a JSON array", e.Message);
                e = Assert.Throws<MesLinkInvalidArgumentException>(() => mes.CallBatch("grading.nope", new[] { Cell("X") }));
                StringAssert.Contains("unknown call id", e.Message);
                Assert.Throws<ArgumentOutOfRangeException>(() => mes.CallBatch("grading.save", new[] { Cell("X") }, 0));
                Assert.Throws<ArgumentNullException>(() => mes.CallBatch("grading.save", (IEnumerable<string>)null));
                Assert.AreEqual(0, mes.CallBatchJson("grading.save", "[]").Count);
                Assert.AreEqual(before, SaveCount());
            }
        }
    }
}
