// Strings across the C ABI, by hand: UTF-8 in with a NUL, UTF-8 out of caller buffers.
//
// Rules of the ABI (include/meslink.h): answers go into a caller buffer (buf, cap,
// out_len); when it is too small the export returns MESLINK_E_BUFFER_TOO_SMALL with
// out_len = the length needed (without the NUL) and keeps the answer on the calling
// thread, which meslink_answer_fetch hands over without a second network call. The last
// error is thread-local too. P/Invoke runs on the calling OS thread, so a call and its
// follow-up (fetch, last error) made in sequence on one managed thread see the same state.
//
// Never declare a P/Invoke return as string (the marshaller would free library memory);
// never use Marshal.PtrToStringUTF8 (absent from .NET Framework): decode by hand.
//
// This wrapper always speaks UTF-8: MesLinkClient opens its native client with
// meslink_client_open_ex(..., MESLINK_ENCODING_UTF8, ...), and the encoding belongs to the
// client, so LabVIEW code in the same process may use GB18030 clients or set the process
// default (meslink_encoding_set) without affecting it.

using System;
using System.Text;
using MesLink.Native;

namespace MesLink
{
    /// <summary>One native export that writes an answer into a caller buffer.</summary>
    internal unsafe delegate int AnswerExport(byte* buf, uint cap, uint* outLen);

    internal static unsafe class NativeText
    {
        /// <summary>Strict: a lone surrogate is an error, not a silent U+FFFD.</summary>
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private const int DefaultAnswerBufferSize = 4096;
        private static int _answerBufferSize = DefaultAnswerBufferSize;

        /// <summary>
        /// Size of the per-thread buffer the first attempt of every call writes into. A
        /// larger answer is fetched with an exact-size buffer. Tests make it tiny to drive
        /// every answer through the too-small path.
        /// </summary>
        internal static int AnswerBufferSize
        {
            get { return System.Threading.Volatile.Read(ref _answerBufferSize); }
            set
            {
                if (value < 1) throw new ArgumentOutOfRangeException(nameof(value));
                System.Threading.Volatile.Write(ref _answerBufferSize, value);
            }
        }

        internal static void ResetAnswerBufferSize() => AnswerBufferSize = DefaultAnswerBufferSize;

        [ThreadStatic] private static byte[] _answerBuffer;
        [ThreadStatic] private static byte[] _errorBuffer;

        internal static byte[] AnswerBuffer()
        {
            int size = AnswerBufferSize;
            byte[] b = _answerBuffer;
            if (b == null || b.Length != size) _answerBuffer = b = new byte[size];
            return b;
        }

        /// <summary><paramref name="s"/> as UTF-8 with a terminating NUL.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
        /// <exception cref="MesLinkInvalidArgumentException">It contains a NUL character (C would cut it there).</exception>
        /// <exception cref="MesLinkEncodingException">It contains a lone surrogate.</exception>
        internal static byte[] ToUtf8Z(string s, string name)
        {
            if (s == null) throw new ArgumentNullException(name);
            if (s.IndexOf('\0') >= 0)
            {
                throw new MesLinkInvalidArgumentException((int)MesLinkStatus.InvalidArgument, "invalid_argument",
                    "`" + name + "` contains a NUL character, which would cut the string short");
            }
            int n;
            try
            {
                n = StrictUtf8.GetByteCount(s);
            }
            catch (EncoderFallbackException e)
            {
                throw new MesLinkEncodingException((int)MesLinkStatus.Encoding, "encoding",
                    "`" + name + "` cannot be encoded as UTF-8: " + e.Message);
            }
            var bytes = new byte[n + 1];
            StrictUtf8.GetBytes(s, 0, s.Length, bytes, 0);
            return bytes; // bytes[n] is already 0
        }

