using System;
using System.Collections;
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
        /// its documented number.
        /// </summary>
        protected static void Put(Dictionary<string, object> p, string name, object value)
        {
            if (value == null) return;
            if (value is DateTime t)
            {
                p[name] = t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
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
        /// Every record of a paged list: pages from 0 (the document's default page) until
        /// <c>Total_Numbers</c> records have come or a page comes back short. Each page is
        /// fetched when the enumeration reaches it.
        /// </summary>
        protected IEnumerable<object> Pages(string callId, Dictionary<string, object> filters, int perPage)
        {
            if (perPage < 1) throw new ArgumentOutOfRangeException(nameof(perPage), "perPage must be at least 1");
            return Walk(callId, filters, perPage);
        }

        private IEnumerable<object> Walk(string callId, Dictionary<string, object> filters, int perPage)
        {
            var p = new Dictionary<string, object>(filters);
            long seen = 0;
            for (int page = 0; ; page++)
            {
                p["Per_Page_Counts"] = perPage;
                p["Page_Counts"] = page;
                object answer = MesLinkJson.Parse(Client.Call(callId, p));
                var obj = answer as Dictionary<string, object>;
                object data = obj != null && obj.TryGetValue("Data", out object d) ? d : answer;
                var rows = new List<object>();
                if (data is IList list) foreach (object row in list) rows.Add(row);
                else if (data != null) rows.Add(data);
                foreach (object row in rows) yield return row;
                seen += rows.Count;
                long? total = null;
                if (obj != null && obj.TryGetValue("Total_Numbers", out object tn) && tn != null
                    && long.TryParse(Convert.ToString(tn, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n))
                {
                    total = n;
                }
                if (rows.Count < perPage || (total.HasValue && seen >= total.Value)) yield break;
            }
        }
    }
}
