using System;
using System.Collections.Generic;

namespace MesLink
{
    /// <summary>
    /// The store-and-forward spool of a client (<see cref="MesLinkClient.Spool"/>): records of
    /// spoolable calls (<c>ate.sn_detail.upload</c>, <c>grading.save</c>,
    /// <c>energy.product_output.create</c>, <c>energy.prp.manual_data.add</c>) are written to the
    /// client's SQLite file and sent by a background forwarder, in order, until their server
    /// acknowledges them. Transient failures are retried with backoff; a record still failing
    /// past its budget (<c>park_after_attempts</c> and <c>park_after_s</c>) is parked: retried
    /// every <c>park_retry_s</c> while the records behind it go on (records with the same SN or
    /// barcode never overtake it). Records the server refuses go to the dead letters with its
    /// answer, or to "resent_refused" when they were being sent again after a crash or a timeout (the server
    /// probably has them already). Delivery is at least once.
    /// </summary>
    public sealed class MesLinkSpool
    {
        private readonly MesLinkClient _client;

        internal MesLinkSpool(MesLinkClient client)
        {
            _client = client;
        }

        /// <summary>
        /// Stores a record of the spoolable call <paramref name="callId"/> with its parameters as a
        /// JSON object and returns its sequence number once it is committed to disk.
        /// </summary>
        /// <exception cref="MesLinkInvalidArgumentException">The call is not spoolable, a parameter is wrong, no spool is configured, the spool could not be opened when the client was created (direct calls still work), or the file cannot be written, e.g. a full disk (the record was not stored).</exception>
        public long Enqueue(string callId, string paramsJson) => _client.SpoolEnqueue(callId, paramsJson);

        /// <summary><see cref="Enqueue(string, string)"/> with the parameters as a dictionary.</summary>
        public long Enqueue(string callId, IDictionary<string, object> parameters)
        {
            return Enqueue(callId, parameters == null ? "{}" : MesLinkJson.Serialize(parameters));
        }

        /// <summary>The counts of records by state, of delivered records, and of the repairs of a damaged file.</summary>
        public SpoolStatus Status()
        {
            var o = MesLinkJson.ParseObject(_client.SpoolStatusJson());
            Func<string, long> n = k => o.TryGetValue(k, out var v) && v is long l ? l : 0;
            return new SpoolStatus(n("pending"), n("dead"), n("delivered"))
            {
                Parked = n("parked"),
                ResentRefused = n("resent_refused"),
                Repairs = n("repairs"),
                Salvaged = n("salvaged"),
                Lost = n("lost"),
            };
        }

        /// <summary>Up to <paramref name="limit"/> records, oldest first: <paramref name="which"/> is "pending", "parked", "dead" or "resent_refused".</summary>
        public IReadOnlyList<SpoolRecord> List(string which = "pending", int limit = 100)
        {
            var list = new List<SpoolRecord>();
            foreach (var item in (List<object>)MesLinkJson.Parse(_client.SpoolListJson(which, limit)))
                list.Add(SpoolRecord.FromJson((Dictionary<string, object>)item));
            return list;
        }

        /// <summary>
        /// Sends the record <paramref name="seq"/> again, whatever its state, attempts counted from 0:
        /// a pending or parked one at the next chance, a dead or resent-refused one back into the queue.
        /// </summary>
        /// <exception cref="MesLinkInvalidArgumentException">The spool holds no record <paramref name="seq"/>.</exception>
        public void Retry(long seq) => _client.SpoolAct(seq, true);

        /// <summary>Deletes the record <paramref name="seq"/> for good, whatever its state (a pending one being sent at that moment may still arrive).</summary>
        /// <exception cref="MesLinkInvalidArgumentException">The spool holds no record <paramref name="seq"/>.</exception>
        public void Discard(long seq) => _client.SpoolAct(seq, false);

        /// <summary>Waits until nothing is pending or parked, or <paramref name="timeout"/> has passed; true when nothing is (dead and resent-refused records do not count).</summary>
        public bool Drain(TimeSpan timeout) => _client.SpoolDrain(timeout);
    }

    /// <summary>The counts of a spool.</summary>
    public sealed class SpoolStatus
    {
        internal SpoolStatus(long pending, long dead, long delivered)
        {
            Pending = pending;
            Dead = dead;
            Delivered = delivered;
        }