        /// <summary>
        /// Refuses <paramref name="s"/> exactly as <see cref="ToUtf8Z"/> would, without
        /// encoding it when it holds no NUL and no surrogate (the common case).
        /// </summary>
        internal static void CheckText(string s, string name)
        {
            if (s == null) throw new ArgumentNullException(name);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '\0' || (c >= '\uD800' && c <= '\uDFFF'))
                {
                    ToUtf8Z(s, name); // throws unless the surrogates are well paired
                    return;
                }
            }
        }

        /// <summary>Argument buffers above this size are not kept for the thread's next call.</summary>
        private const int MaxKeptArgBuffer = 64 * 1024;

        [ThreadStatic] private static byte[] _argBuffer;

        /// <summary>
        /// <paramref name="first"/> and <paramref name="second"/> as UTF-8 with their NULs, one
        /// after the other, in a per-thread buffer (a fresh array when they are large);
        /// <paramref name="secondAt"/> is where the second starts. Refuses them as
        /// <see cref="ToUtf8Z"/> does, the first before the second. The buffer is valid until
        /// the next call of this method on the thread: use it at once, for one native call.
        /// </summary>
        internal static byte[] Utf8ZPair(string first, string firstName, string second, string secondName, out int secondAt)
        {
            CheckText(first, firstName);
            CheckText(second, secondName);
            // At most 3 UTF-8 bytes a UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
            long most = 3L * first.Length + 3L * second.Length + 2;
            if (most > int.MaxValue) return Utf8ZPairSlow(first, firstName, second, secondName, out secondAt);
            byte[] buf = _argBuffer;
            if (buf == null || buf.Length < most)
            {
                buf = new byte[Math.Max((int)most, 256)];
                if (buf.Length <= MaxKeptArgBuffer) _argBuffer = buf;
            }
            // Checked above: the strict encoder cannot fail here.
            int n = StrictUtf8.GetBytes(first, 0, first.Length, buf, 0);
            buf[n++] = 0;
            secondAt = n;
            n += StrictUtf8.GetBytes(second, 0, second.Length, buf, n);
            buf[n] = 0;
            return buf;
        }

        private static byte[] Utf8ZPairSlow(string first, string firstName, string second, string secondName, out int secondAt)
        {
            byte[] a = ToUtf8Z(first, firstName);
            byte[] b = ToUtf8Z(second, secondName);
            var both = new byte[checked(a.Length + b.Length)];
            Buffer.BlockCopy(a, 0, both, 0, a.Length);
            Buffer.BlockCopy(b, 0, both, a.Length, b.Length);
            secondAt = a.Length;
            return both;
        }

        /// <summary><paramref name="len"/> UTF-8 bytes at <paramref name="p"/> as a string.</summary>
        internal static string FromUtf8(byte* p, uint len)
        {
            if (len == 0) return string.Empty;
            return Encoding.UTF8.GetString(p, checked((int)len));
        }

        /// <summary>A NUL-terminated UTF-8 string owned by the library (static text).</summary>
        internal static string FromUtf8Z(byte* p)
        {
            if (p == null) return null;
            int n = 0;
            while (p[n] != 0) n++;
            return Encoding.UTF8.GetString(p, n);
        }

        /// <summary>The library's name of a status code ("invalid handle").</summary>
        internal static string StatusString(int status)
        {
            return FromUtf8Z(NativeMethods.meslink_status_str(status));
        }

        /// <summary>
        /// Runs <paramref name="export"/> with this thread's answer buffer and returns the
        /// answer. When the buffer is too small the kept answer is fetched into an exact-size
        /// buffer: the network call is never repeated.
        /// </summary>
        /// <exception cref="MesLinkException">The export failed.</exception>
        internal static string CallForAnswer(AnswerExport export)
        {
            byte[] buf = AnswerBuffer();
            uint len = 0;
            int rc;
            fixed (byte* p = buf)
            {
                rc = export(p, (uint)buf.Length, &len);
                if (rc == NativeMethods.MESLINK_OK) return FromUtf8(p, len);
            }
            if (rc != NativeMethods.MESLINK_E_BUFFER_TOO_SMALL) throw LastError(rc);
            return FetchKept(len);
        }

        /// <summary>Fetches the answer kept after MESLINK_E_BUFFER_TOO_SMALL (<paramref name="needed"/> bytes plus the NUL).</summary>
        internal static string FetchKept(uint needed)
        {
            // The kept answer is already encoded, so its length cannot change; the loop
            // only guards against a library that says otherwise.
            for (int attempt = 0; attempt < 3; attempt++)
            {
                var big = new byte[checked((int)needed + 1)];
                uint len = 0;
                int rc;
                fixed (byte* p = big)
                {
                    rc = NativeMethods.meslink_answer_fetch(p, (uint)big.Length, &len);
                    if (rc == NativeMethods.MESLINK_OK) return FromUtf8(p, len);
                }
                if (rc != NativeMethods.MESLINK_E_BUFFER_TOO_SMALL) throw LastError(rc);
                needed = len;
            }
            throw new MesLinkInternalException((int)MesLinkStatus.Internal, "internal",
                "meslink_answer_fetch kept answering MESLINK_E_BUFFER_TOO_SMALL");
        }

        /// <summary>Throws unless <paramref name="rc"/> is MESLINK_OK.</summary>
        internal static void Check(int rc)
        {
            if (rc != NativeMethods.MESLINK_OK) throw LastError(rc);
        }

        /// <summary>The exception for status <paramref name="rc"/>, from this thread's last error.</summary>
        internal static MesLinkException LastError(int rc)
        {
            return MesLinkException.FromLastError(rc, LastErrorJson());
        }

        /// <summary>This thread's last error as JSON (meslink_error_last_json), or null.</summary>
        internal static string LastErrorJson()
        {
            byte[] buf = _errorBuffer ?? (_errorBuffer = new byte[1024]);
            // meslink_error_last_json never changes the last error, so asking again with a
            // bigger buffer reads the same error.
            for (int attempt = 0; attempt < 3; attempt++)
            {
                uint len = 0;
                int rc;
                fixed (byte* p = buf)
                {
                    rc = NativeMethods.meslink_error_last_json(p, (uint)buf.Length, &len);
                    if (rc == NativeMethods.MESLINK_OK) return FromUtf8(p, len);
                }
                if (rc != NativeMethods.MESLINK_E_BUFFER_TOO_SMALL) return null;
                buf = new byte[checked((int)len + 1)];
            }
            return null;
        }
    }
}
