using System;
using System.Collections.Generic;
using System.Globalization;

namespace MesLink
{
    /// <summary>
    /// What the generated energy call groups (<c>EnergyApi.g.cs</c>) share: parameter
    /// conversion and the walk over every page of a list.
    /// </summary>
    public abstract class EnergyApiBase
    {
        /// <summary>The client the calls go through.</summary>
        protected MesLinkClient Client { get; }

        internal EnergyApiBase(MesLinkClient client)
        {
            Client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>
        /// Adds a parameter unless it is null: a <see cref="DateTime"/> travels as
        /// <c>yyyy-MM-dd HH:mm:ss</c> (its clock time, as the platform expects), an enum as
        /// its documented number, a <c>byte[]</c> as <c>{"base64": ...}</c> (a file
        /// upload from memory).
        /// </summary>
        protected static void Put(Dictionary<string, object> p, string name, object value)
        {
            if (value == null) return;
            if (value is DateTime t)
            {
                p[name] = t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            }
            else if (value is byte[] bytes)
            {
                // A file upload from memory (energy.machines.upload_image).
                p[name] = new Dictionary<string, object> { ["base64"] = Convert.ToBase64String(bytes) };
            }
            else if (value is Enum e)
            {
                p[name] = Convert.ToInt64(e, CultureInfo.InvariantCulture);
            }
            else
            {
                p[name] = value;
            }
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
