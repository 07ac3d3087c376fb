// The C# rows of the benchmarks (bench/cases), on Mono.
//
//   Bench.exe seq   URL N upload|get ROW    ROW: meslink | httpclient-per-call | httpclient-reused
//   Bench.exe batch URL N CONCURRENCY       one MesLinkClient.CallBatch of N grading.save records
//   Bench.exe ffi   N                       ns per P/Invoke call without I/O
//
// Prints one JSON line per row: {"row":..,"n":..,"secs":..,"p50_us":..,"p99_us":..}.
// The HttpClient rows log in once (POST /api/login/, multipart like the seed's RestSharp
// snippet) and send the token on every call; "per call" creates and disposes an
// HttpClient for every call, as the snippet does with `new RestClient(...)`.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using MesLink;

static class Bench
{
    const string Wo = "1037020031";

    [DllImport("meslink", CallingConvention = CallingConvention.Cdecl)]
    static extern IntPtr meslink_status_str(int status);

    [DllImport("meslink", CallingConvention = CallingConvention.Cdecl)]
    static extern unsafe int meslink_error_last(byte* buf, uint cap, uint* outLen);

    static string Sn(string letter, int i) => "B" + letter + "J614KM9" + (i % 100000).ToString("D5") + "Z";

    static string Config(string url) =>
        "{\"ate\":{\"base_url\":" + MesLinkJson.Quote(url) + ",\"emp_no\":\"ate\",\"password\":\"Windows123.\"}," +
        "\"grading\":{\"base_url\":" + MesLinkJson.Quote(url) + ",\"datasource\":\"MES01\"},\"timeout_ms\":30000}";

    static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    static double? loopCpu;

    static void Emit(string row, int n, double secs, List<double> lat)
    {
        string p50 = "null", p99 = "null";
        if (lat.Count > 0)
        {
            lat.Sort();
            Func<double, double> pct = p => lat[Math.Min(lat.Count, Math.Max(1, (int)Math.Ceiling(lat.Count * p))) - 1];
            p50 = F(pct(0.5));
            p99 = F(pct(0.99));
        }
        Console.WriteLine("{\"row\":" + MesLinkJson.Quote(row) + ",\"n\":" + n + ",\"secs\":" +
                          secs.ToString("R", CultureInfo.InvariantCulture) + ",\"p50_us\":" + p50 + ",\"p99_us\":" + p99 +
                          (loopCpu.HasValue ? ",\"cpu_s\":" + loopCpu.Value.ToString("R", CultureInfo.InvariantCulture) : "") +
                          (loopSwitches.HasValue ? ",\"csw\":" + loopSwitches.Value.ToString(CultureInfo.InvariantCulture) : "") + "}");
    }

    static double Timed(int n, Action<int> one, List<double> lat)
    {
        long? switches = Switches();
        double cpu = Cpu();
        var total = Stopwatch.StartNew();
        var sw = new Stopwatch();
        for (int i = 0; i < n; i++)
        {
            sw.Restart();
            one(i);
            lat.Add(sw.Elapsed.TotalMilliseconds * 1000.0);
        }
        double secs = total.Elapsed.TotalSeconds;
        loopCpu = Cpu() - cpu;
        long? after = Switches();
        loopSwitches = switches.HasValue && after.HasValue ? after - switches : null;
        return secs;
    }

