using System;
using System.Collections.Generic;
using System.Globalization;

namespace MesLink
{
    /// <summary>A level of the machine-tool platform's organization tree.</summary>
    public enum OrgLevel
    {
        /// <summary>The root (工厂).</summary>
        Factory,
        /// <summary>产区 / 厂区.</summary>
        Area,
        /// <summary>车间.</summary>
        Workshop,
        /// <summary>生产线.</summary>
        Line,
        /// <summary>A machine tool: a node with a <c>machine_id</c>, at any depth.</summary>
        Machine,
        /// <summary>Deeper than a line without being a machine (not in the document).</summary>
        Other,
    }

    /// <summary>
    /// One node of the organization tree (<c>mgm.organization</c>). The server nests nodes
    /// in <c>members</c> objects keyed "0", "1", ...; <see cref="Children"/> follows those
    /// keys in numeric order ("2" before "10"), and <see cref="Raw"/> keeps the node as the
    /// server sent it.
    /// </summary>
    public sealed class OrgNode
    {
        private static readonly OrgLevel[] ByDepth = { OrgLevel.Factory, OrgLevel.Area, OrgLevel.Workshop, OrgLevel.Line };

        /// <summary>The node's <c>id</c>; for a machine without one, its <c>machine_id</c>.</summary>
        public string Id { get; private set; }
        /// <summary>The node's <c>name</c> ("" when it has none).</summary>
        public string Name { get; private set; }
        public OrgLevel Level { get; private set; }
        /// <summary>Set on machines, null otherwise.</summary>
        public string MachineId { get; private set; }
        /// <summary>The node's key in its parent's <c>members</c> ("" for the root).</summary>
        public string Key { get; private set; }
        /// <summary><c>members</c>, ordered by their numeric keys.</summary>
        public IReadOnlyList<OrgNode> Children { get; private set; }
        /// <summary>The node as the server sent it (<c>members</c> included), parsed.</summary>
        public IReadOnlyDictionary<string, object> Raw { get; private set; }
        /// <summary>The node as JSON text.</summary>
        public string RawJson => MesLinkJson.Serialize(Raw);
        /// <summary><c>factory_id</c> of the answer (set on the root, "" elsewhere).</summary>
        public string FactoryId => Text(Raw, "factory_id");

        /// <summary>This node and every node below it, depth first in the children's order.</summary>
        public IEnumerable<OrgNode> Walk()
        {
            yield return this;
            foreach (var child in Children)
                foreach (var n in child.Walk())
                    yield return n;
        }

        /// <summary>Every machine at or below this node, in tree order.</summary>
        public List<OrgNode> Machines()
        {
            var list = new List<OrgNode>();
            foreach (var n in Walk())
                if (n.Level == OrgLevel.Machine) list.Add(n);
            return list;
        }

        /// <summary>The node whose id or machine id is <paramref name="id"/>, or null.</summary>
        public OrgNode Find(string id)
        {
            foreach (var n in Walk())
                if (n.Id == id || (n.MachineId != null && n.MachineId == id)) return n;
            return null;
        }

        public override string ToString() => Level.ToString().ToLowerInvariant() + " " + Name + " (" + Id + ")";

        internal static OrgNode FromJson(string json)
        {
            Dictionary<string, object> o;
            try
            {
                o = MesLinkJson.ParseObject(json);
            }
            catch (MesLinkJsonException e)
            {
                throw new MesLinkProtocolException((int)MesLinkStatus.Protocol, "protocol",
                    "mgm.organization: the answer is not a JSON object: " + e.Message, "mgm.organization");
            }
            return Build(o, "", 0);
        }

        private static OrgNode Build(Dictionary<string, object> raw, string key, int depth)
        {
            object machine;
            string machineId = raw.TryGetValue("machine_id", out machine) && machine != null ? Scalar(machine) : null;
            string id = Text(raw, "id");
            if (id.Length == 0) id = machineId ?? (depth == 0 ? Text(raw, "factory_id") : "");
            var children = new List<OrgNode>();
            foreach (var member in Members(raw))
            {
                var child = member.Value as Dictionary<string, object>;
                if (child != null) children.Add(Build(child, member.Key, depth + 1));
            }
            return new OrgNode
            {
                Id = id,
                Name = Text(raw, "name"),
                Level = machineId != null ? OrgLevel.Machine : depth < ByDepth.Length ? ByDepth[depth] : OrgLevel.Other,
                MachineId = machineId,
                Key = key,
                Children = children.AsReadOnly(),
                Raw = raw,
            };
        }

        /// <summary><c>members</c> as (key, node) pairs in numeric key order; an array keeps its order.</summary>
        private static List<KeyValuePair<string, object>> Members(Dictionary<string, object> raw)
        {
            var list = new List<KeyValuePair<string, object>>();
            object members;
            if (!raw.TryGetValue("members", out members) || members == null) return list;
            var map = members as Dictionary<string, object>;
            if (map != null)
            {
                list.AddRange(map);
                list.Sort((a, b) => CompareKeys(a.Key, b.Key));
                return list;
            }
            var array = members as List<object>;
            if (array != null)
                for (int i = 0; i < array.Count; i++)
                    list.Add(new KeyValuePair<string, object>(i.ToString(CultureInfo.InvariantCulture), array[i]));
            return list;
        }

        private static int CompareKeys(string a, string b)
        {
            ulong x, y;
            bool nx = ulong.TryParse(a.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out x);
            bool ny = ulong.TryParse(b.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out y);
            if (nx && ny) return x.CompareTo(y);
            if (nx) return -1;
            if (ny) return 1;
            return string.CompareOrdinal(a, b);
        }

        internal static string Text(IReadOnlyDictionary<string, object> raw, string key)
        {
            object v;
            return raw.TryGetValue(key, out v) && v != null ? Scalar(v) : "";
        }

        private static string Scalar(object v)
        {
            var s = v as string;
            if (s != null) return s;
            if (v is double) return ((double)v).ToString("R", CultureInfo.InvariantCulture);
            if (v is bool) return (bool)v ? "true" : "false";
            var f = v as IFormattable;
            return f != null ? f.ToString(null, CultureInfo.InvariantCulture) : MesLinkJson.Serialize(v);
        }
    }

    /// <summary>One machine's metadata (<c>mgm.sys_info</c>).</summary>
    public sealed class SysInfo
    {
        /// <summary>cnc_system: cnc 系统型号 (系列).</summary>
        public string CncSystem { get; private set; }
        /// <summary>cnc_class: cnc 系统类型.</summary>
        public string CncClass { get; private set; }
        /// <summary>cnc_model: 机床型号.</summary>
        public string CncModel { get; private set; }
        /// <summary>The record as the server sent it, parsed.</summary>
        public IReadOnlyDictionary<string, object> Raw { get; private set; }

        internal static SysInfo From(object value)
        {
            var raw = value as Dictionary<string, object> ?? new Dictionary<string, object>();
            return new SysInfo
            {
                CncSystem = OrgNode.Text(raw, "cnc_system"),
                CncClass = OrgNode.Text(raw, "cnc_class"),
                CncModel = OrgNode.Text(raw, "cnc_model"),
                Raw = raw,
            };
        }

        public override string ToString() => CncSystem + " " + CncClass + " " + CncModel;
    }
}
