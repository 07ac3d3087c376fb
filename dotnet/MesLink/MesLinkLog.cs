// TraceSource.TraceEvent is [Conditional("TRACE")]: defined here so that builds without
// TRACE (mcs without -define:TRACE) still trace the records.
#define TRACE

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using MesLink.Native;

namespace MesLink
{
    /// <summary>The level of meslink's log records, from the least to the most verbose.</summary>
    public enum MesLinkLogLevel
    {
        /// <summary>No records (the initial state).</summary>
        Off = 0,
        /// <summary>Failures meslink could not work around (a damaged spool file).</summary>
        Error = 1,
        /// <summary>Trouble worked around: TLS checking off, a parked spool record, a lost stream session.</summary>
        Warn = 2,
        /// <summary>Retries, logins and re-logins, token renewals, reconnects, spool retries.</summary>
        Info = 3,
        /// <summary>Every answer's status and size, deliveries of spooled records.</summary>
        Debug = 4,
        /// <summary>Everything meslink logs.</summary>
        Trace = 5,
    }

    /// <summary>One log record of meslink. Records never hold a password, secret, token or cookie.</summary>
    public sealed class MesLinkLogRecord
    {
        /// <summary>When it was logged (UTC).</summary>
        public DateTime Time { get; private set; }
        /// <summary>Its level.</summary>
        public MesLinkLogLevel Level { get; private set; }
        /// <summary><c>meslink.ate</c>, <c>meslink.mgm</c>, ... for a record of a call; else the part of meslink (<c>meslink.spool</c>, <c>meslink.tls</c>, <c>meslink</c>).</summary>
        public string Target { get; private set; }
        /// <summary>The message, with its fields as <c>name=value</c>.</summary>
        public string Message { get; private set; }
        /// <summary>The call id (<c>ate.sn_detail.get</c>), or null.</summary>
        public string CallId { get; private set; }
        /// <summary>The native handle of the client, or null.</summary>
        public long? Client { get; private set; }
        /// <summary>Records dropped just before this one because the native queue was full.</summary>
        public long Dropped { get; private set; }
        /// <summary>The record as the native library wrote it.</summary>
        public string Json { get; private set; }

        internal static MesLinkLogRecord Parse(string json)
        {
            Dictionary<string, object> o = MesLinkJson.ParseObject(json);
            DateTime time;
            DateTime.TryParse(MesLinkJson.GetString(o, "time"), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
            object client;
            o.TryGetValue("client", out client);
            return new MesLinkLogRecord
            {
                Time = time,
                Level = ParseLevel(MesLinkJson.GetString(o, "level")),
                Target = MesLinkJson.GetString(o, "target"),
                Message = MesLinkJson.GetString(o, "message"),
                CallId = MesLinkJson.GetString(o, "call"),
                Client = client is long l ? l : (long?)null,
                Dropped = MesLinkJson.GetInt64(o, "dropped"),
                Json = json,
            };
        }

        private static MesLinkLogLevel ParseLevel(string level)
        {
            switch (level)
            {
                case "error": return MesLinkLogLevel.Error;
                case "warn": return MesLinkLogLevel.Warn;
                case "info": return MesLinkLogLevel.Info;
                case "debug": return MesLinkLogLevel.Debug;
                default: return MesLinkLogLevel.Trace;
            }
        }

        /// <summary><c>info meslink.ate [ate.sn_detail.get] retrying ...</c></summary>
        public override string ToString() =>
            Level.ToString().ToLowerInvariant() + " " + Target + (CallId == null ? "" : " [" + CallId + "]") + " " + Message;
    }

    /// <summary>The argument of <see cref="MesLinkLog.Received"/>.</summary>
    public sealed class MesLinkLogEventArgs : EventArgs
    {
        internal MesLinkLogEventArgs(MesLinkLogRecord record) { Record = record; }
        /// <summary>The record.</summary>
        public MesLinkLogRecord Record { get; }
    }

    /// <summary>
    /// meslink's log records in .NET: set <see cref="Level"/>, then every record up to it
    /// raises <see cref="Received"/> and is traced on <see cref="Source"/>
    /// (<c>TraceSource("MesLink")</c>: Error, Warning, Information, Verbose).
    /// </summary>
    /// <remarks>
    /// A background thread of this class reads a native log queue of its own
    /// (<c>meslink_log_queue_open</c>, <c>meslink_log_queue_next</c>: LabVIEW or C code polling
    /// <c>meslink_log_next</c> in the same process still gets every record) and raises the
    /// event; the native library never calls into managed code. A handler that throws is reported on <see cref="HandlerFailed"/> and
    /// the reader goes on; a handler may call meslink (its records follow). Process-wide,
    /// like the native log source; thread-safe.
    /// <code>
    ///     MesLinkLog.Received += (s, e) => Console.WriteLine(e.Record);
    ///     MesLinkLog.Level = MesLinkLogLevel.Info;
    /// </code>
    /// </remarks>
    public static unsafe class MesLinkLog
    {
        private const uint SliceMs = 200;
        private static readonly object Gate = new object();
        private static MesLinkLogLevel _level;
        private static Thread _reader;
        /// <summary>The native queue while <see cref="Level"/> is not Off, else 0.</summary>
        private static int _queue;
        /// <summary>The records the native queue holds at most.</summary>
        private const uint QueueCapacity = 4096;
        private static long _dropped;

