// Starts the simulator (rust/meslink-sim) once for the whole test assembly, on an
// ephemeral loopback port, and stops it at the end by closing its stdin.
//
// The binary: $MESLINK_SIM, else target/debug/meslink-sim[.exe] found by walking up from
// the test assembly to the repository root (the directory with Cargo.toml).
//
// Runs under NUnit 2.6 (Mono, Debian's nunit-console) and NUnit 3 (the csproj defines
// NUNIT3): the suite-level set-up attributes differ, hence the aliases.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using NUnit.Framework;
#if NUNIT3
using SuiteSetUp = NUnit.Framework.OneTimeSetUpAttribute;
using SuiteTearDown = NUnit.Framework.OneTimeTearDownAttribute;
#else
using SuiteSetUp = NUnit.Framework.SetUpAttribute;
using SuiteTearDown = NUnit.Framework.TearDownAttribute;
#endif

namespace MesLink.Tests
{
    [SetUpFixture]
    public class SimulatorFixture
    {
        [SuiteSetUp]
        public void StartSimulator() => Sim.Start();

        [SuiteTearDown]
        public void StopSimulator() => Sim.Stop();
    }

    /// <summary>The running simulator: its URL, client configurations, and its control API.</summary>
    public static class Sim
    {
        public const string User = "ate";
        public const string Password = "Windows123.";
        public const string WorkOrder = "1037020031";
        public const string GoodSn = "BAJ614KM901584Z";
        public const string BadSn = "XAJ614KM901584Z";

        private static Process _process;

        public static string Url { get; private set; }

        public static void Start()
        {
            if (_process != null) return;
            string exe = FindSimulator();
            var psi = new ProcessStartInfo(exe, "")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = false,
                CreateNoWindow = true,
            };
            var p = Process.Start(psi);
            string first = null;
            var reader = new Thread(() => { first = p.StandardOutput.ReadLine(); }) { IsBackground = true };
            reader.Start();
            if (!reader.Join(TimeSpan.FromSeconds(60)) || first == null || !first.StartsWith("MESLINK_SIM_URL=", StringComparison.Ordinal))
            {
                try { p.Kill(); } catch (Exception) { }
                throw new InvalidOperationException(exe + " did not print MESLINK_SIM_URL=... (got " + (first ?? "nothing") + ")");
            }
            // Keep draining stdout so the simulator never blocks on a full pipe.
            new Thread(() => { try { p.StandardOutput.ReadToEnd(); } catch (Exception) { } }) { IsBackground = true }.Start();
            _process = p;
            Url = first.Substring("MESLINK_SIM_URL=".Length).Trim();
        }

        public static void Stop()
        {
            var p = _process;
            _process = null;
            if (p == null) return;
            try { p.StandardInput.Close(); } catch (Exception) { }
            if (!p.WaitForExit(10000))
            {
                try { p.Kill(); } catch (Exception) { }
            }
            p.Dispose();
        }

        private static string FindSimulator()
        {
            string env = Environment.GetEnvironmentVariable("MESLINK_SIM");
            if (!string.IsNullOrEmpty(env))
            {
                if (!File.Exists(env)) throw new FileNotFoundException("MESLINK_SIM points to a missing file", env);
                return env;
            }
            string name = Path.DirectorySeparatorChar == '\\' ? "meslink-sim.exe" : "meslink-sim";
            var dir = new DirectoryInfo(Path.GetDirectoryName(typeof(Sim).Assembly.Location));
            for (; dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cargo.toml")))
                {
                    string candidate = Path.Combine(dir.FullName, "target", "debug", name);
                    if (File.Exists(candidate)) return candidate;
                }
            }
            throw new FileNotFoundException("meslink-sim not found: set MESLINK_SIM or run `cargo build -p meslink-sim`");
        }

        // ---- configurations ----------------------------------------------------------