        /// <summary>Waiting to be delivered (the one being sent included), parked ones excluded.</summary>
        public long Pending { get; }
        /// <summary>Set aside after failing past their budget; retried on their own schedule.</summary>
        public long Parked { get; internal set; }
        /// <summary>In the dead letters.</summary>
        public long Dead { get; }
        /// <summary>Refused when sent again after a crash or a timeout: probably delivered the first time.</summary>
        public long ResentRefused { get; internal set; }
        /// <summary>Acknowledged by their server since the file was created.</summary>
        public long Delivered { get; }
        /// <summary>Times the file was found damaged at an open, moved aside and rebuilt.</summary>
        public long Repairs { get; internal set; }
        /// <summary>Records read back from damaged files.</summary>
        public long Salvaged { get; internal set; }
        /// <summary>Records damaged files held that no repair could read back.</summary>
        public long Lost { get; internal set; }

        /// <summary>"pending=n parked=n dead=n resent_refused=n delivered=n", and the repairs when there were any.</summary>
        public override string ToString() =>
            "pending=" + Pending + " parked=" + Parked + " dead=" + Dead + " resent_refused=" + ResentRefused
            + " delivered=" + Delivered
            + (Repairs > 0 ? " repairs=" + Repairs + " salvaged=" + Salvaged + " lost=" + Lost : "");
    }

    /// <summary>One spooled record.</summary>
    public sealed class SpoolRecord
    {
        /// <summary>The sequence number Enqueue returned.</summary>
        public long Seq { get; private set; }
        /// <summary>"pending", "parked", "dead" or "resent_refused".</summary>
        public string State { get; private set; }
        /// <summary>What orders it (the SN, the barcode...): records with the same key are never delivered out of order; or null.</summary>
        public string Key { get; private set; }
        /// <summary>Found in flight when the file was opened: sent again, may have reached its server before a crash.</summary>
        public bool Resent { get; private set; }
        /// <summary>Parked records: when the next attempt is due (UTC, ISO 8601), or null.</summary>
        public string NextAttemptAt { get; private set; }
        /// <summary>The call id.</summary>
        public string CallId { get; private set; }
        /// <summary>The parameters as stored (validated), as JSON.</summary>
        public string ParamsJson { get; private set; }
        /// <summary>Attempts so far.</summary>
        public long Attempts { get; private set; }
        /// <summary>Sent, no answer recorded yet.</summary>
        public bool InFlight { get; private set; }
        /// <summary>The last failure, or null.</summary>
        public string LastError { get; private set; }
        /// <summary>Dead and resent-refused records: the server's own message (e.g. <c>SN RULER CHECK NG!FIX</c>), or null.</summary>
        public string ServerMessage { get; private set; }
        /// <summary>Dead records: the failure as JSON (<c>kind, message, http_status, server_code, server_message</c>), or null.</summary>
        public string AnswerJson { get; private set; }
        /// <summary>UTC, ISO 8601.</summary>
        public string EnqueuedAt { get; private set; }
        /// <summary>Dead records: when it was given up, or null.</summary>
        public string DiedAt { get; private set; }

        internal static SpoolRecord FromJson(Dictionary<string, object> o)
        {
            object answer;
            o.TryGetValue("answer", out answer);
            var a = answer as Dictionary<string, object>;
            object inFlight, resent;
            return new SpoolRecord
            {
                Seq = (long)o["seq"],
                State = MesLinkJson.GetString(o, "state"),
                Key = MesLinkJson.GetString(o, "key"),
                Resent = o.TryGetValue("resent", out resent) && resent is bool r && r,
                NextAttemptAt = MesLinkJson.GetString(o, "next_attempt_at"),
                CallId = MesLinkJson.GetString(o, "call_id"),
                ParamsJson = MesLinkJson.Serialize(o["params"]),
                Attempts = (long)o["attempts"],
                InFlight = o.TryGetValue("in_flight", out inFlight) && inFlight is bool b && b,
                LastError = MesLinkJson.GetString(o, "last_error"),
                ServerMessage = a == null ? null : MesLinkJson.GetString(a, "server_message"),
                AnswerJson = a == null ? null : MesLinkJson.Serialize(a),
                EnqueuedAt = MesLinkJson.GetString(o, "enqueued_at"),
                DiedAt = MesLinkJson.GetString(o, "died_at"),
            };
        }

        /// <summary>"seq state call_id".</summary>
        public override string ToString() => Seq + " " + State + " " + CallId;
    }
}