    static string Login(string url)
    {
        using (var http = new HttpClient())
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("ate"), "emp_no");
            form.Add(new StringContent("Windows123."), "password");
            var r = http.PostAsync(url + "/api/login/", form).Result;
            string body = r.Content.ReadAsStringAsync().Result;
            return "BEARER " + (string)MesLinkJson.ParseObject(body)["token"];
        }
    }

    static void Check(HttpResponseMessage r)
    {
        if ((int)r.StatusCode != 200) throw new Exception("HTTP " + (int)r.StatusCode + ": " + r.Content.ReadAsStringAsync().Result);
        r.Content.ReadAsStringAsync().Wait();
    }

    static void HttpCall(HttpClient http, string url, string token, string what, int i)
    {
        HttpResponseMessage r;
        if (what == "upload")
        {
            // The RestSharp snippet: AlwaysMultipartFormData, work_order and sn as parameters.
            using (var form = new MultipartFormDataContent())
            using (var req = new HttpRequestMessage(HttpMethod.Post, url + "/api/sn_detail/"))
            {
                form.Add(new StringContent(Wo), "work_order");
                form.Add(new StringContent(Sn("H", i)), "sn");
                req.Headers.TryAddWithoutValidation("Authorization", token);
                req.Content = form;
                r = http.SendAsync(req).Result;
                Check(r);
            }
        }
        else
        {
            using (var req = new HttpRequestMessage(HttpMethod.Get, url + "/api/sn_detail/" + Wo + "/"))
            {
                req.Headers.TryAddWithoutValidation("Authorization", token);
                r = http.SendAsync(req).Result;
                Check(r);
            }
        }
        r.Dispose();
    }

    static void Seq(string url, int n, string what, string row)
    {
        var lat = new List<double>(n);
        double secs;
        if (row == "meslink")
        {
            using (var mes = new MesLinkClient(Config(url)))
            {
                mes.AteSnDetailGet(Wo); // log in before timing
                if (what == "upload") secs = Timed(n, i => mes.AteSnDetailUpload(Wo, Sn("N", i)), lat);
                else secs = Timed(n, i => mes.AteSnDetailGet(Wo), lat);
            }
            Emit("meslink C# on Mono (" + what + ")", n, secs, lat);
            return;
        }
        string token = Login(url);
        if (row == "httpclient-per-call")
        {
            secs = Timed(n, i =>
            {
                using (var http = new HttpClient()) HttpCall(http, url, token, what, i);
            }, lat);
            Emit("C# HttpClient per call, as the RestSharp snippet (" + what + ")", n, secs, lat);
        }
        else if (row == "httpclient-reused")
        {
            using (var http = new HttpClient())
            {
                secs = Timed(n, i => HttpCall(http, url, token, what, i), lat);
            }
            Emit("C# HttpClient reused (" + what + ")", n, secs, lat);
        }
        else throw new ArgumentException("unknown row " + row);
    }

    static void Batch(string url, int n, int concurrency)
    {
        var records = Enumerable.Range(0, n).Select(i =>
            "{\"batteryStation\":\"ST01\",\"deviceCode\":\"FR-07\",\"barcode\":\"CSB-" + i.ToString("D6") +
            "\",\"testTime\":\"2024-05-06 07:08:09\",\"workStep\":\"W1\",\"voltage\":3.2}").ToList();
        using (var mes = new MesLinkClient(Config(url)))
        {
            var sw = Stopwatch.StartNew();
            var results = mes.CallBatch("grading.save", records, concurrency);
            double secs = sw.Elapsed.TotalSeconds;
            var bad = results.FirstOrDefault(r => !r.IsOk);
            if (bad != null) throw bad.Error;
            Emit("meslink batch, C# (c=" + concurrency + ")", n, secs, new List<double>());
        }
    }

    // Process CPU time: the cost of the calls, not the scheduler of a shared machine.
    static long? loopSwitches;

    // Context switches of the process (every thread), voluntary + involuntary: getrusage's
    // ru_nvcsw and ru_nivcsw (the 17th and 18th longs of struct rusage on 64-bit Linux).
    [DllImport("libc", EntryPoint = "getrusage")]
    static extern int GetRusage(int who, [Out] long[] usage);

    static long? Switches()
    {
        try
        {
            var ru = new long[18];
            return GetRusage(0, ru) == 0 ? ru[16] + ru[17] : (long?)null;
        }
        catch (Exception) { return null; }
    }

    static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    static unsafe void Ffi(int n)
    {
        long sink = 0;
        for (int i = 0; i < 1000; i++) sink += (long)meslink_status_str(-9); // JIT and bind first
        double t = Cpu();
        for (int i = 0; i < n; i++) sink += (long)meslink_status_str(-9);
        NsRow("C# P/Invoke: meslink_status_str", n, Cpu() - t);
        byte* buf = stackalloc byte[256];
        uint len;
        sink += meslink_error_last(buf, 256, &len);
        t = Cpu();
        for (int i = 0; i < n; i++) sink += meslink_error_last(buf, 256, &len);
        NsRow("C# P/Invoke: meslink_error_last (empty)", n, Cpu() - t);
        GC.KeepAlive(sink);
    }

    static void NsRow(string row, int n, double secs)
    {
        Console.WriteLine("{\"row\":" + MesLinkJson.Quote(row) + ",\"n\":" + n + ",\"secs\":" +
                          secs.ToString("R", CultureInfo.InvariantCulture) + ",\"ns_per_call\":" + F(secs * 1e9 / n) + "}");
    }

    static int Main(string[] args)
    {
        if (args.Length == 5 && args[0] == "seq") Seq(args[1], int.Parse(args[2]), args[3], args[4]);
        else if (args.Length == 4 && args[0] == "batch") Batch(args[1], int.Parse(args[2]), int.Parse(args[3]));
        else if (args.Length == 2 && args[0] == "ffi") Ffi(int.Parse(args[1]));
        else
        {
            Console.Error.WriteLine("usage: Bench.exe seq URL N upload|get ROW | batch URL N C | ffi N");
            return 2;
        }
        return 0;
    }
}
