using System;
using System.Collections.Generic;
using System.Text;
using MesLink.Native;

namespace MesLink
{
    /// <summary>
    /// One record's outcome in a batch (<see cref="MesLinkClient.CallBatch(string, IEnumerable{string}, int)"/>):
    /// the server's answer, or the record's own error.
    /// </summary>
    public sealed class BatchResult
    {
        internal BatchResult(object answer, MesLinkException error)
        {
            Answer = answer;
            Error = error;
        }

        /// <summary>True when the record was answered without an error.</summary>
        public bool IsOk => Error == null;

        /// <summary>The server's answer, parsed (<see cref="MesLinkJson.Parse"/>); null on an error.</summary>
        public object Answer { get; }

        /// <summary>The server's answer as compact JSON; null on an error.</summary>
        public string AnswerJson => IsOk ? MesLinkJson.Serialize(Answer) : null;

        /// <summary>The record's error (not thrown), the subclass of its kind; null on success.</summary>
        public MesLinkException Error { get; }
    }

    public sealed unsafe partial class MesLinkClient
    {
        /// <summary>The concurrency of a batch when none is given.</summary>
        public const int DefaultBatchConcurrency = 8;

        /// <summary>
        /// Sends every parameter object of <paramref name="paramsJson"/> (JSON text each) as the
        /// call <paramref name="callId"/>, at most <paramref name="concurrency"/> requests at a
        /// time over the client's connection pool, and answers one result per record in the
        /// order of the input. Every record is checked before anything is sent: a bad record
        /// gets its own error (in <see cref="BatchResult.Error"/>, not thrown) and is not sent,
        /// the others are.
        /// </summary>
        /// <exception cref="MesLinkInvalidArgumentException">A record is not valid JSON, or the call id is unknown (nothing is sent).</exception>
        public IReadOnlyList<BatchResult> CallBatch(string callId, IEnumerable<string> paramsJson,
            int concurrency = DefaultBatchConcurrency)
        {
            if (paramsJson == null) throw new ArgumentNullException(nameof(paramsJson));
            var sb = new StringBuilder("[");
            foreach (string p in paramsJson)
            {
                if (sb.Length > 1) sb.Append(',');
                sb.Append(p ?? "null");
            }
            sb.Append(']');
            return CallBatchJson(callId, sb.ToString(), concurrency);
        }

        /// <summary><see cref="CallBatch(string, IEnumerable{string}, int)"/> with each record as a dictionary.</summary>
        public IReadOnlyList<BatchResult> CallBatch(string callId, IEnumerable<IDictionary<string, object>> records,
            int concurrency = DefaultBatchConcurrency)
        {
            if (records == null) throw new ArgumentNullException(nameof(records));
            var list = new List<object>();
            foreach (var r in records) list.Add(r);
            return CallBatchJson(callId, MesLinkJson.Serialize(list), concurrency);
        }

        /// <summary>
        /// <see cref="CallBatch(string, IEnumerable{string}, int)"/> with the records as one JSON
        /// array (<c>[{...},{...}]</c>).
        /// </summary>
        /// <exception cref="MesLinkInvalidArgumentException">Not valid JSON, not an array, or an unknown call id (nothing is sent).</exception>
        public IReadOnlyList<BatchResult> CallBatchJson(string callId, string paramsArrayJson,
            int concurrency = DefaultBatchConcurrency)
        {
            if (concurrency < 1) throw new ArgumentOutOfRangeException(nameof(concurrency), "concurrency must be at least 1");
            byte[] id = NativeText.ToUtf8Z(callId, nameof(callId));
            byte[] prm = NativeText.ToUtf8Z(paramsArrayJson, nameof(paramsArrayJson));
            string json = Answer((client, buf, cap, len) =>
            {
                fixed (byte* pId = id)
                fixed (byte* pPrm = prm)
                {
                    return NativeMethods.meslink_client_call_batch(client, pId, pPrm, (uint)concurrency, buf, cap, len);
                }
            });
            var items = (List<object>)MesLinkJson.Parse(json);
            var results = new List<BatchResult>(items.Count);
            foreach (object o in items)
            {
                var item = (Dictionary<string, object>)o;
                if (item.TryGetValue("ok", out object answer))
                {
                    results.Add(new BatchResult(answer, null));
                    continue;
                }
                var e = (Dictionary<string, object>)item["error"];
                int status = (int)MesLinkJson.GetInt64(e, "code");
                results.Add(new BatchResult(null, MesLinkException.Create(status,
                    MesLinkJson.GetString(e, "kind"), MesLinkJson.GetString(e, "message"), callId, null,
                    MesLinkJson.GetString(e, "server_code"), MesLinkJson.GetString(e, "server_message"))));
            }
            return results;
        }
    }
}
