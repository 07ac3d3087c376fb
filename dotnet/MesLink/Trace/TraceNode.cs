using System.Collections.Generic;

namespace MesLink
{
    /// <summary>One node of a trace tree (an entry of <c>treeList</c> or of a node's <c>trees</c>).</summary>
    public sealed class TraceNode
    {
        /// <summary>stepCode: the production step.</summary>
        public string StepCode { get; private set; }
        /// <summary>type: ProductionReport (报工), MaterialConsumption (物料消耗), QualityControl (质检结果), ...</summary>
        public string Kind { get; private set; }
        /// <summary>uniqueCode: a work order, batch number, serial number, barcode, ...</summary>
        public string UniqueCode { get; private set; }
        /// <summary>from: how the node was reached (<c>DestUniqueCode</c>, <c>SameId</c>); null on roots.</summary>
        public string From { get; private set; }
        /// <summary>id: the server's record id; null on roots.</summary>
        public long? Id { get; private set; }
        /// <summary>trees: the nodes below (never null).</summary>
        public IReadOnlyList<TraceNode> Children { get; private set; }
        /// <summary>The node as JSON, fields the document does not name included.</summary>
        public string Raw { get; private set; }

        /// <summary>This node and every node below it, depth first.</summary>
        public IEnumerable<TraceNode> Walk()
        {
            yield return this;
            foreach (var child in Children)
                foreach (var n in child.Walk())
                    yield return n;
        }

        /// <summary>A node from its parsed JSON; children under <c>trees</c> or <c>children</c>, as an array or one object.</summary>
        internal static TraceNode FromJson(Dictionary<string, object> o)
        {
            object below;
            if (!o.TryGetValue("trees", out below) || below == null) o.TryGetValue("children", out below);
            var children = new List<TraceNode>();
            foreach (var child in Nodes(below)) children.Add(FromJson(child));
            object id;
            long? nodeId = null;
            if (o.TryGetValue("id", out id) && id != null)
            {
                long parsed;
                if (id is long l) nodeId = l;
                else if (id is string s && long.TryParse(s.Trim(), out parsed)) nodeId = parsed;
            }
            return new TraceNode
            {
                StepCode = MesLinkJson.GetString(o, "stepCode") ?? "",
                Kind = MesLinkJson.GetString(o, "type") ?? "",
                UniqueCode = MesLinkJson.GetString(o, "uniqueCode") ?? "",
                From = MesLinkJson.GetString(o, "from"),
                Id = nodeId,
                Children = children,
                Raw = MesLinkJson.Serialize(o),
            };
        }

        /// <summary>The objects of a node list: an array, a single object, or nothing.</summary>
        internal static IEnumerable<Dictionary<string, object>> Nodes(object list)
        {
            if (list is Dictionary<string, object> one)
            {
                yield return one;
            }
            else if (list is List<object> many)
            {
                foreach (var item in many)
                    if (item is Dictionary<string, object> node) yield return node;
            }
        }

        /// <summary>"Kind UniqueCode".</summary>
        public override string ToString() => Kind + " " + UniqueCode;
    }
}
