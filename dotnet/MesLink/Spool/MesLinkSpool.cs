using System;
using System.Collections.Generic;

namespace MesLink
{
    /// <summary>
    /// The store-and-forward spool of a client (<see cref="MesLinkClient.Spool"/>): records of
    /// spoolable calls (<c>ate.sn_detail.upload</c>, <c>grading.save</c>,
    /// <c>energy.product_output.create</c>, <c>energy.prp.manual_data.add</c>) are written to the
    /// client's SQLite file and sent by a background forwarder, in order, until their server
    /// acknowledges them. Transient failures are retried with backoff; records the server
    /// refuses go to the dead letters with its answer. Delivery is at least once.
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
        /// <exception cref="MesLinkInvalidArgumentException">The call is not spoolable, a parameter is wrong, no spool is configured, or the file cannot be written (the record was not stored).</exception>
        public long Enqueue(string callId, string paramsJson) => _client.SpoolEnqueue(callId, paramsJson);

        /// <summary><see cref="Enqueue(string, string)"/> with the parameters as a dictionary.</summary>
        public long Enqueue(string callId, IDictionary<string, object> parameters)
        {
            return Enqueue(callId, parameters == null ? "{}" : MesLinkJson.Serialize(parameters));
        }

        /// <summary>The counts of pending, dead and delivered records.</summary>
        public SpoolStatus Status()
        {
            var o = MesLinkJson.ParseObject(_client.SpoolStatusJson());
            return new SpoolStatus((long)o["pending"], (long)o["dead"], (long)o["delivered"]);
        }

        /// <summary>Up to <paramref name="limit"/> records, oldest first: <paramref name="which"/> is "pending" or "dead".</summary>
        public IReadOnlyList<SpoolRecord> List(string which = "pending", int limit = 100)
        {
            var list = new List<SpoolRecord>();
            foreach (var item in (List<object>)MesLinkJson.Parse(_client.SpoolListJson(which, limit)))
                list.Add(SpoolRecord.FromJson((Dictionary<string, object>)item));
            return list;
        }

        /// <summary>Puts the dead record <paramref name="seq"/> back in the queue.</summary>
        /// <exception cref="MesLinkInvalidArgumentException">No dead record <paramref name="seq"/>.</exception>
        public void Retry(long seq) => _client.SpoolAct(seq, true);

        /// <summary>Deletes the dead record <paramref name="seq"/> for good.</summary>
        /// <exception cref="MesLinkInvalidArgumentException">No dead record <paramref name="seq"/>.</exception>
        public void Discard(long seq) => _client.SpoolAct(seq, false);

        /// <summary>Waits until nothing is pending or <paramref name="timeout"/> has passed; true when nothing is pending (dead records do not count).</summary>
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

        /// <summary>Waiting to be delivered (the one being sent included).</summary>
        public long Pending { get; }
        /// <summary>In the dead letters.</summary>
        public long Dead { get; }
        /// <summary>Acknowledged by their server since the file was created.</summary>
        public long Delivered { get; }

        /// <summary>"pending=n dead=n delivered=n".</summary>
        public override string ToString() => "pending=" + Pending + " dead=" + Dead + " delivered=" + Delivered;
    }

    /// <summary>One spooled record.</summary>
    public sealed class SpoolRecord
    {
        /// <summary>The sequence number Enqueue returned.</summary>
        public long Seq { get; private set; }
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
        /// <summary>Dead records: the server's own message (e.g. <c>SN RULER CHECK NG!FIX</c>), or null.</summary>
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
            object inFlight;
            return new SpoolRecord
            {
                Seq = (long)o["seq"],
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

        /// <summary>"seq call_id".</summary>
        public override string ToString() => Seq + " " + CallId;
    }
}
