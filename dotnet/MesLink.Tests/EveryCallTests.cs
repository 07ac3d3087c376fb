// Every request-style call of the catalog, once, from C# against the simulator.
//
// The calls and sample parameters come from tools/sample_calls.py (shared with the C and
// Python suites), in the JSON file named by MESLINK_SAMPLE_CALLS (dotnet/run-tests.sh and
// tests/run-all.sh write it). A call passes when the simulator answers it in its documented
// format: a success, or a refusal in the server's own words (an exception carrying its code).

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace MesLink.Tests
{
    [TestFixture]
    public class EveryCallTests
    {
        private static List<object> Samples()
        {
            string path = Environment.GetEnvironmentVariable("MESLINK_SAMPLE_CALLS");
            Assert.IsFalse(string.IsNullOrEmpty(path), "MESLINK_SAMPLE_CALLS is not set (dotnet/run-tests.sh sets it)");
            return (List<object>)MesLinkJson.Parse(File.ReadAllText(path));
        }

        internal static string EveryServerConfig()
        {
            string url = Sim.Url;
            return "{\"ate\":{\"base_url\":" + MesLinkJson.Quote(url) + ",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
                + "\"grading\":{\"base_url\":" + MesLinkJson.Quote(url) + ",\"datasource\":\"MES01\"},"
                + "\"trace\":{\"base_url\":" + MesLinkJson.Quote(url) + ",\"app_key\":\"meslink-trace\",\"app_secret\":\"meslink-trace-secret\"},"
                + "\"mgm\":{\"base_url\":" + MesLinkJson.Quote(url + "/v1") + ",\"app_key\":\"meslink-app\",\"app_secret\":\"meslink-secret\"},"
                + "\"energy\":{\"base_url\":" + MesLinkJson.Quote(url) + ",\"username\":\"admin\",\"password\":\"admin123\"},"
                + "\"timeout_ms\":10000,\"retry\":{\"max_attempts\":2,\"initial_backoff_ms\":10,\"max_backoff_ms\":50}}";
        }

        [Test]
        public void SamplesCoverEveryRequestCall()
        {
            var ids = Samples().Select(s => (string)((Dictionary<string, object>)s)["id"]).ToList();
            Assert.That(ids, Has.Member("ate.sn_detail.get"));
            Assert.AreEqual(ids.Count, ids.Distinct().Count(), "an id twice");
        }

        [Test]
        public void EveryCallIsAnsweredInItsDocumentedFormat()
        {
            var failures = new List<string>();
            int calls = 0;
            using (var client = new MesLinkClient(EveryServerConfig()))
            {
                foreach (object o in Samples())
                {
                    var sample = (Dictionary<string, object>)o;
                    string id = (string)sample["id"];
                    string prm = MesLinkJson.Serialize(sample["params"]);
                    calls++;
                    try
                    {
                        string answer = client.Call(id, prm);
                        object parsed = MesLinkJson.Parse(answer);
                        if (!(parsed is Dictionary<string, object>) && !(parsed is List<object>))
                            failures.Add(id + ": answer is not a JSON object or array: " + answer);
                    }
                    catch (MesLinkException e) when (e.ServerCode != null
                        && (e is MesLinkBusinessException || e is MesLinkInvalidArgumentException || e is MesLinkAuthException))
                    {
                        // The server's documented refusal, with its code: the call was exercised.
                    }
                    catch (MesLinkException e)
                    {
                        failures.Add(id + ": " + e.GetType().Name + ": " + e.Message);
                    }
                }
            }
            Assert.That(calls, Is.GreaterThan(0));
            Assert.IsEmpty(failures, string.Join("\n", failures));
        }
    }
}
