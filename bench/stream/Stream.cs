// Live-stream benchmark, C# reader (MesLinkStream.Next) on Mono.
//
//   mono Stream.exe URL BURST RATES SECONDS
//
// Same phases as stream.c: a burst of BURST stamped deltas sent as fast as the simulator
// can, then each of RATES (comma-separated) events/s for SECONDS (phase "paced-RATE"). The delay of an event is the receipt time minus its
// "sent_us" (the simulator's wall clock as it built the frame). Prints
// RESULT|C#|<phase>|<events>|<seconds>|<events/s>|<p50 ms>|<p99 ms>|<dropped>|<own CPU us/event>|<sim CPU us/event>
// (CPU over the phase: this process's, and the simulator's when MESLINK_BENCH_SIM_PID names
// it; -1 when unknown).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Diagnostics;
using MesLink;

static class StreamBench
{
    const string Machine = "8wCxAAAAAAABAAA=";
    static readonly long EpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    static long NowUs() { return (DateTime.UtcNow.Ticks - EpochTicks) / 10; }

    static void Knob(string url, string body)
    {
        var req = (HttpWebRequest)WebRequest.Create(url + "/_sim/mgm/realtime");
        req.Method = "POST";
        req.ContentType = "application/json";
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        using (var s = req.GetRequestStream()) s.Write(bytes, 0, bytes.Length);
        using (var resp = (HttpWebResponse)req.GetResponse())
        using (var r = new StreamReader(resp.GetResponseStream())) r.ReadToEnd();
    }

    static double SimCpuUs()
    {
        string pid = Environment.GetEnvironmentVariable("MESLINK_BENCH_SIM_PID");
        if (string.IsNullOrEmpty(pid)) return -1;
        try
        {
            string stat = File.ReadAllText("/proc/" + pid + "/stat");
            string[] f = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
            // clock ticks of 10 ms (USER_HZ 100 on Linux)
            return (long.Parse(f[11]) + long.Parse(f[12])) * 10000.0;
        }
        catch (IOException) { return -1; }
    }

    static double ownCpu0, simCpu0;

    static void CpuStart()
    {
        ownCpu0 = Process.GetCurrentProcess().TotalProcessorTime.Ticks / 10.0;
        simCpu0 = SimCpuUs();
    }

    static void Report(string phase, long events, double secs, List<long> delays, long dropped)
    {
        double own = Process.GetCurrentProcess().TotalProcessorTime.Ticks / 10.0 - ownCpu0;
        double sim = SimCpuUs();
        double simPer = events > 0 && sim >= 0 && simCpu0 >= 0 ? (sim - simCpu0) / events : -1;
        delays.Sort();
        Func<double, double> pct = p => delays.Count == 0 ? 0 : delays[(int)(p * (delays.Count - 1))] / 1000.0;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "RESULT|C#|{0}|{1}|{2:F3}|{3:F0}|{4:F3}|{5:F3}|{6}|{7:F2}|{8:F2}",
            phase, events, secs, secs > 0 ? events / secs : 0, pct(0.5), pct(0.99), dropped,
            events > 0 ? own / events : 0, simPer));
    }

    static bool Take(MesLinkStream stream, List<long> delays, out long got)
    {
        MgmEvent e = stream.Next(TimeSpan.FromSeconds(5));
        got = NowUs();
        if (e == null) return false;
        object sent;
        if (e is MgmDeltaEvent && e.Fields.TryGetValue("sent_us", out sent) && sent is long)
            delays.Add(got - (long)sent);
        return true;
    }

    static int Main(string[] args)
    {
        string url = args[0];
        long burst = long.Parse(args[1], CultureInfo.InvariantCulture);
        double seconds = double.Parse(args[3], CultureInfo.InvariantCulture);
        Knob(url, "{\"events_per_sec\":0,\"stamp\":true}");
        string config = "{\"mgm\":{\"base_url\":\"" + url + "/v1\",\"app_key\":\"meslink-app\"," +
                        "\"app_secret\":\"meslink-secret\"},\"timeout_ms\":20000}";
        using (var client = new MesLinkClient(config))
        using (var stream = client.OpenMgmStream(new MgmStreamOptions { QueueCapacity = 1 << 20 }, Machine))
        {
            var delays = new List<long>();
            long got;
            for (int i = 0; i < 2; i++) // status and full record
                if (!Take(stream, delays, out got)) { Console.Error.WriteLine("no status / record"); return 1; }
            delays.Clear();

            CpuStart();
            long n = 0, t0 = NowUs(), last = t0;
            Knob(url, "{\"burst\":" + burst + "}");
            while (n < burst && Take(stream, delays, out got)) { last = got; n++; }
            Report("burst", n, (last - t0) / 1e6, delays, stream.Stats.Dropped);

            foreach (string r in args[2].Split(','))
            {
                double rate = double.Parse(r, CultureInfo.InvariantCulture);
                if (rate <= 0 || seconds <= 0) continue;
                long dropsBefore = stream.Stats.Dropped;
                Knob(url, "{\"events_per_sec\":" + rate.ToString("F0", CultureInfo.InvariantCulture) + "}");
                long settle = NowUs() + 500000;
                while (NowUs() < settle) Take(stream, new List<long>(), out got);
                delays.Clear();
                n = 0;
                CpuStart();
                t0 = NowUs();
                long end = t0 + (long)(seconds * 1e6);
                while (Take(stream, delays, out got)) { n++; if (got >= end) break; }
                last = NowUs();
                Knob(url, "{\"events_per_sec\":0}");
                Report("paced-" + r, n, (last - t0) / 1e6, delays, stream.Stats.Dropped - dropsBefore);
                while (stream.Next(TimeSpan.FromMilliseconds(200)) != null) { } // sent before the rate went to 0
            }
            Knob(url, "{\"stamp\":false,\"events_per_sec\":20}");
        }
        return 0;
    }
}
