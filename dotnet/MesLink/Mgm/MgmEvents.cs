using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MesLink
{
    /// <summary>What a <see cref="MgmEvent"/> is.</summary>
    public enum MgmEventKind
    {
        /// <summary>A machine's state (<c>status</c>, <c>status_time</c>, alarm fields when in alarm).</summary>
        Status,
        /// <summary>The full axis / spindle / program record of a machine.</summary>
        Snapshot,
        /// <summary>A partial change of that record.</summary>
        Delta,
        /// <summary>Any other server message, e.g. the token-expiry notice.</summary>
        Notice,
        /// <summary>The connection ended and is being restored.</summary>
        Reconnecting,
        /// <summary>The connection is back; every machine is subscribed again.</summary>
        Reconnected,
    }

    /// <summary>
    /// One event of a <see cref="MesLinkStream"/>: one of the subclasses below. <see cref="RawJson"/>
    /// is the event as the library wrote it (<c>{"type":...,"machine_id":...,"data":{...}}</c>),
    /// <see cref="Data"/> the server's message in it, parsed (null for the reconnect events).
    /// </summary>
    public abstract class MgmEvent
    {
        public MgmEventKind Kind { get; }
        public string RawJson { get; }
        /// <summary>The server's message: a dictionary for machine events, any JSON value for a notice.</summary>
        public object Data { get; }

        protected MgmEvent(MgmEventKind kind, string rawJson, object data)
        {
            Kind = kind;
            RawJson = rawJson;
            Data = data;
        }

        /// <summary>Data as a dictionary (empty when it is not a JSON object).</summary>
        public IReadOnlyDictionary<string, object> Fields =>
            Data as Dictionary<string, object> ?? new Dictionary<string, object>();

        /// <summary>The event of the library's JSON text.</summary>
        /// <exception cref="MesLinkJsonException">Not an event object.</exception>
        public static MgmEvent Parse(string json)
        {
            var e = MesLinkJson.ParseObject(json);
            object data;
            e.TryGetValue("data", out data);
            switch (Text(e, "type"))
            {
                case "status": return new MgmStatusEvent(Text(e, "machine_id"), json, data);
                case "snapshot": return new MgmSnapshotEvent(Text(e, "machine_id"), json, data);
                case "delta": return new MgmDeltaEvent(Text(e, "machine_id"), json, data);
                case "reconnecting": return new MgmReconnectingEvent(Number(e, "attempt"), Text(e, "reason"), json);
                case "reconnected": return new MgmReconnectedEvent(Number(e, "attempt"), json);
                default: return new MgmNoticeEvent(json, data ?? e);
            }
        }

        internal static string Text(Dictionary<string, object> o, string key)
        {
            object v;
            return o.TryGetValue(key, out v) && v != null ? Convert.ToString(v, CultureInfo.InvariantCulture) : "";
        }

        internal static long Number(Dictionary<string, object> o, string key)
        {
            object v;
            return o.TryGetValue(key, out v) && v != null ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
        }

        public override string ToString() => RawJson;
    }

    /// <summary>An event about one machine (status, snapshot, delta).</summary>
    public abstract class MgmMachineEvent : MgmEvent
    {
        public string MachineId { get; }

        protected MgmMachineEvent(MgmEventKind kind, string machineId, string rawJson, object data)
            : base(kind, rawJson, data)
        {
            MachineId = machineId;
        }
    }

    /// <summary>A machine's state: <c>{status, status_time, machine_id}</c> plus the alarm fields when in alarm.</summary>
    public sealed class MgmStatusEvent : MgmMachineEvent
    {
        internal MgmStatusEvent(string machineId, string rawJson, object data)
            : base(MgmEventKind.Status, machineId, rawJson, data) { }

        /// <summary><c>status</c>, or null when absent.</summary>
        public long? Status
        {
            get
            {
                object v;
                return Fields.TryGetValue("status", out v) && v is long ? (long?)(long)v : null;
            }
        }

        /// <summary><c>status_time</c> as the server wrote it ("" when absent).</summary>
        public string StatusTime => Text(Data as Dictionary<string, object> ?? new Dictionary<string, object>(), "status_time");
    }

    /// <summary>The full axis / spindle / program record of a machine (has <c>id</c>).</summary>
    public sealed class MgmSnapshotEvent : MgmMachineEvent
    {
        internal MgmSnapshotEvent(string machineId, string rawJson, object data)
            : base(MgmEventKind.Snapshot, machineId, rawJson, data) { }
    }

    /// <summary>A partial change of a machine's record (has <c>id</c> and the changed fields).</summary>
    public sealed class MgmDeltaEvent : MgmMachineEvent
    {
        internal MgmDeltaEvent(string machineId, string rawJson, object data)
            : base(MgmEventKind.Delta, machineId, rawJson, data) { }
    }

    /// <summary>Any other server message (e.g. <c>{"code":3005,"message":"access_token expired"}</c>).</summary>
    public sealed class MgmNoticeEvent : MgmEvent
    {
        internal MgmNoticeEvent(string rawJson, object data) : base(MgmEventKind.Notice, rawJson, data) { }
    }

    /// <summary>The connection ended (<see cref="Reason"/>); attempt <see cref="Attempt"/> to restore it starts.</summary>
    public sealed class MgmReconnectingEvent : MgmEvent
    {
        public long Attempt { get; }
        public string Reason { get; }

        internal MgmReconnectingEvent(long attempt, string reason, string rawJson)
            : base(MgmEventKind.Reconnecting, rawJson, null)
        {
            Attempt = attempt;
            Reason = reason;
        }
    }

    /// <summary>Attempt <see cref="Attempt"/> succeeded: every machine is subscribed again, data follows.</summary>
    public sealed class MgmReconnectedEvent : MgmEvent
    {
        public long Attempt { get; }

        internal MgmReconnectedEvent(long attempt, string rawJson) : base(MgmEventKind.Reconnected, rawJson, null)
        {
            Attempt = attempt;
        }
    }

    /// <summary>The argument of <see cref="MesLinkStream.EventReceived"/>.</summary>
    public sealed class MgmEventArgs : EventArgs
    {
        public MgmEvent Event { get; }

        public MgmEventArgs(MgmEvent e)
        {
            Event = e;
        }
    }

    /// <summary>Counters of a stream.</summary>
    public sealed class MgmStreamStats
    {
        /// <summary>Events handed to the reader.</summary>
        public long Delivered { get; private set; }
        /// <summary>Events discarded because the queue was full (see <see cref="MgmStreamOptions.Overflow"/>).</summary>
        public long Dropped { get; private set; }
        /// <summary>Sessions opened again after a close or a drop.</summary>
        public long Reconnects { get; private set; }
        /// <summary>Events waiting now.</summary>
        public long Queued { get; private set; }

        internal static MgmStreamStats FromJson(string json)
        {
            var o = MesLinkJson.ParseObject(json);
            return new MgmStreamStats
            {
                Delivered = MgmEvent.Number(o, "delivered"),
                Dropped = MgmEvent.Number(o, "dropped"),
                Reconnects = MgmEvent.Number(o, "reconnects"),
                Queued = MgmEvent.Number(o, "queued"),
            };
        }
    }

    /// <summary>Settings of a stream; null members keep the library's defaults.</summary>
    public sealed class MgmStreamOptions
    {
        /// <summary><c>"sockjs"</c> (default: SockJS framing, like the platform's JS client) or <c>"raw"</c> (the plain websocket endpoint).</summary>
        public string Transport { get; set; }
        /// <summary>Events held between the socket and the reader (4096).</summary>
        public int? QueueCapacity { get; set; }
        /// <summary>Which event a full queue discards: <c>"drop_oldest"</c> (default) or <c>"drop_newest"</c>.</summary>
        public string Overflow { get; set; }
        /// <summary>First reconnect delay, doubled per attempt (200 ms).</summary>
        public int? ReconnectInitialMs { get; set; }
        /// <summary>Cap of the reconnect delay (5000 ms).</summary>
        public int? ReconnectMaxMs { get; set; }

        public string ToJson()
        {
            var o = new Dictionary<string, object>();
            if (Transport != null) o["transport"] = Transport;
            if (QueueCapacity.HasValue) o["queue_capacity"] = QueueCapacity.Value;
            if (Overflow != null) o["overflow"] = Overflow;
            if (ReconnectInitialMs.HasValue) o["reconnect_initial_ms"] = ReconnectInitialMs.Value;
            if (ReconnectMaxMs.HasValue) o["reconnect_max_ms"] = ReconnectMaxMs.Value;
            return MesLinkJson.Serialize(o);
        }
    }

    /// <summary>A file to send with <see cref="MesLinkClient.StartMgmTransfer"/>.</summary>
    public sealed class MgmTransferRequest
    {
        /// <summary>The local file.</summary>
        public string Path { get; set; }
        /// <summary>The destination directory on the machine.</summary>
        public string CloudPath { get; set; }
        public string MachineId { get; set; }
        /// <summary>0: the machine's external storage, 1: its internal storage.</summary>
        public int StorageType { get; set; }
        /// <summary>The name on the machine; null: the local file's name.</summary>
        public string FileName { get; set; }
        /// <summary>Bytes per message; null: 65536.</summary>
        public int? ChunkSize { get; set; }
        /// <summary>What each chunk's <c>file_md5</c> is computed over: <c>"base64_text"</c> (default) or <c>"raw_bytes"</c>.</summary>
        public string Md5Of { get; set; }
        /// <summary><c>"sockjs"</c> (default) or <c>"raw"</c>.</summary>
        public string Transport { get; set; }

        public string ToJson()
        {
            var o = new Dictionary<string, object>
            {
                { "path", Path },
                { "cloud_path", CloudPath },
                { "machine_id", MachineId },
                { "storage_type", StorageType },
            };
            if (FileName != null) o["file_name"] = FileName;
            if (ChunkSize.HasValue) o["chunk_size"] = ChunkSize.Value;
            if (Md5Of != null) o["md5_of"] = Md5Of;
            if (Transport != null) o["transport"] = Transport;
            return MesLinkJson.Serialize(o);
        }
    }

    /// <summary>Where a transfer stands.</summary>
    public sealed class MgmTransferProgress
    {
        /// <summary>Bytes the server holds or that were handed to the socket.</summary>
        public long Sent { get; internal set; }
        /// <summary>The file's size.</summary>
        public long Total { get; internal set; }
        /// <summary>The server confirmed the file (answered its request_id).</summary>
        public bool Finished { get; internal set; }
        /// <summary>The server's file_id, once known at the end (null before).</summary>
        public string FileId { get; internal set; }
        /// <summary>The server's request_id: set when finished.</summary>
        public string RequestId { get; internal set; }
        /// <summary>Set when the transfer failed (then <see cref="Finished"/> is false).</summary>
        public MesLinkException Error { get; internal set; }

        internal static MgmTransferProgress FromJson(string json)
        {
            var o = MesLinkJson.ParseObject(json);
            object v;
            return new MgmTransferProgress
            {
                Sent = MgmEvent.Number(o, "sent"),
                Total = MgmEvent.Number(o, "total"),
                Finished = o.TryGetValue("finished", out v) && v is bool && (bool)v,
                FileId = o.TryGetValue("file_id", out v) ? v as string : null,
                RequestId = o.TryGetValue("request_id", out v) ? v as string : null,
            };
        }

        public override string ToString()
        {
            var sb = new StringBuilder();
            sb.Append(Sent).Append('/').Append(Total).Append(" bytes");
            if (Finished) sb.Append(", finished (request_id ").Append(RequestId).Append(')');
            if (Error != null) sb.Append(", failed: ").Append(Error.Message);
            return sb.ToString();
        }
    }

    /// <summary>The argument of <see cref="MesLinkTransfer.ProgressChanged"/>.</summary>
    public sealed class MgmTransferProgressEventArgs : EventArgs
    {
        public MgmTransferProgress Progress { get; }

        public MgmTransferProgressEventArgs(MgmTransferProgress progress)
        {
            Progress = progress;
        }
    }
}
