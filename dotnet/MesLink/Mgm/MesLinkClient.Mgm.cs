using System;
using System.Collections.Generic;

namespace MesLink
{
    // The machine-tool IoT platform's resource calls (seed 003), through the generic call:
    // the library gets and renews the access token and keeps to the platform's call limit
    // (200 a minute per app_key, shared by every client of the process) by itself.
    public sealed partial class MesLinkClient
    {
        /// <summary>
        /// <c>mgm.organization</c>: the factory tree this app may see, as its root
        /// (<see cref="OrgLevel.Factory"/>) with ordered <see cref="OrgNode.Children"/> down to
        /// the machines. Needs an <c>mgm</c> section (base_url with /v1, app_key, app_secret).
        /// </summary>
        /// <exception cref="MesLinkAuthException">The app was refused (ServerCode 3000–3013).</exception>
        /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
        public OrgNode MgmOrganization()
        {
            return OrgNode.FromJson(Call("mgm.organization", "null"));
        }

        /// <summary>
        /// <c>mgm.sys_info</c>: cnc_system, cnc_class and cnc_model of each machine in
        /// <paramref name="machineIds"/>, by machine id.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="machineIds"/> is null.</exception>
        /// <exception cref="ArgumentException">A machine id is null.</exception>
        /// <exception cref="MesLinkBusinessException">An unknown machine (ServerCode 3012).</exception>
        public Dictionary<string, SysInfo> MgmSysInfo(IEnumerable<string> machineIds)
        {
            if (machineIds == null) throw new ArgumentNullException(nameof(machineIds));
            var list = new List<object>();
            foreach (var id in machineIds)
            {
                if (id == null) throw new ArgumentException("a machine id is null", nameof(machineIds));
                list.Add(id);
            }
            var parameters = new Dictionary<string, object> { { "machine_list", list } };
            var answer = MesLinkJson.ParseObject(Call("mgm.sys_info", parameters));
            var result = new Dictionary<string, SysInfo>();
            foreach (var entry in answer) result[entry.Key] = SysInfo.From(entry.Value);
            return result;
        }
    }
}
