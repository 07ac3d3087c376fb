using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using MesLink.Native;

namespace MesLink
{
    /// <summary>
    /// A live stream of machine events (<c>mgm.realtime</c>), opened with
    /// <see cref="MesLinkClient.OpenMgmStream(MgmStreamOptions, string[])"/>. Token expiry,
    /// dropped connections, reconnecting and subscribing again happen inside the library: the
    /// reader sees <see cref="MgmReconnectingEvent"/> / <see cref="MgmReconnectedEvent"/> between
    /// the data, and the stream never ends until it is disposed.
    ///
    /// Two ways to read, not both at once:
    /// <list type="bullet">
    /// <item>push: attach a handler to <see cref="EventReceived"/>; a reader thread of this
    /// object polls the native stream and raises the event on that thread, in order;</item>
    /// <item>pull: call <see cref="Next(TimeSpan)"/> from any thread.</item>
    /// </list>
    /// Thread-safe. <see cref="Dispose"/> may run on any thread, also inside a handler.
    /// </summary>
    /// <example><code>
    /// using (var stream = mes.OpenMgmStream("8wCxAAAAAAABAAA="))
    /// {
    ///     stream.EventReceived += (s, e) => Console.WriteLine(e.Event.RawJson);
    ///     Thread.Sleep(10000);
    /// }
    /// </code></example>
    public sealed unsafe class MesLinkStream : IDisposable
    {
        /// <summary>The longest single native wait: a Dispose is noticed within this.</summary>
        private const uint SliceMs = 250;

        private readonly HandleGuard _guard;
        private readonly object _readerLock = new object();
        private EventHandler<MgmEventArgs> _eventReceived;
        private Thread _reader;
        /// <summary>Events the reader polled while the last handler went away; Next hands them out first.</summary>
        private readonly ConcurrentQueue<MgmEvent> _held = new ConcurrentQueue<MgmEvent>();

        [ThreadStatic] private static byte[] _buffer;

        internal MesLinkStream(MesLinkStreamHandle handle)
        {
            _guard = new HandleGuard(handle, nameof(MesLinkStream));
        }

        /// <summary>Whether <see cref="Dispose"/> has run.</summary>
        public bool IsDisposed => _guard.IsDisposed;

        /// <summary>
        /// Raised on this stream's reader thread for every event, in order. Attaching the first
        /// handler starts the reader; while it runs, <see cref="Next(TimeSpan)"/> is refused.
        /// Handlers should return quickly (events queue meanwhile). An exception thrown by a
        /// handler does not stop the reader: it is passed to <see cref="HandlerFailed"/>.
        /// </summary>
        public event EventHandler<MgmEventArgs> EventReceived
        {
            add
            {
                lock (_readerLock)
                {
                    _eventReceived += value;
                    if (_reader == null && !IsDisposed)
                    {
                        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "MesLink stream reader" };
                        _reader.Start();
                    }
                }
            }
            remove
            {
                lock (_readerLock) _eventReceived -= value;
            }
        }

        /// <summary>An <see cref="EventReceived"/> handler threw (the argument's ExceptionObject), or the reader stopped on an error.</summary>
        public event EventHandler<UnhandledExceptionEventArgs> HandlerFailed;

        /// <summary>Follows <paramref name="machineId"/> from now on (remembered across reconnects; a machine already followed is not followed twice).</summary>
        /// <exception cref="MesLinkInvalidArgumentException">An empty id.</exception>
        /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
        public void Subscribe(string machineId)
        {
            byte[] id = NativeText.ToUtf8Z(machineId, nameof(machineId));
            _guard.With(stream =>
            {
                int rc;
                fixed (byte* p = id) rc = NativeMethods.meslink_stream_subscribe(stream, p);
                NativeText.Check(rc);
                return 0;
            });
        }

        /// <summary>Follows every machine of <paramref name="machineIds"/>.</summary>
        public void Subscribe(IEnumerable<string> machineIds)
        {
            if (machineIds == null) throw new ArgumentNullException(nameof(machineIds));
            foreach (var id in machineIds) Subscribe(id);
        }

