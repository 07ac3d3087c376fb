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
            if (!answer.Contains("\"cellCode\":\"CS-1\"") || !answer.Contains("\"capacityMah\":4.5")) return 1;
            // The Task twin, last: the shell checks the stub's last request.
            string twin = mes.GradingFixtureEchoAsync("CS-ASYNC", capacityMah: 7.5).Result;
            Console.WriteLine(twin);
            return twin.Contains("\"cellCode\":\"CS-ASYNC\"") && twin.Contains("\"capacityMah\":7.5") ? 0 : 1;
        }
    }
}
