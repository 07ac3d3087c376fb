using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace MesLink
{
    /// <summary>
    /// A failed meslink call: the status the C ABI returned, the error kind, meslink's
    /// message and, when the server gave them, its own code and words (unchanged, Chinese
    /// included). Catch a subclass to act on one kind. Messages never contain a password
    /// or token.
    /// </summary>
    [Serializable]
    public class MesLinkException : Exception
    {
        /// <summary>The status code the native call returned (negative).</summary>
        public int Status { get; }

        /// <summary><see cref="Status"/> as the enum.</summary>
        public MesLinkStatus StatusCode => (MesLinkStatus)Status;

        /// <summary>The error kind: <c>invalid_argument</c>, <c>transport</c>, <c>timeout</c>, <c>auth</c>, <c>business</c>, <c>http</c>, <c>protocol</c>, ...</summary>
        public string Kind { get; }

        /// <summary>The server's own error code (<c>state</c>, <c>Err_No</c>, <c>code</c>) as text, or null.</summary>
        public string ServerCode { get; }

        /// <summary>The server's own message, unchanged (<c>SN RULER CHECK NG!FIX</c>, <c>未找到。</c>), or null.</summary>
        public string ServerMessage { get; }

        /// <summary>The HTTP status of the server's answer, when there was one.</summary>
        public int? HttpStatus { get; }

        /// <summary>The call id the error belongs to (<c>ate.sn_detail.upload</c>), or null.</summary>
        public string CallId { get; }

        /// <summary>
        /// When the call failed because a call meslink made for it first failed (an
        /// implicit login or token renewal): that call's error (its <see cref="CallId"/> is
        /// <c>ate.login</c>, <c>mgm.token.get</c>, ...); else null. <see cref="CallId"/>
        /// stays the call made.
        /// </summary>
        public MesLinkException Cause { get; private set; }

        public MesLinkException(int status, string kind, string message, string callId = null,
            int? httpStatus = null, string serverCode = null, string serverMessage = null,
            Exception innerException = null)
            : base(message, innerException)
        {
            Status = status;
            Kind = kind;
            CallId = callId;
            HttpStatus = httpStatus;
            ServerCode = serverCode;
            ServerMessage = serverMessage;
        }

        protected MesLinkException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            Status = info.GetInt32(nameof(Status));
            Kind = info.GetString(nameof(Kind));
            ServerCode = info.GetString(nameof(ServerCode));
            ServerMessage = info.GetString(nameof(ServerMessage));
            CallId = info.GetString(nameof(CallId));
            int http = info.GetInt32(nameof(HttpStatus));
            HttpStatus = http < 0 ? (int?)null : http;
        }

        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue(nameof(Status), Status);
            info.AddValue(nameof(Kind), Kind);
            info.AddValue(nameof(ServerCode), ServerCode);
            info.AddValue(nameof(ServerMessage), ServerMessage);
            info.AddValue(nameof(CallId), CallId);
            info.AddValue(nameof(HttpStatus), HttpStatus ?? -1);
        }

        /// <summary>
        /// The exception for a failed native call: <paramref name="status"/> and the
        /// thread's last error as <c>meslink_error_last_json</c> gave it (null if unknown).
        /// </summary>
        internal static MesLinkException FromLastError(int status, string lastErrorJson)
        {
            Dictionary<string, object> e = null;
            if (!string.IsNullOrEmpty(lastErrorJson))
            {
                try { e = MesLinkJson.ParseObject(lastErrorJson); }
                catch (MesLinkJsonException) { e = null; }
            }
            // The last error belongs to this status only if the statuses agree; otherwise
            // (it should not happen) keep the status and use the generic name.
            if (e != null && MesLinkJson.GetNullableInt32(e, "status") != status) e = null;

            string kind = MesLinkJson.GetString(e, "kind") ?? KindOf(status);
            string message = MesLinkJson.GetString(e, "message");
            if (string.IsNullOrEmpty(message)) message = NativeText.StatusString(status);
            MesLinkException error = Create(status, kind, message,
                MesLinkJson.GetString(e, "call"),
                MesLinkJson.GetNullableInt32(e, "http_status"),
                MesLinkJson.GetString(e, "server_code"),
                MesLinkJson.GetString(e, "server_message"));
            object cause = null;
            if (e != null && e.TryGetValue("cause", out cause) && cause is Dictionary<string, object> c)
            {
                string causeKind = MesLinkJson.GetString(c, "kind");
                error.Cause = Create(StatusOf(causeKind), causeKind, MesLinkJson.GetString(c, "message"),
                    MesLinkJson.GetString(c, "call"),
                    MesLinkJson.GetNullableInt32(c, "http_status"),
                    MesLinkJson.GetString(c, "server_code"),
                    MesLinkJson.GetString(c, "server_message"));
            }
            return error;
        }

        /// <summary>The status of a kind name (<see cref="KindOf"/> reversed; internal for an unknown one).</summary>
        private static int StatusOf(string kind)
        {
            foreach (MesLinkStatus s in Enum.GetValues(typeof(MesLinkStatus)))
            {
                if ((int)s < 0 && KindOf((int)s) == kind) return (int)s;
            }
            return (int)MesLinkStatus.Internal;
        }

        /// <summary>The subclass for <paramref name="status"/>.</summary>
        internal static MesLinkException Create(int status, string kind, string message, string callId,
            int? httpStatus, string serverCode, string serverMessage)
        {
            switch ((MesLinkStatus)status)
            {
                case MesLinkStatus.InvalidArgument:
                    return new MesLinkInvalidArgumentException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.InvalidHandle:
                    return new MesLinkInvalidHandleException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Encoding:
                    return new MesLinkEncodingException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.NotImplemented:
                    return new MesLinkNotImplementedException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Transport:
                    return new MesLinkTransportException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Timeout:
                    return new MesLinkTimeoutException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Auth:
                    return new MesLinkAuthException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Business:
                    return new MesLinkBusinessException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Http:
                    return new MesLinkHttpException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Protocol:
                    return new MesLinkProtocolException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.ClosedWhileWaiting:
                    return new MesLinkClosedException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Cancelled:
                    return new MesLinkCancelledException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                case MesLinkStatus.Internal:
                    return new MesLinkInternalException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
                default:
                    return new MesLinkException(status, kind, message, callId, httpStatus, serverCode, serverMessage);
            }
        }

        /// <summary>The kind name of a status, as <c>meslink_error_last_json</c> spells it.</summary>
        internal static string KindOf(int status)
        {
            switch ((MesLinkStatus)status)
            {
                case MesLinkStatus.Ok: return "ok";
                case MesLinkStatus.InvalidArgument: return "invalid_argument";
                case MesLinkStatus.InvalidHandle: return "invalid_handle";
                case MesLinkStatus.BufferTooSmall: return "buffer_too_small";
                case MesLinkStatus.Encoding: return "encoding";
                case MesLinkStatus.NotImplemented: return "not_implemented";
                case MesLinkStatus.Transport: return "transport";
                case MesLinkStatus.Timeout: return "timeout";
                case MesLinkStatus.Auth: return "auth";
                case MesLinkStatus.Business: return "business";
                case MesLinkStatus.Http: return "http";
                case MesLinkStatus.Protocol: return "protocol";
                case MesLinkStatus.ClosedWhileWaiting: return "closed";
                case MesLinkStatus.Cancelled: return "cancelled";
                case MesLinkStatus.Internal: return "internal";
                default: return "unknown";
            }
        }
    }

    /// <summary>The call was cancelled before its answer was read (<see cref="MesLinkClient.CancelAll"/>). A task whose <see cref="System.Threading.CancellationToken"/> cancelled it is canceled instead (<see cref="System.Threading.Tasks.TaskCanceledException"/>).</summary>
    [Serializable]
    public class MesLinkCancelledException : MesLinkException
    {
        public MesLinkCancelledException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkCancelledException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>An argument was unusable: a missing or wrong parameter, malformed JSON, an unknown call id or configuration key. Fix the input; repeating will not help.</summary>
    [Serializable]
    public class MesLinkInvalidArgumentException : MesLinkException
    {
        public MesLinkInvalidArgumentException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkInvalidArgumentException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>The native handle was not open (a bug in the caller or in this wrapper; a disposed client throws <see cref="ObjectDisposedException"/> instead).</summary>
    [Serializable]
    public class MesLinkInvalidHandleException : MesLinkException
    {
        public MesLinkInvalidHandleException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkInvalidHandleException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>Text that cannot be encoded for the native library (a lone UTF-16 surrogate).</summary>
    [Serializable]
    public class MesLinkEncodingException : MesLinkException
    {
        public MesLinkEncodingException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkEncodingException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>The call is documented but this build of meslink does not implement it.</summary>
    [Serializable]
    public class MesLinkNotImplementedException : MesLinkException
    {
        public MesLinkNotImplementedException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkNotImplementedException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>The server could not be reached or the connection broke (after the retries meslink allows for the call).</summary>
    [Serializable]
    public class MesLinkTransportException : MesLinkException
    {
        public MesLinkTransportException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkTransportException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>The server did not answer within the configured timeout.</summary>
    [Serializable]
    public class MesLinkTimeoutException : MesLinkException
    {
        public MesLinkTimeoutException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkTimeoutException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>Login was refused (bad credentials), or the token was rejected after a fresh login. <see cref="MesLinkException.ServerMessage"/> has the server's words; the password never appears.</summary>
    [Serializable]
    public class MesLinkAuthException : MesLinkException
    {
        public MesLinkAuthException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkAuthException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>The server understood the request and refused it in its own words (<see cref="MesLinkException.ServerMessage"/>): a failed SN rule check, <c>未找到。</c>, <c>state: -1</c>.</summary>
    [Serializable]
    public class MesLinkBusinessException : MesLinkException
    {
        public MesLinkBusinessException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkBusinessException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>The server answered an HTTP error status without a business message (502, 503, ... after retries).</summary>
    [Serializable]
    public class MesLinkHttpException : MesLinkException
    {
        public MesLinkHttpException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkHttpException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>The server answered something its document does not describe (not JSON, a missing field).</summary>
    [Serializable]
    public class MesLinkProtocolException : MesLinkException
    {
        public MesLinkProtocolException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkProtocolException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>The native object was closed while the call was waiting.</summary>
    [Serializable]
    public class MesLinkClosedException : MesLinkException
    {
        public MesLinkClosedException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkClosedException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }

    /// <summary>A bug inside meslink (a caught panic); please report it with the message.</summary>
    [Serializable]
    public class MesLinkInternalException : MesLinkException
    {
        public MesLinkInternalException(int status, string kind, string message, string callId = null, int? httpStatus = null, string serverCode = null, string serverMessage = null)
            : base(status, kind, message, callId, httpStatus, serverCode, serverMessage) { }
        protected MesLinkInternalException(SerializationInfo info, StreamingContext context) : base(info, context) { }
    }
}
