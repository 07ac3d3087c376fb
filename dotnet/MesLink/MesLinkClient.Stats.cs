using System.Collections.Generic;
using MesLink.Native;

namespace MesLink
{
    public sealed unsafe partial class MesLinkClient
    {
        /// <summary>
        /// The client's statistics since it was opened, as <c>meslink_client_stats</c> writes
        /// them: <c>{"calls":120,"errors":{"business":2},"retries":4,"logins":1,
        /// "token_refreshes":0,"reconnects":0,"bytes_sent":15360,"bytes_received":98304,
        /// "by_call":{"ate.sn_detail.get":{"calls":100,"errors":0,"p50_ms":1.8,"p99_ms":12.5}}}</c>.
        /// </summary>
        public string StatsJson()
        {
            return Answer(NativeMethods.meslink_client_stats);
        }

        /// <summary><see cref="StatsJson"/> parsed: numbers are <c>long</c> or <c>double</c>, objects dictionaries.</summary>
        public Dictionary<string, object> Stats() => MesLinkJson.ParseObject(StatsJson());
    }
}
