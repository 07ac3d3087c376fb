using System;
using MesLink.Native;

namespace MesLink
{
    public sealed unsafe partial class MesLinkClient
    {
        // ---- the store-and-forward spool ----------------------------------------------------

        /// <summary>
        /// The store-and-forward spool of the <c>"spool"</c> configuration section
        /// (<c>{"spool":{"path":"station-spool.db","max_attempts":0,"backoff_initial_ms":200,"backoff_max_ms":30000,
        /// "park_after_attempts":5,"park_after_s":30,"park_retry_s":60}}</c>).
        /// Its methods throw <see cref="MesLinkInvalidArgumentException"/> ("no spool configured")
        /// when the client has none, and when its spool could not be opened (direct calls still work).
        /// </summary>
        public MesLinkSpool Spool => new MesLinkSpool(this);

        internal long SpoolEnqueue(string callId, string paramsJson)
        {
            byte[] id = NativeText.ToUtf8Z(callId, nameof(callId));
            byte[] prm = NativeText.ToUtf8Z(paramsJson ?? "{}", "parameters");
            return WithClient(client =>
            {
                long seq = 0;
                int rc;
                fixed (byte* pId = id)
                fixed (byte* pPrm = prm)
                {
                    rc = NativeMethods.meslink_spool_enqueue(client, pId, pPrm, &seq);
                }
                NativeText.Check(rc);
                return seq;
            });
        }

        internal string SpoolStatusJson()
        {
            return Answer((client, buf, cap, len) => NativeMethods.meslink_spool_status(client, buf, cap, len));
        }

        internal string SpoolListJson(string which, int limit)
        {
            if (limit < 0) throw new ArgumentOutOfRangeException(nameof(limit), "limit must be >= 0");
            byte[] w = NativeText.ToUtf8Z(which, nameof(which));
            return Answer((client, buf, cap, len) =>
            {
                fixed (byte* pW = w)
                {
                    return NativeMethods.meslink_spool_list(client, pW, (uint)limit, buf, cap, len);
                }
            });
        }

        internal void SpoolAct(long seq, bool retry)
        {
            WithClient(client =>
            {
                NativeText.Check(retry
                    ? NativeMethods.meslink_spool_retry(client, seq)
                    : NativeMethods.meslink_spool_discard(client, seq));
                return 0;
            });
        }

        internal bool SpoolDrain(TimeSpan timeout)
        {
            if (timeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "timeout must be >= 0");
            double ms = Math.Min(timeout.TotalMilliseconds, uint.MaxValue);
            return WithClient(client =>
            {
                int rc = NativeMethods.meslink_spool_drain(client, (uint)ms);
                if (rc == NativeMethods.MESLINK_E_TIMEOUT) return false;
                NativeText.Check(rc);
                return true;
            });
        }
    }
}