        public static string Config(string password = Password, string extra = null, int maxAttempts = 4)
        {
            var sb = new StringBuilder();
            sb.Append("{\"ate\":{\"base_url\":").Append(MesLinkJson.Quote(Url))
              .Append(",\"emp_no\":").Append(MesLinkJson.Quote(User))
              .Append(",\"password\":").Append(MesLinkJson.Quote(password)).Append('}')
              .Append(",\"grading\":{\"base_url\":").Append(MesLinkJson.Quote(Url))
              .Append(",\"datasource\":\"MES01\"}")
              .Append(",\"retry\":{\"max_attempts\":").Append(maxAttempts).Append(",\"initial_backoff_ms\":10,\"max_backoff_ms\":50}");
            if (extra != null) sb.Append(',').Append(extra);
            sb.Append('}');
            return sb.ToString();
        }

        public static MesLinkClient Client(string password = Password, string extra = null, int maxAttempts = 4)
        {
            return new MesLinkClient(Config(password, extra, maxAttempts));
        }

        // ---- control API ---------------------------------------------------------------

        public static void Faults(string json) => Post("/_sim/faults", json);
        public static void ResetFaults() => Post("/_sim/reset_faults", "{}");
        public static void ExpireTokens() => Post("/_sim/expire_tokens", "{}");

        public static Dictionary<string, object> State()
        {
            return MesLinkJson.ParseObject(Send("GET", "/_sim/state", null));
        }

        public static long LoginCount() => (long)State()["login_count"];

        public static long Requests(string route)
        {
            var requests = (Dictionary<string, object>)State()["requests"];
            object n;
            return requests.TryGetValue(route, out n) ? (long)n : 0;
        }

        /// <summary>The record the simulator keeps for <paramref name="barcode"/> under account set MES01, or null.</summary>
        public static Dictionary<string, object> GradingRecord(string barcode)
        {
            var grading = (Dictionary<string, object>)State()["grading"];
            var records = (Dictionary<string, object>)grading["records"];
            object set, record;
            if (!records.TryGetValue("MES01", out set)) return null;
            return ((Dictionary<string, object>)set).TryGetValue(barcode, out record) ? (Dictionary<string, object>)record : null;
        }

        /// <summary>Every (work_order, sn) the simulator recorded.</summary>
        public static List<KeyValuePair<string, string>> Uploads()
        {
            var ate = (Dictionary<string, object>)State()["ate"];
            var list = new List<KeyValuePair<string, string>>();
            foreach (Dictionary<string, object> u in (List<object>)ate["uploads"])
                list.Add(new KeyValuePair<string, string>((string)u["work_order"], (string)u["sn"]));
            return list;
        }

        private static int _snCounter = 10000;

        /// <summary>A fresh serial number that passes the rule of <see cref="WorkOrder"/>.</summary>
        public static string NextGoodSn()
        {
            int n = Interlocked.Increment(ref _snCounter) % 100000;
            return "BAJ614KM9" + n.ToString("D5") + "Z";
        }

        public static string Post(string path, string json) => Send("POST", path, json);

        private static string Send(string method, string path, string json)
        {
            var req = (HttpWebRequest)WebRequest.Create(Url + path);
            req.Method = method;
            req.Proxy = null;
            req.Timeout = 10000;
            if (json != null)
            {
                byte[] body = Encoding.UTF8.GetBytes(json);
                req.ContentType = "application/json";
                req.ContentLength = body.Length;
                using (var s = req.GetRequestStream()) s.Write(body, 0, body.Length);
            }
            try
            {
                using (var resp = (HttpWebResponse)req.GetResponse())
                using (var r = new StreamReader(resp.GetResponseStream(), Encoding.UTF8))
                {
                    return r.ReadToEnd();
                }
            }
            catch (WebException e) when (e.Response != null)
            {
                using (var r = new StreamReader(e.Response.GetResponseStream(), Encoding.UTF8))
                {
                    throw new InvalidOperationException(method + " " + path + " failed: " + r.ReadToEnd(), e);
                }
            }
        }
    }
}