        /// <summary>The trace source named "MesLink" every record is traced on (configure its listeners and switch as usual).</summary>
        public static TraceSource Source { get; } = new TraceSource("MesLink", SourceLevels.All);

        /// <summary>Raised on the reader thread for every record.</summary>
        public static event EventHandler<MesLinkLogEventArgs> Received;

        /// <summary>A <see cref="Received"/> handler or a trace listener threw (the argument's ExceptionObject).</summary>
        public static event UnhandledExceptionEventHandler HandlerFailed;

        /// <summary>The most verbose level forwarded; <see cref="MesLinkLogLevel.Off"/> (the initial value) stops the reader.</summary>
        public static MesLinkLogLevel Level
        {
            get { lock (Gate) return _level; }
            set
            {
                lock (Gate)
                {
                    if (value == MesLinkLogLevel.Off)
                    {
                        if (_queue != 0) NativeText.Check(NativeMethods.meslink_log_queue_set_level(_queue, 0));
                    }
                    else if (_queue == 0)
                    {
                        int queue = 0;
                        NativeText.Check(NativeMethods.meslink_log_queue_open((int)value, QueueCapacity, &queue));
                        _queue = queue;
                    }
                    else
                    {
                        NativeText.Check(NativeMethods.meslink_log_queue_set_level(_queue, (int)value));
                    }
                    _level = value;
                    if (value != MesLinkLogLevel.Off && _reader == null)
                    {
                        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "MesLink log reader" };
                        _reader.Start();
                    }
                }
            }
        }

        /// <summary>Records dropped because the native queue (4096 records) was full, as the records read so far tell.</summary>
        public static long Dropped => Interlocked.Read(ref _dropped);

        private static string Poll(int queue, uint ms)
        {
            byte[] buf = new byte[8192];
            uint len = 0;
            int rc;
            fixed (byte* p = buf)
            {
                rc = NativeMethods.meslink_log_queue_next(queue, ms, p, (uint)buf.Length, &len);
                if (rc == NativeMethods.MESLINK_OK) return NativeText.FromUtf8(p, len);
            }
            if (rc == NativeMethods.MESLINK_NO_EVENT) return null;
            if (rc == NativeMethods.MESLINK_E_BUFFER_TOO_SMALL) return NativeText.FetchKept(len);
            throw NativeText.LastError(rc);
        }

        private static void ReadLoop()
        {
            while (true)
            {
                int queue;
                lock (Gate)
                {
                    if (_level == MesLinkLogLevel.Off)
                    {
                        _reader = null;
                        return;
                    }
                    queue = _queue;
                }
                MesLinkLogRecord record;
                try
                {
                    string json = Poll(queue, SliceMs);
                    if (json == null) continue;
                    record = MesLinkLogRecord.Parse(json);
                    Interlocked.Add(ref _dropped, record.Dropped);
                }
                catch (Exception ex)
                {
                    Report(ex);
                    Thread.Sleep((int)SliceMs);
                    continue;
                }
                Deliver(record);
            }
        }

        private static void Deliver(MesLinkLogRecord record)
        {
            try
            {
                Received?.Invoke(null, new MesLinkLogEventArgs(record));
            }
            catch (Exception ex)
            {
                Report(ex);
            }
            try
            {
                TraceEventType type = TraceType(record.Level);
                if (Source.Switch.ShouldTrace(type)) Source.TraceEvent(type, 0, record.ToString());
            }
            catch (Exception ex)
            {
                Report(ex);
            }
        }

        private static TraceEventType TraceType(MesLinkLogLevel level)
        {
            switch (level)
            {
                case MesLinkLogLevel.Error: return TraceEventType.Error;
                case MesLinkLogLevel.Warn: return TraceEventType.Warning;
                case MesLinkLogLevel.Info: return TraceEventType.Information;
                default: return TraceEventType.Verbose;
            }
        }

        private static void Report(Exception ex)
        {
            try
            {
                HandlerFailed?.Invoke(null, new UnhandledExceptionEventArgs(ex, false));
            }
            catch (Exception)
            {
                // A failing error handler must not take the process down from a background thread.
            }
        }
    }
}
