// The machine-tool IoT platform's resource calls from C#: the ordered organization tree,
// sys_info, tokens that never leave the library, renewal after expiry, and 500 calls
// under the platform's call limit without a 3009. One simulator serves the whole
// assembly, so counters are compared before and after.

using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace MesLink.Tests
{
    [TestFixture]
    public class MgmHttpTests
    {
        private static string MgmSection(string url, string secret = "meslink-secret", int calls = 200, int windowMs = 60000)
        {
            return "\"mgm\":{\"base_url\":" + MesLinkJson.Quote(url + "/v1") +
                   ",\"app_key\":\"meslink-app\",\"app_secret\":" + MesLinkJson.Quote(secret) +
                   ",\"rate_limit_calls\":" + calls + ",\"rate_limit_window_ms\":" + windowMs + "}";
        }

        private static MesLinkClient MgmClient() => Sim.Client(extra: MgmSection(Sim.Url));

        private static Dictionary<string, object> TokenState()
        {
            var mgm = (Dictionary<string, object>)Sim.State()["mgm"];
            return (Dictionary<string, object>)mgm["tokens"];
        }

        [Test]
        public void OrganizationIsAnOrderedTree()
        {
            using (var c = MgmClient())
            {
                OrgNode root = c.MgmOrganization();
                Assert.AreEqual(OrgLevel.Factory, root.Level);
                Assert.AreEqual("8wCx", root.FactoryId);
                OrgNode area = root.Children[0];
                Assert.AreEqual(OrgLevel.Area, area.Level);
                Assert.AreEqual("厂区", area.Name);
                OrgNode workshop = area.Children[0];
                Assert.AreEqual(OrgLevel.Workshop, workshop.Level);
                // The server keys this workshop's lines "1" then "0": children follow the keys.
                CollectionAssert.AreEqual(new[] { "0", "1" }, workshop.Children.Select(l => l.Key).ToArray());
                Assert.AreEqual(OrgLevel.Line, workshop.Children[0].Level);
                // Machines keyed "0", "2", "10": numeric order, not text order.
                CollectionAssert.AreEqual(new[] { "0", "2", "10" }, workshop.Children[0].Children.Select(m => m.Key).ToArray());
                var machines = root.Machines();
                Assert.AreEqual(5, machines.Count);
                Assert.AreEqual("8wCxAAAAAAAAABg=", machines[0].MachineId);
                OrgNode boxless = root.Find("8wCxAAAAAAABAAA=");
                Assert.AreEqual(OrgLevel.Machine, boxless.Level);
                Assert.AreEqual("盒子未配置", boxless.Name);
                Assert.AreEqual("8wCxAAAAAAABAAA=", MesLinkJson.ParseObject(boxless.Raw)["machine_id"]);
                StringAssert.Contains("\"factory_id\":\"8wCx\"", root.Raw);
                Assert.AreEqual("8wCx", root.FactoryId);
                Assert.IsNull(root.Find("nope"));
            }
        }

        [Test]
        public void SysInfoByMachineAndUnknownMachine()
        {
            using (var c = MgmClient())
            {
                var info = c.MgmSysInfo(new[] { "8wCxAAAAAAAAABg=", "GADIAAAAAgABAAA=" });
                Assert.AreEqual("789", info["8wCxAAAAAAAAABg="].CncModel);
                Assert.AreEqual("FANUC", info["GADIAAAAAgABAAA="].CncSystem);
                Assert.AreEqual("31i-B5", MesLinkJson.ParseObject(info["GADIAAAAAgABAAA="].Raw)["cnc_class"]);
                var e = Assert.Throws<MesLinkBusinessException>(() => c.MgmSysInfo(new[] { "nope" }));
                Assert.AreEqual("3012", e.ServerCode);
                Assert.AreEqual("the machine does not exist", e.ServerMessage);
                Assert.Throws<ArgumentNullException>(() => c.MgmSysInfo(null));
                Assert.Throws<ArgumentException>(() => c.MgmSysInfo(new string[] { null }));
            }
        }

        [Test]
        public void TokenCallsAnswerExpiresInAndNeverTheToken()
        {
            using (var c = MgmClient())
            {
                string got = c.Call("mgm.token.get", "null");
                Assert.AreEqual("{\"expires_in\":7200}", got);
                string refreshed = c.Call("mgm.token.refresh", "null");
                StringAssert.DoesNotContain("token", refreshed.Replace("expires_in", ""));
                c.MgmOrganization();
            }
        }

        [Test]
        public void WrongSecretIsAnAuthErrorWithoutTheSecret()
        {
            using (var c = Sim.Client(extra: MgmSection(Sim.Url, "wrong-secret")))
            {
                var e = Assert.Throws<MesLinkAuthException>(() => c.MgmOrganization());
                Assert.AreEqual("3001", e.ServerCode);
                StringAssert.DoesNotContain("wrong-secret", e.ToString());
            }
        }

        [Test]
        public void ExpiredTokenIsRenewedOnceAndTheCallRepeated()
        {
            using (var c = MgmClient())
            {
                c.MgmOrganization();
                long refreshes = Sim.Requests("mgm.token.refresh");
                long gets = Sim.Requests("mgm.token.get");
                Sim.Post("/_sim/mgm/tokens", "{\"expire_all\":true}");
                c.MgmOrganization();
                Assert.AreEqual(refreshes + 1, Sim.Requests("mgm.token.refresh"));
                Assert.AreEqual(gets, Sim.Requests("mgm.token.get"));
            }
        }

        [Test]
        public void FiveHundredCallsWithoutA3009()
        {
            // "localhost" rather than 127.0.0.1: a limiter of its own, apart from the
            // default-limit clients of the other tests (limiters are per base URL and app).
            string url = Sim.Url.Replace("127.0.0.1", "localhost");
            Sim.Post("/_sim/mgm/tokens", "{\"rate_limit\":100,\"rate_window_ms\":500}");
            // The server counts the app_key's calls of the tests before this one too; this
            // client's limiter is new, so start once the server's window holds none of them.
            System.Threading.Thread.Sleep(600);
            try
            {
                long limited = (long)TokenState()["rate_limited"];
                long calls = Sim.Requests("mgm.organization");
                using (var c = Sim.Client(extra: MgmSection(url, calls: 100, windowMs: 500)))
                {
                    for (int i = 0; i < 500; i++) c.Call("mgm.organization", "null");
                }
                // The server never had to refuse a call: the limit was kept on this side.
                Assert.AreEqual(limited, (long)TokenState()["rate_limited"]);
                // 500 answered calls; at most one more if a token renewal repeated a call.
                long served = Sim.Requests("mgm.organization") - calls;
                Assert.That(served, Is.InRange(500L, 501L), MesLinkJson.Serialize(TokenState()));
            }
            finally
            {
                Sim.Post("/_sim/mgm/tokens", "{\"rate_limit\":200,\"rate_window_ms\":60000}");
            }
        }
    }
}
