using System.Collections.Generic;

namespace MesLink
{
    public sealed partial class MesLinkClient
    {
        // ---- quality trace (seed 002) -------------------------------------------------------

        /// <summary>
        /// <c>trace.query</c>: the forward or reverse quality trace of <paramref name="uniqueCode"/>
        /// (a serial number, work order, batch or barcode), signed for the API gateway with the
        /// configured <c>trace.app_key</c> / <c>trace.app_secret</c>. <c>corpId</c>, <c>userId</c>
        /// and <c>source</c> come from the <c>trace</c> configuration; use
        /// <see cref="Call(string, string)"/> to set them per call.
        /// </summary>
        /// <exception cref="MesLinkAuthException">The gateway refused the signature (ServerMessage is its <c>X-Ca-Error-Message</c>), or the answer code is 401/403.</exception>
        /// <exception cref="MesLinkHttpException">Answer codes 20003, 20004, 500; HTTP 5xx.</exception>
        /// <exception cref="MesLinkTimeoutException">Answer code 20056 (Hsf Invoke Timeout).</exception>
        /// <exception cref="MesLinkInvalidArgumentException">An empty unique code; answer code 20055.</exception>
        public TraceResult TraceQuery(string uniqueCode, TraceType traceType)
        {
            var parameters = new Dictionary<string, object>
            {
                { "uniqueCode", uniqueCode },
                { "traceType", traceType.ToWire() },
            };
            return TraceResult.FromJson(Call("trace.query", parameters));
        }
    }
}
