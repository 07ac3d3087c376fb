using System;
using System.Runtime.InteropServices;
using System.Threading;
using MesLink.Native;

namespace MesLink
{
    /// <summary>
    /// Owns one native stream or transfer id; releasing it closes the native object. Like
    /// <see cref="MesLinkClientHandle"/>, every call holds a reference for its duration, so a
    /// Dispose from another thread closes the native object only after calls in flight return.
    /// </summary>
    public abstract class MesLinkObjectHandle : SafeHandle
    {
        protected MesLinkObjectHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid => handle == IntPtr.Zero;

        /// <summary>The native id (0 when not open).</summary>
        public int Id => (int)(long)handle;

        internal void SetId(int id) => SetHandle(new IntPtr(id));

        /// <summary>The native close of this kind of object.</summary>
        protected abstract int CloseNative(int id);

        protected override bool ReleaseHandle()
        {
            int rc = CloseNative(Id);
            return rc == NativeMethods.MESLINK_OK || rc == NativeMethods.MESLINK_E_INVALID_HANDLE;
        }
    }

    /// <summary>A native stream id (<c>meslink_stream_open</c> / <c>meslink_stream_close</c>).</summary>
    public sealed class MesLinkStreamHandle : MesLinkObjectHandle
    {
        protected override int CloseNative(int id) => NativeMethods.meslink_stream_close(id);
    }

    /// <summary>A native transfer id (<c>meslink_transfer_start</c> / <c>meslink_transfer_close</c>).</summary>
    public sealed class MesLinkTransferHandle : MesLinkObjectHandle
    {
        protected override int CloseNative(int id) => NativeMethods.meslink_transfer_close(id);
    }

    /// <summary>
    /// The Dispose bookkeeping of a stream or transfer: the handle, the disposed flag and the
    /// reference held around each native call (the pattern of <see cref="MesLinkClient"/>).
    /// </summary>
    internal sealed class HandleGuard
    {
        private readonly MesLinkObjectHandle _handle;
        private readonly string _owner;
        private int _disposed;

        internal HandleGuard(MesLinkObjectHandle handle, string owner)
        {
            _handle = handle;
            _owner = owner;
        }

        internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        /// <summary>Marks the object disposed and releases the handle; true the first time.</summary>
        internal bool Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return false;
            _handle.Dispose();
            return true;
        }

        /// <summary>Runs <paramref name="body"/> with the native id, the handle held for the call.</summary>
        /// <exception cref="ObjectDisposedException">The object is disposed.</exception>
        internal T With<T>(Func<int, T> body)
        {
            bool added = false;
            try
            {
                if (IsDisposed) throw new ObjectDisposedException(_owner);
                try
                {
                    _handle.DangerousAddRef(ref added);
                }
                catch (ObjectDisposedException)
                {
                    throw new ObjectDisposedException(_owner);
                }
                if (IsDisposed) throw new ObjectDisposedException(_owner);
                try
                {
                    return body(_handle.Id);
                }
                catch (MesLinkInvalidHandleException) when (IsDisposed || _handle.IsClosed)
                {
                    throw new ObjectDisposedException(_owner);
                }
            }
            finally
            {
                if (added) _handle.DangerousRelease();
            }
        }
    }

    /// <summary>Timeouts of the poll exports, in milliseconds.</summary>
    internal static class PollTimeout
    {
        /// <summary>
        /// <paramref name="timeout"/> as milliseconds for one native wait; an infinite timeout
        /// (<see cref="Timeout.InfiniteTimeSpan"/>) gives -1 (the caller loops).
        /// </summary>
        internal static long Milliseconds(TimeSpan timeout, string name)
        {
            if (timeout == Timeout.InfiniteTimeSpan) return -1;
            if (timeout < TimeSpan.Zero || timeout.TotalMilliseconds > uint.MaxValue)
                throw new ArgumentOutOfRangeException(name, "a timeout is 0 or more (or Timeout.InfiniteTimeSpan)");
            return (long)Math.Ceiling(timeout.TotalMilliseconds);
        }
    }
}
