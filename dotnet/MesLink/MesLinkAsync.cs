using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MesLink
{
    /// <summary>
    /// What the generated <c>…Async</c> methods (<c>Generated/Calls.g.cs</c>) share: the typed
    /// call awaited and its answer read into the call's model. Outside the client class, whose
    /// unsafe code cannot hold an <c>await</c>.
    /// </summary>
    internal static class MesLinkAsync
    {
        internal static async Task<T> Typed<T>(MesLinkClient client, string callId, Dictionary<string, object> parameters,
            CancellationToken cancellationToken, Func<string, T> read)
        {
            return read(await client.CallTypedAsync(callId, parameters, cancellationToken).ConfigureAwait(false));
        }

        internal static async Task Nothing(MesLinkClient client, string callId, Dictionary<string, object> parameters,
            CancellationToken cancellationToken)
        {
            await client.CallTypedAsync(callId, parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