        /// <summary>
        /// The next event, waiting up to <paramref name="timeout"/> (<see cref="TimeSpan.Zero"/>: no
        /// wait; <see cref="Timeout.InfiniteTimeSpan"/>: until one comes); null when none came in time.
        /// </summary>
        /// <exception cref="InvalidOperationException">Handlers are attached to <see cref="EventReceived"/>.</exception>
        /// <exception cref="ObjectDisposedException">The stream is disposed (also while waiting).</exception>
        public MgmEvent Next(TimeSpan timeout)
        {
            long total = PollTimeout.Milliseconds(timeout, nameof(timeout));
            Thread leaving;
            lock (_readerLock)
            {
                if (_eventReceived != null)
                    throw new InvalidOperationException("EventReceived has handlers: this stream's events go to them; remove them to call Next");
                leaving = _reader;
            }
            // The last handler went away and the reader is finishing its poll (an event it
            // takes meanwhile is kept for us): wait for it, unless we are it.
            if (leaving != null && leaving != Thread.CurrentThread) leaving.Join();
            MgmEvent held;
            if (_held.TryDequeue(out held)) return held;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                long left = total < 0 ? SliceMs : Math.Max(0, total - watch.ElapsedMilliseconds);
                MgmEvent e = Poll((uint)Math.Min(left, SliceMs));
                if (e != null) return e;
                if (total >= 0 && watch.ElapsedMilliseconds >= total) return null;
            }
        }

        /// <summary>The stream's counters now.</summary>
        /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
        public MgmStreamStats Stats
        {
            get
            {
                string json = _guard.With(stream =>
                    NativeText.CallForAnswer((buf, cap, len) => NativeMethods.meslink_stream_stats(stream, buf, cap, len)));
                return MgmStreamStats.FromJson(json);
            }
        }

        /// <summary>
        /// Disconnects and frees the native stream. Waiting <see cref="Next(TimeSpan)"/> calls
        /// throw <see cref="ObjectDisposedException"/>; the reader thread stops, and unless this
        /// is called from a handler, no handler runs after Dispose returns. Idempotent.
        /// </summary>
        public void Dispose()
        {
            if (!_guard.Dispose()) return;
            Thread reader;
            lock (_readerLock) reader = _reader;
            if (reader != null && reader != Thread.CurrentThread) reader.Join();
        }

        /// <summary>One native wait of up to <paramref name="ms"/>: an event or null.</summary>
        private MgmEvent Poll(uint ms)
        {
            string json = _guard.With(stream =>
            {
                byte[] buf = _buffer ?? (_buffer = new byte[16384]);
                uint len = 0;
                int rc;
                fixed (byte* p = buf)
                {
                    rc = NativeMethods.meslink_stream_next(stream, ms, p, (uint)buf.Length, &len);
                    if (rc == NativeMethods.MESLINK_OK) return NativeText.FromUtf8(p, len);
                }
                switch (rc)
                {
                    case NativeMethods.MESLINK_NO_EVENT: return null;
                    case NativeMethods.MESLINK_CLOSED: throw new ObjectDisposedException(nameof(MesLinkStream));
                    case NativeMethods.MESLINK_E_BUFFER_TOO_SMALL: return NativeText.FetchKept(len);
                    default: throw NativeText.LastError(rc);
                }
            });
            return json == null ? null : MgmEvent.Parse(json);
        }

        private void ReadLoop()
        {
            while (!IsDisposed)
            {
                lock (_readerLock)
                {
                    if (_eventReceived == null)
                    {
                        _reader = null;
                        return;
                    }
                }
                MgmEvent e;
                try
                {
                    e = Poll(SliceMs);
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (Exception ex)
                {
                    Report(ex);
                    break;
                }
                if (e == null) continue;
                EventHandler<MgmEventArgs> handlers;
                lock (_readerLock) handlers = _eventReceived;
                if (handlers == null)
                {
                    // The last handler went away during the poll: keep the event for Next;
                    // the loop ends at its top.
                    _held.Enqueue(e);
                    continue;
                }
                try
                {
                    handlers(this, new MgmEventArgs(e));
                }
                catch (Exception ex)
                {
                    Report(ex);
                }
            }
            lock (_readerLock) _reader = null;
        }

        private void Report(Exception ex)
        {
            try
            {
                HandlerFailed?.Invoke(this, new UnhandledExceptionEventArgs(ex, false));
            }
            catch (Exception)
            {
                // A failing error handler must not take the process down from a background thread.
            }
        }
    }
}
