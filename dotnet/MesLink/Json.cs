// A small, strict JSON reader and writer (RFC 8259), so that MesLink needs no NuGet
// package: .NET Framework 4.6.2 has no System.Text.Json, and DataContractJsonSerializer
// wants fixed contracts while the answers here are dynamic (a server may add a field).
//
// Values map to plain .NET objects:
//   object  -> Dictionary<string, object>  (ordinal keys; a repeated key: the last wins)
//   array   -> List<object>
//   string  -> string                      (escapes decoded, \uXXXX surrogate pairs joined)
//   number  -> long when it is an integer that fits, else double
//   true/false -> bool, null -> null
// The writer takes the same types plus the other integer and floating types, decimal,
// IDictionary and IEnumerable.

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MesLink
{
    /// <summary>Text that is not valid JSON.</summary>
    public sealed class MesLinkJsonException : FormatException
    {
        /// <summary>Character offset of the problem in the text.</summary>
        public int Position { get; }

        public MesLinkJsonException(string message, int position)
            : base(message + " (at character " + position + ")")
        {
            Position = position;
        }
    }

    /// <summary>Reads and writes JSON as plain .NET objects (see the file comment).</summary>
    public static class MesLinkJson
    {
        /// <summary>Nesting deeper than this is refused (it protects the stack).</summary>
        public const int MaxDepth = 256;

        /// <summary>Parses one JSON value; whitespace may surround it, nothing else.</summary>
        /// <exception cref="MesLinkJsonException">The text is not valid JSON.</exception>
        public static object Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var reader = new Reader(text);
            reader.SkipWhitespace();
            object value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd) throw reader.Error("unexpected text after the JSON value");
            return value;
        }

        /// <summary>Parses a JSON object.</summary>
        /// <exception cref="MesLinkJsonException">The text is not a valid JSON object.</exception>
        public static Dictionary<string, object> ParseObject(string text)
        {
            var obj = Parse(text) as Dictionary<string, object>;
            if (obj == null) throw new MesLinkJsonException("expected a JSON object", 0);
            return obj;
        }

        /// <summary>Writes <paramref name="value"/> as compact JSON.</summary>
        /// <exception cref="ArgumentException">A value that JSON cannot hold (NaN, a lone surrogate, an unknown type, a cycle deeper than <see cref="MaxDepth"/>).</exception>
        public static string Serialize(object value)
        {
            // One builder a thread, taken out of its slot while in use (a value's own code
            // that serializes again gets a fresh one).
            StringBuilder sb = _builder ?? new StringBuilder(256);
            _builder = null;
            try
            {
                Write(sb, value, 0);
                return sb.ToString();
            }
            finally
            {
                if (sb.Capacity <= MaxKeptBuilder)
                {
                    sb.Clear();
                    _builder = sb;
                }
            }
        }

        /// <summary>Builders grown beyond this are not kept for the thread's next <see cref="Serialize"/>.</summary>
        private const int MaxKeptBuilder = 16 * 1024;

        [ThreadStatic] private static StringBuilder _builder;

        /// <summary>Writes <paramref name="s"/> as a JSON string literal, quotes included.</summary>
        public static string Quote(string s)
        {
            var sb = new StringBuilder(s.Length + 2);
            WriteString(sb, s);
            return sb.ToString();
        }

        // ---- writer -------------------------------------------------------------------

        private static void Write(StringBuilder sb, object value, int depth)
        {
            if (depth > MaxDepth) throw new ArgumentException("JSON nesting deeper than " + MaxDepth);
            if (value == null) { sb.Append("null"); return; }
            if (value is string s) { WriteString(sb, s); return; }
            if (value is bool b) { sb.Append(b ? "true" : "false"); return; }
            if (value is char c) { WriteString(sb, c.ToString()); return; }
            if (value is int || value is long || value is short || value is sbyte
                || value is byte || value is ushort || value is uint || value is ulong)
            {
                sb.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                return;
            }
            if (value is decimal m) { sb.Append(m.ToString(CultureInfo.InvariantCulture)); return; }
            // Date-times as the core takes them (ISO 8601, with the offset unless Unspecified).
            if (value is DateTimeOffset dto) { WriteString(sb, MesLinkWire.DateTime(dto)); return; }
            if (value is DateTime dt) { WriteString(sb, MesLinkWire.DateTime(dt)); return; }
            if (value is double d) { WriteDouble(sb, d); return; }
            if (value is float f)
            {
                // Through its shortest text, so 0.1f is written 0.1, not 0.100000001490116.
                WriteDouble(sb, double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                return;
            }
            if (value.GetType() == typeof(Dictionary<string, object>))
            {
                // The common case (parameters, parsed objects): its struct enumerator, in the
                // order the IDictionary enumerator below would give.
                sb.Append('{');
                bool first = true;
                foreach (var entry in (Dictionary<string, object>)value)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, entry.Key);
                    sb.Append(':');
                    Write(sb, entry.Value, depth + 1);
                }
                sb.Append('}');
                return;
            }
            if (value is IDictionary dict)
            {
                sb.Append('{');
                bool first = true;
                foreach (DictionaryEntry entry in dict)
                {
                    var key = entry.Key as string;
                    if (key == null) throw new ArgumentException("JSON object keys must be strings");
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, entry.Value, depth + 1);
                }
                sb.Append('}');
                return;
            }
            if (value is IEnumerable<KeyValuePair<string, object>> pairs)
            {
                sb.Append('{');
                bool first = true;
                foreach (var kv in pairs)
                {
                    if (kv.Key == null) throw new ArgumentException("JSON object keys must not be null");
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, kv.Key);
                    sb.Append(':');
                    Write(sb, kv.Value, depth + 1);
                }
                sb.Append('}');
                return;
            }
            if (value is IEnumerable list)
            {
                sb.Append('[');
                bool first = true;
                foreach (object item in list)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Write(sb, item, depth + 1);
                }
                sb.Append(']');
                return;
            }
            throw new ArgumentException("cannot write a " + value.GetType().FullName + " as JSON");
        }

        private static void WriteDouble(StringBuilder sb, double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d))
                throw new ArgumentException("JSON has no NaN or infinity");
            // "R" round-trips on every framework; it may give "1E+20", which is valid JSON.
            sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
        }

        private static readonly char[] Hex = "0123456789abcdef".ToCharArray();

        private static void WriteString(StringBuilder sb, string s)
        {
            sb.Append('"');
            // Runs of characters written as they are go in one Append.
            int run = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029' && (c < '\uD800' || c > '\uDFFF')) continue;
                if (i > run) sb.Append(s, run, i - run);
                run = i + 1;
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    default:
                        if (c < 0x20 || c == '\u2028' || c == '\u2029')
                        {
                            AppendEscape(sb, c);
                        }
                        else if (char.IsHighSurrogate(c))
                        {
                            if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                                throw new ArgumentException("the string has a lone surrogate at index " + i + "; it cannot be sent as UTF-8");
                            sb.Append(c).Append(s[++i]);
                            run = i + 1;
                        }
                        else if (char.IsLowSurrogate(c))
                        {
                            throw new ArgumentException("the string has a lone surrogate at index " + i + "; it cannot be sent as UTF-8");
                        }
                        else
                        {
                            sb.Append(c);
                        }
                        break;
                }
            }
            if (s.Length > run) sb.Append(s, run, s.Length - run);
            sb.Append('"');
        }

        private static void AppendEscape(StringBuilder sb, char c)
        {
            sb.Append("\\u")
              .Append(Hex[(c >> 12) & 0xF]).Append(Hex[(c >> 8) & 0xF])
              .Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]);
        }

        // ---- reader -------------------------------------------------------------------

        private sealed class Reader
        {
            private readonly string _s;
            private int _i;

            public Reader(string s) { _s = s; }

            public bool AtEnd => _i >= _s.Length;

            public MesLinkJsonException Error(string message) => new MesLinkJsonException(message, _i);

            public void SkipWhitespace()
            {
                while (_i < _s.Length)
                {
                    char c = _s[_i];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') _i++;
                    else break;
                }
            }

            public object ReadValue(int depth)
            {
                if (depth > MaxDepth) throw Error("JSON nesting deeper than " + MaxDepth);
                if (AtEnd) throw Error("unexpected end of the JSON text");
                char c = _s[_i];
                switch (c)
                {
                    case '{': return ReadObject(depth);
                    case '[': return ReadArray(depth);
                    case '"': return ReadString();
                    case 't': Expect("true"); return true;
                    case 'f': Expect("false"); return false;
                    case 'n': Expect("null"); return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                        throw Error("unexpected character '" + c + "'");
                }
            }

            private void Expect(string word)
            {
                if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0)
                    throw Error("invalid literal, expected " + word);
                _i += word.Length;
            }

            private Dictionary<string, object> ReadObject(int depth)
            {
                var obj = new Dictionary<string, object>(StringComparer.Ordinal);
                _i++; // {
                SkipWhitespace();
                if (!AtEnd && _s[_i] == '}') { _i++; return obj; }
                while (true)
                {
                    SkipWhitespace();
                    if (AtEnd || _s[_i] != '"') throw Error("expected a string key");
                    string key = ReadString();
                    SkipWhitespace();
                    if (AtEnd || _s[_i] != ':') throw Error("expected ':'");
                    _i++;
                    SkipWhitespace();
                    obj[key] = ReadValue(depth + 1);
                    SkipWhitespace();
                    if (AtEnd) throw Error("unexpected end inside an object");
                    char c = _s[_i++];
                    if (c == '}') return obj;
                    if (c != ',') { _i--; throw Error("expected ',' or '}'"); }
                }
            }

            private List<object> ReadArray(int depth)
            {
                var list = new List<object>();
                _i++; // [
                SkipWhitespace();
                if (!AtEnd && _s[_i] == ']') { _i++; return list; }
                while (true)
                {
                    SkipWhitespace();
                    list.Add(ReadValue(depth + 1));
                    SkipWhitespace();
                    if (AtEnd) throw Error("unexpected end inside an array");
                    char c = _s[_i++];
                    if (c == ']') return list;
                    if (c != ',') { _i--; throw Error("expected ',' or ']'"); }
                }
            }

            private string ReadString()
            {
                _i++; // opening quote
                StringBuilder sb = null;
                int runStart = _i;
                while (true)
                {
                    if (AtEnd) throw Error("unterminated string");
                    char c = _s[_i];
                    if (c == '"')
                    {
                        string tail = _s.Substring(runStart, _i - runStart);
                        _i++;
                        return sb == null ? tail : sb.Append(tail).ToString();
                    }
                    if (c < 0x20) throw Error("control character in a string (it must be escaped)");
                    if (c != '\\') { _i++; continue; }

                    if (sb == null) sb = new StringBuilder();
                    sb.Append(_s, runStart, _i - runStart);
                    _i++; // backslash
                    if (AtEnd) throw Error("unterminated escape");
                    char e = _s[_i++];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            char u = ReadHex4();
                            // A surrogate pair arrives as two escapes; C# strings hold UTF-16,
                            // so appending both units joins them. A lone surrogate is kept as
                            // is (the JSON grammar allows it; .NET strings can hold it).
                            sb.Append(u);
                            break;
                        default:
                            _i--;
                            throw Error("invalid escape '\\" + e + "'");
                    }
                    runStart = _i;
                }
            }

            private char ReadHex4()
            {
                if (_i + 4 > _s.Length) throw Error("truncated \\u escape");
                int v = 0;
                for (int k = 0; k < 4; k++)
                {
                    char h = _s[_i++];
                    int d;
                    if (h >= '0' && h <= '9') d = h - '0';
                    else if (h >= 'a' && h <= 'f') d = h - 'a' + 10;
                    else if (h >= 'A' && h <= 'F') d = h - 'A' + 10;
                    else { _i--; throw Error("invalid hex digit in a \\u escape"); }
                    v = (v << 4) | d;
                }
                return (char)v;
            }

            private object ReadNumber()
            {
                int start = _i;
                bool integer = true;
                if (_s[_i] == '-') _i++;
                if (AtEnd) throw Error("a number needs digits");
                if (_s[_i] == '0')
                {
                    _i++;
                    if (!AtEnd && IsDigit(_s[_i])) throw Error("a number must not have a leading zero");
                }
                else if (IsDigit(_s[_i]))
                {
                    while (!AtEnd && IsDigit(_s[_i])) _i++;
                }
                else
                {
                    throw Error("a number needs digits");
                }
                if (!AtEnd && _s[_i] == '.')
                {
                    integer = false;
                    _i++;
                    if (AtEnd || !IsDigit(_s[_i])) throw Error("a fraction needs digits");
                    while (!AtEnd && IsDigit(_s[_i])) _i++;
                }
                if (!AtEnd && (_s[_i] == 'e' || _s[_i] == 'E'))
                {
                    integer = false;
                    _i++;
                    if (!AtEnd && (_s[_i] == '+' || _s[_i] == '-')) _i++;
                    if (AtEnd || !IsDigit(_s[_i])) throw Error("an exponent needs digits");
                    while (!AtEnd && IsDigit(_s[_i])) _i++;
                }
                string token = _s.Substring(start, _i - start);
                if (integer && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                    return l;
                return double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            private static bool IsDigit(char c) => c >= '0' && c <= '9';
        }

        // ---- typed access to parsed objects (used by the model classes) ------------------

        internal static string GetString(Dictionary<string, object> obj, string key)
        {
            object v;
            if (obj == null || !obj.TryGetValue(key, out v) || v == null) return null;
            if (v is string s) return s;
            if (v is long l) return l.ToString(CultureInfo.InvariantCulture);
            if (v is double d) return d.ToString("R", CultureInfo.InvariantCulture);
            if (v is bool b) return b ? "true" : "false";
            return Serialize(v);
        }

        internal static long GetInt64(Dictionary<string, object> obj, string key)
        {
            object v;
            if (obj == null || !obj.TryGetValue(key, out v) || v == null) return 0;
            if (v is long l) return l;
            if (v is double d) return (long)d;
            if (v is string s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long p)) return p;
            return 0;
        }

        internal static bool GetBool(Dictionary<string, object> obj, string key)
        {
            object v;
            if (obj == null || !obj.TryGetValue(key, out v) || v == null) return false;
            if (v is bool b) return b;
            if (v is string s) return string.Equals(s, "true", StringComparison.OrdinalIgnoreCase);
            if (v is long l) return l != 0;
            return false;
        }

        internal static int? GetNullableInt32(Dictionary<string, object> obj, string key)
        {
            object v;
            if (obj == null || !obj.TryGetValue(key, out v) || v == null) return null;
            if (v is long l && l >= int.MinValue && l <= int.MaxValue) return (int)l;
            if (v is double d) return (int)d;
            return null;
        }
    }
}
