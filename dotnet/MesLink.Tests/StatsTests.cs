using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace MesLink.Tests
{
    [TestFixture]
    public class StatsTests
    {
        [SetUp]
        public void ResetSimulatorFaults() => Sim.ResetFaults();

        [Test]
        public void StatsCountCallsErrorsRetriesAndLatency()
        {
            using (var mes = Sim.Client())
            {
                Sim.Faults("{\"fail_next_503\":1}");
                mes.AteSnDetailGet(Sim.WorkOrder);
                mes.AteSnDetailGet(Sim.WorkOrder);
                Assert.Throws<MesLinkBusinessException>(() => mes.AteSnDetailUpload(Sim.WorkOrder, Sim.BadSn));
                var s = mes.Stats();
                Assert.That(s["calls"], Is.EqualTo(3L), mes.StatsJson());
                Assert.That(((Dictionary<string, object>)s["errors"])["business"], Is.EqualTo(1L));
                Assert.That(s["retries"], Is.EqualTo(1L));
                Assert.That(s["logins"], Is.EqualTo(1L));
                var get = (Dictionary<string, object>)((Dictionary<string, object>)s["by_call"])["ate.sn_detail.get"];
                Assert.That(get["calls"], Is.EqualTo(2L));
                Assert.That(Convert.ToDouble(get["p99_ms"]), Is.GreaterThan(0.0));
            }
        }
    }
}
