// A test station's shift in C#: log in, read the work order, upload a serial number,
// save a grading record. The seeds' RestSharp snippets, without a login, a token header,
// a retry loop or a JSON library.
//
//   Station.exe <base_url> [work_order] [sn]
//   (or MESLINK_URL=http://127.0.0.1:PORT Station.exe)
//
// Build: mcs -langversion:7.2 -r:MesLink.dll Station.cs, with libmeslink.so (Linux) or
// meslink.dll (Windows) beside it.

using System;
using MesLink;

internal static class Station
{
    private static int Main(string[] args)
    {
        string url = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("MESLINK_URL");
        if (string.IsNullOrEmpty(url))
        {
            Console.Error.WriteLine("usage: Station.exe <base_url> [work_order] [sn]");
            return 2;
        }
        string workOrder = args.Length > 1 ? args[1] : "1037020031";
        string sn = args.Length > 2 ? args[2] : "BAJ614KM901584Z";

        // One configuration for both servers; the password would come from the station's
        // secret store rather than the source.
        string config = "{" +
            "\"ate\":{\"base_url\":" + MesLinkJson.Quote(url) + ",\"emp_no\":\"ate\",\"password\":\"Windows123.\"}," +
            "\"grading\":{\"base_url\":" + MesLinkJson.Quote(url) + ",\"datasource\":\"MES01\"}," +
            "\"timeout_ms\":10000}";

        Console.WriteLine("meslink " + MesLinkClient.NativeVersion);
        try
        {
            using (var mes = new MesLinkClient(config))
            {
                LoginInfo who = mes.AteLogin(); // optional: checks the credentials early
                Console.WriteLine("logged in as " + who.EmpNo + " (" + who.EmpName + ", company " + who.Company + ")");

                SnDetail wo = mes.AteSnDetailGet(workOrder);
                Console.WriteLine("work order " + workOrder + ": rule " + wo.FunctionName + ", last SN " + wo.SerialNumber +
                                  ", " + wo.SnQty + "/" + wo.TargetQty);

                try
                {
                    mes.AteSnDetailUpload(workOrder, sn);
                    Console.WriteLine("uploaded " + sn);
                }
                catch (MesLinkBusinessException e)
                {
                    // The MES refused the SN in its own words: a station shows it and goes on.
                    Console.WriteLine("MES refused " + sn + ": " + e.ServerMessage);
                }

                try
                {
                    mes.AteSnDetailUpload(workOrder, "NOT-A-VALID-SN");
                }
                catch (MesLinkBusinessException e)
                {
                    Console.WriteLine("MES refused NOT-A-VALID-SN: " + e.ServerMessage);
                }

                string answer = mes.GradingSave(new GradingRecord
                {
                    BatteryStation = "ST01",
                    DeviceCode = "FR-07",
                    Barcode = "0AVCC26111121G95L0100500",
                    TestTime = DateTime.Now,
                    WorkStep = "分容",
                    Voltage = 3.29,
                    Electricity = 1.2,
                    Volume = 2650.5,
                    Energy = 8.7,
                });
                Console.WriteLine("grading record saved: " + answer);
            }
            return 0;
        }
        catch (MesLinkException e)
        {
            Console.Error.WriteLine("meslink error (" + e.Kind + ", status " + e.Status + "): " + e.Message);
            return 1;
        }
    }
}
