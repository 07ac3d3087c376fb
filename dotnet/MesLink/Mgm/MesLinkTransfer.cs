using System;
using System.Threading;
using MesLink.Native;

namespace MesLink
{
    /// <summary>
    /// A file transfer (<c>mgm.file_transfer</c>) running in the background, started with
    /// <see cref="MesLinkClient.StartMgmTransfer"/>. The file is read one chunk at a time; a
    /// transfer that was cut resumes from the server's <c>file_seek</c>.
    ///
    /// Follow it by polling <see cref="Progress"/>, by waiting (<see cref="Wait(TimeSpan)"/>) or
    /// through <see cref="ProgressChanged"/>. Thread-safe. <see cref="Dispose"/> cancels a
    /// transfer that is still running.
    /// </summary>
    public sealed unsafe class MesLinkTransfer : IDisposable
    {
        /// <summary>The longest single native wait: a Dispose is noticed within this.</summary>
        private const uint SliceMs = 250;
        /// <summary>How often the progress reader looks at the byte count.</summary>
        private const uint ProgressPollMs = 50;

        private readonly HandleGuard _guard;
        private readonly object _readerLock = new object();
        private EventHandler<MgmTransferProgressEventArgs> _progressChanged;
        private Thread _reader;

        internal MesLinkTransfer(MesLinkTransferHandle handle)
        {
            _guard = new HandleGuard(handle, nameof(MesLinkTransfer));
        }

        public bool IsDisposed => _guard.IsDisposed;

        /// <summary>
        /// Raised on this transfer's reader thread whenever the byte count changes (at most about
        /// every 50 ms) and once at the end, with <see cref="MgmTransferProgress.Finished"/> set or
        /// <see cref="MgmTransferProgress.Error"/> holding the failure; nothing after that.
        /// Attaching the first handler starts the reader. Exceptions thrown by a handler are
        /// swallowed (they must not end the process from a background thread).
        /// </summary>
        public event EventHandler<MgmTransferProgressEventArgs> ProgressChanged
        {
            add
            {
                lock (_readerLock)
                {
                    _progressChanged += value;
                    if (_reader == null && !IsDisposed)
                    {
                        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "MesLink transfer progress" };
                        _reader.Start();
                    }
                }
            }
            remove
            {
                lock (_readerLock) _progressChanged -= value;
            }
        }

        /// <summary>
        /// The progress now; never blocks and never throws for the transfer's own failure (see
        /// <see cref="MgmTransferProgress.Error"/>). <see cref="MgmTransferProgress.FileId"/> and
        /// <see cref="MgmTransferProgress.RequestId"/> are set once finished.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The transfer is disposed.</exception>
        public MgmTransferProgress Progress => _guard.With(ProgressOf);

        /// <summary>
        /// Waits up to <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/>: until the
        /// end) and returns the final progress, or null if the transfer is still running.
        /// </summary>
        /// <exception cref="MesLinkException">The transfer failed: <see cref="MesLinkBusinessException"/>
        /// with the server's 7xx code in ServerCode, <see cref="MesLinkTransportException"/>, ...;
        /// <see cref="MesLinkClosedException"/> once cancelled.</exception>
        /// <exception cref="ObjectDisposedException">The transfer is disposed.</exception>
        public MgmTransferProgress Wait(TimeSpan timeout)
        {
            long total = PollTimeout.Milliseconds(timeout, nameof(timeout));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                long left = total < 0 ? SliceMs : Math.Max(0, total - watch.ElapsedMilliseconds);
                string json = _guard.With(id => WaitNative(id, (uint)Math.Min(left, SliceMs)));
                if (json != null) return MgmTransferProgress.FromJson(json);
                if (total >= 0 && watch.ElapsedMilliseconds >= total) return null;
            }
        }

        /// <summary>
        /// Stops sending; <see cref="Wait(TimeSpan)"/> then throws <see cref="MesLinkClosedException"/>
        /// (unless it finished first). The server keeps what it got: sending the same file again resumes.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The transfer is disposed.</exception>
        public void Cancel()
        {
            _guard.With(id =>
            {
                NativeText.Check(NativeMethods.meslink_transfer_cancel(id));
                return 0;
            });
        }

        /// <summary>
        /// Frees the native transfer, cancelling it if it is still running, and stops the progress
        /// reader (no handler runs after Dispose returns unless it is called from one). Idempotent.
        /// </summary>
        public void Dispose()
        {
            if (!_guard.Dispose()) return;
            Thread reader;
            lock (_readerLock) reader = _reader;
            if (reader != null && reader != Thread.CurrentThread) reader.Join();
        }

        /// <summary>The result JSON when finished, null while running; throws the failure.</summary>
        private static string WaitNative(int id, uint ms)
        {
            int rc = NativeMethods.MESLINK_OK;
            string result = NativeText.CallForAnswer((buf, cap, len) =>
            {
                rc = NativeMethods.meslink_transfer_wait(id, ms, buf, cap, len);
                // PENDING is not an error: the (empty) answer is ignored below.
                return rc == NativeMethods.MESLINK_PENDING ? NativeMethods.MESLINK_OK : rc;
            });
            return rc == NativeMethods.MESLINK_PENDING ? null : result;
        }

        private static MgmTransferProgress ProgressOf(int id)
        {
            ulong sent = 0, total = 0;
            int rc = NativeMethods.meslink_transfer_progress(id, &sent, &total);
            if (rc == NativeMethods.MESLINK_OK)
            {
                string json = WaitNative(id, 0);
                if (json != null) return MgmTransferProgress.FromJson(json);
            }
            var p = new MgmTransferProgress { Sent = (long)sent, Total = (long)total };
            if (rc == NativeMethods.MESLINK_E_INVALID_HANDLE) throw NativeText.LastError(rc);
            if (rc < 0) p.Error = NativeText.LastError(rc);
            return p;
        }

        private void ReadLoop()
        {
            long lastSent = -1, lastTotal = -1;
            while (!IsDisposed)
            {
                MgmTransferProgress p;
                try
                {
                    p = _guard.With(id =>
                    {
                        // Returns early at the end; otherwise paces the loop.
                        string done;
                        try
                        {
                            done = WaitNative(id, ProgressPollMs);
                        }
                        catch (MesLinkException)
                        {
                            done = null; // the failure is read by ProgressOf below
                        }
                        return done != null ? MgmTransferProgress.FromJson(done) : ProgressOf(id);
                    });
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (MesLinkException ex)
                {
                    p = new MgmTransferProgress { Error = ex };
                }
                bool end = p.Finished || p.Error != null;
                if (!end && p.Sent == lastSent && p.Total == lastTotal) continue;
                lastSent = p.Sent;
                lastTotal = p.Total;
                EventHandler<MgmTransferProgressEventArgs> handlers;
                lock (_readerLock) handlers = _progressChanged;
                try
                {
                    handlers?.Invoke(this, new MgmTransferProgressEventArgs(p));
                }
                catch (Exception)
                {
                    // See ProgressChanged: a handler's exception must not end the process.
                }
                if (end) break;
            }
            lock (_readerLock) _reader = null;
        }
    }
}
