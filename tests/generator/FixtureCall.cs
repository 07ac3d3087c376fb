// The fixture call's generated C# method, called against the stub server.
using System;

static class FixtureCall
{
    static int Main(string[] args)
    {
        var config = "{\"grading\":{\"base_url\":\"" + args[0] + "\",\"datasource\":\"FIX\"}}";
        using (var mes = new MesLink.MesLinkClient(config))
        {
            string answer = mes.GradingFixtureEcho("CS-1", capacityMah: 4.5);
            Console.WriteLine(answer);
            return answer.Contains("\"cellCode\":\"CS-1\"") && answer.Contains("\"capacityMah\":4.5") ? 0 : 1;
        }
    }
}
