using System.Collections.Generic;

namespace MesLink
{
    // What the generated models (Generated/Models.g.cs) do beyond holding their fields.

    public sealed partial class OrgNode
    {
        /// <summary><c>factory_id</c> of the answer (set on the root).</summary>
        public string FactoryId
        {
            get
            {
                var raw = Raw == null ? null : MesLinkJson.Parse(Raw) as Dictionary<string, object>;
                return raw == null ? null : MesLinkWire.Text(raw, "factory_id");
            }
        }

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

        /// <summary>"machine name (id)".</summary>
        public override string ToString() => Level.ToWire() + " " + Name + " (" + Id + ")";
    }

    public sealed partial class TraceNode
    {
        /// <summary>This node and every node below it, depth first.</summary>
        public IEnumerable<TraceNode> Walk()
        {
            yield return this;
            foreach (var child in Children)
                foreach (var n in child.Walk())
                    yield return n;
        }

        /// <summary>"type uniqueCode".</summary>
        public override string ToString() => Kind + " " + UniqueCode;
    }

    public sealed partial class TraceResult
    {
        /// <summary>Every node of every tree, depth first.</summary>
        public IEnumerable<TraceNode> Nodes()
        {
            foreach (var root in TreeList)
                foreach (var n in root.Walk())
                    yield return n;
        }
    }

    public sealed partial class SnDetail
    {
        /// <summary>"rule: serial (count/target)".</summary>
        public override string ToString() => FunctionName + ": " + SerialNumber + " (" + SnQty + "/" + TargetQty + ")";
    }

    public sealed partial class SysInfo
    {
        /// <summary>"system class model".</summary>
        public override string ToString() => CncSystem + " " + CncClass + " " + CncModel;
    }
}
