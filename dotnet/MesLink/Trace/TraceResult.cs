using System.Collections.Generic;

namespace MesLink
{
    /// <summary>
    /// The answer of <c>trace.query</c>: the tree list typed, the <c>data</c> string exactly
    /// as the server sent it, and the whole answer as <see cref="MesLinkClient.Call(string, string)"/>
    /// returns it (<c>data</c> replaced by the parsed tree, the string kept as <c>data_raw</c>).
    /// </summary>
    public sealed class TraceResult
    {
        /// <summary>The answer's id.</summary>
        public string Id { get; private set; }
        /// <summary>The answer's code (200).</summary>
        public long Code { get; private set; }
        /// <summary>treeList: the root nodes (never null).</summary>
        public IReadOnlyList<TraceNode> TreeList { get; private set; }
        /// <summary>The <c>data</c> string exactly as the server sent it ("" when it sent none).</summary>
        public string DataRaw { get; private set; }
        /// <summary>The whole answer as JSON.</summary>
        public string Raw { get; private set; }

        /// <summary>Every node of every tree, depth first.</summary>
        public IEnumerable<TraceNode> Nodes()
        {
            foreach (var root in TreeList)
                foreach (var n in root.Walk())
                    yield return n;
        }

        internal static TraceResult FromJson(string json)
        {
            var o = MesLinkJson.ParseObject(json);
            object data, list = null;
            if (o.TryGetValue("data", out data) && data is Dictionary<string, object> tree)
                tree.TryGetValue("treeList", out list);
            var roots = new List<TraceNode>();
            foreach (var node in TraceNode.Nodes(list)) roots.Add(TraceNode.FromJson(node));
            long code = MesLinkJson.GetInt64(o, "code");
            return new TraceResult
            {
                Id = MesLinkJson.GetString(o, "id") ?? "",
                Code = code == 0 ? 200 : code,
                TreeList = roots,
                DataRaw = MesLinkJson.GetString(o, "data_raw") ?? "",
                Raw = json,
            };
        }
    }
}
