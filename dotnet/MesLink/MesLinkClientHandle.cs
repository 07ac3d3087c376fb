using System;
using System.Runtime.InteropServices;
using MesLink.Native;

namespace MesLink
{
    /// <summary>
    /// Owns one native client id (<c>meslink_client_open</c>); releasing it calls
    /// <c>meslink_client_close</c>. The id is stored in the handle field (ids are positive
    /// <c>int32</c>; 0 is never valid).
    ///
    /// Every call takes a reference (<see cref="SafeHandle.DangerousAddRef"/>) for its whole
    /// duration, so a Dispose from another thread, or the finalizer, closes the native client
    /// only after the calls in flight have returned, and a later call sees a closed handle
    /// (<see cref="ObjectDisposedException"/>) instead of a stale id.
    /// </summary>
    public sealed class MesLinkClientHandle : SafeHandle
    {
        /// <summary>An empty (invalid) handle; the wrapper fills it in after a successful open.</summary>
        public MesLinkClientHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid => handle == IntPtr.Zero;

        /// <summary>The native client id (0 when not open).</summary>
        public int Id => (int)(long)handle;

        internal void SetId(int id) => SetHandle(new IntPtr(id));

        protected override bool ReleaseHandle()
        {
            // MESLINK_E_INVALID_HANDLE would mean someone closed the id behind our back;
            // either way nothing is left to free.
            int rc = NativeMethods.meslink_client_close(Id);
            return rc == NativeMethods.MESLINK_OK || rc == NativeMethods.MESLINK_E_INVALID_HANDLE;
        }
    }
}
