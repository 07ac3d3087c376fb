using System;
using System.Collections.Generic;

namespace MesLink
{
    /// <summary>
    /// What the generated call groups (<c>Generated/Calls.g.cs</c>: <c>mes.Energy.Meters</c>, ...)
    /// share: the client they call through and the walk over every page of a list.
    /// </summary>
    public abstract class MesLinkApiGroup
    {
        /// <summary>The client the calls go through.</summary>
        protected MesLinkClient Client { get; }

        internal MesLinkApiGroup(MesLinkClient client)
        {
            Client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>
        /// Every record of a paged list, walked by the core
        /// (<see cref="MesLinkClient.CallAllPages"/>): it copes with either first page number
        /// the document names and stops at <c>Total_Numbers</c>.
        /// </summary>
        protected IEnumerable<object> Pages(string callId, Dictionary<string, object> filters, int perPage)
        {
            return (List<object>)MesLinkJson.Parse(Client.CallAllPages(callId, MesLinkJson.Serialize(filters), perPage));
        }
    }
}
