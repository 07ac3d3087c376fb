// The fast path of the generated models' FromJson: reads a model's JSON object straight
// from the text, without the intermediate tree of MesLinkJson.Parse, but only when the
// text is plain (no escapes in strings, no duplicate keys in JSON-text fields, numbers of
// the usual shapes, ...). On anything else a method answers false and the generated code
// falls back to MesLinkJson.Parse and the MesLinkWire readers, which stay the reference:
// whenever the fast path answers a model, it is the model the slow path would have built.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MesLink
{
    internal struct MesLinkJsonFast
    {
        /// <summary>Deeper JSON-text values are left to the slow path.</summary>
        private const int MaxDepth = 64;

        private readonly string _s;
        private int _i;
        private bool _failed;
        private bool _first;

        internal MesLinkJsonFast(string s)
        {
            _s = s;
            _i = 0;
            _failed = s == null;
            _first = true;
            _bent = false;
        }

        private void SkipWhitespace()
        {
            string s = _s;
            int i = _i;
            while (i < s.Length)
            {
                char c = s[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') i++;
                else break;
            }
            _i = i;
        }

        /// <summary>SkipWhitespace inside a copied value: whitespace there is not what MesLinkJson writes.</summary>
        private void SkipCopyWhitespace()
        {
            int at = _i;
            SkipWhitespace();
            if (_i != at) _bent = true;
        }

        private bool Fail()
        {
            _failed = true;
            return false;
        }

        /// <summary>The opening brace of the model's object.</summary>
        internal bool BeginObject()
        {
            if (_failed) return false;
            SkipWhitespace();
            if (_i >= _s.Length || _s[_i] != '{') return Fail();
            _i++;
            _first = true;
            return true;
        }

        /// <summary>The next key of the model's object and its colon; false at the closing brace or on a failure (see <see cref="End"/>).</summary>
        internal bool NextKey(out string key)
        {
            key = null;
            if (_failed) return false;
            SkipWhitespace();
            if (_i >= _s.Length) return Fail();
            char c = _s[_i];
            if (_first)
            {
                _first = false;
                if (c == '}')
                {
                    _i++;
                    return false;
                }
            }
            else
            {
                if (c == '}')
                {
                    _i++;
                    return false;
                }
                if (c != ',') return Fail();
                _i++;
                SkipWhitespace();
            }
            int start, end;
            if (!PlainString(out start, out end)) return Fail();
            key = _s.Substring(start, end - start);
            SkipWhitespace();
            if (_i >= _s.Length || _s[_i] != ':') return Fail();
            _i++;
            SkipWhitespace();
            return true;
        }

        /// <summary>Whether the whole text was read without a failure (only whitespace after the object).</summary>
        internal bool End()
        {
            if (_failed) return false;
            SkipWhitespace();
            return _i == _s.Length;
        }

        /// <summary>
        /// A string without escapes at the cursor: [start, end) is its content; the cursor
        /// moves past the closing quote. False (cursor unspecified) for an escape, a control
        /// character, U+2028/2029 or a surrogate (the writer treats them apart), or no string.
        /// </summary>
        private bool PlainString(out int start, out int end)
        {
            start = end = 0;
            string s = _s;
            int i = _i;
            if (i >= s.Length || s[i] != '"') return false;
            i++;
            start = i;
            while (true)
            {
                if (i >= s.Length) return false;
                char c = s[i];
                if (c == '"') break;
                if (c == '\\' || c < 0x20 || c == '\u2028' || c == '\u2029' || (c >= '\uD800' && c <= '\uDFFF')) return false;
                i++;
            }
            end = i;
            _i = i + 1;
            return true;
        }

        /// <summary>
        /// A number at the cursor as MesLinkJson.Parse reads it (a long when it is an integer
        /// that fits, else a double); <paramref name="plainInteger"/> when its text is an
        /// integer that MesLinkJson writes back identically.
        /// </summary>
        private bool Number(out long l, out double d, out bool isLong, out int start, out bool plainInteger)
        {
            l = 0; d = 0; isLong = false; plainInteger = false;
            string s = _s;
            int i = _i;
            start = i;
            bool negative = false;
            if (i < s.Length && s[i] == '-') { negative = true; i++; }
            if (i >= s.Length) return false;
            int digitsAt = i;
            if (s[i] == '0') i++;
            else if (s[i] >= '1' && s[i] <= '9') { while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++; }
            else return false;
            int digits = i - digitsAt;
            bool integer = true;
            if (i < s.Length && s[i] == '.')
            {
                integer = false;
                i++;
                if (i >= s.Length || s[i] < '0' || s[i] > '9') return false;
                while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
            }
            if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
            {
                integer = false;
                i++;
                if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
                if (i >= s.Length || s[i] < '0' || s[i] > '9') return false;
                while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
            }
            _i = i;
            if (integer && digits <= 18)
            {
                long v = 0;
                for (int k = digitsAt; k < i; k++) v = v * 10 + (s[k] - '0');
                l = negative ? -v : v;
                isLong = true;
                plainInteger = !(negative && v == 0);
                return true;
            }
            string token = s.Substring(start, i - start);
            if (integer && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l))
            {
                isLong = true;
                return true;
            }
            d = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
            return true;
        }

        private bool Literal(string word)
        {
            if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0) return false;
            _i += word.Length;
            return true;
        }

        /// <summary>MesLinkWire.Text of the value at the cursor.</summary>
        internal bool Text(out string value)
        {
            value = null;
            if (_failed || _i >= _s.Length) return Fail();
            char c = _s[_i];
            if (c == '"')
            {
                int start, end;
                if (!PlainString(out start, out end)) return Fail();
                value = _s.Substring(start, end - start);
                return true;
            }
            if (c == 'n') return Literal("null") || Fail();
            if (c == 't') { value = "true"; return Literal("true") || Fail(); }
            if (c == 'f') { value = "false"; return Literal("false") || Fail(); }
            if (c == '-' || (c >= '0' && c <= '9'))
            {
                long l; double d; bool isLong, plain; int start;
                if (!Number(out l, out d, out isLong, out start, out plain) || !isLong) return Fail();
                value = plain ? _s.Substring(start, _i - start) : l.ToString(CultureInfo.InvariantCulture);
                return true;
            }
            return Fail(); // an object or array: Serialize, on the slow path
        }

        /// <summary>MesLinkWire.Int64OrNull of the value at the cursor.</summary>
        internal bool Int64OrNull(out long? value)
        {
            value = null;
            if (_failed || _i >= _s.Length) return Fail();
            char c = _s[_i];
            if (c == 'n') return Literal("null") || Fail();
            if (c == 't') return Literal("true") || Fail();
            if (c == 'f') return Literal("false") || Fail();
            if (c == '"')
            {
                int start, end;
                if (!PlainString(out start, out end)) return Fail();
                long n;
                if (long.TryParse(_s.Substring(start, end - start).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n)) value = n;
                return true;
            }
            if (c == '-' || (c >= '0' && c <= '9'))
            {
                long l; double d; bool isLong, plain; int start;
                if (!Number(out l, out d, out isLong, out start, out plain) || !isLong) return Fail();
                value = l;
                return true;
            }
            return Fail();
        }

        /// <summary>MesLinkWire.DoubleOrNull of the value at the cursor.</summary>
        internal bool DoubleOrNull(out double? value)
        {
            value = null;
            if (_failed || _i >= _s.Length) return Fail();
            char c = _s[_i];
            if (c == 'n') return Literal("null") || Fail();
            if (c == 't') return Literal("true") || Fail();
            if (c == 'f') return Literal("false") || Fail();
            if (c == '-' || (c >= '0' && c <= '9'))
            {
                long l; double d; bool isLong, plain; int start;
                if (!Number(out l, out d, out isLong, out start, out plain)) return Fail();
                value = isLong ? (double)l : d;
                return true;
            }
            return Fail(); // a string: Convert.ToDouble, on the slow path
        }

        /// <summary>MesLinkWire.Bool of the value at the cursor.</summary>
        internal bool Bool(out bool value)
        {
            value = false;
            if (_failed || _i >= _s.Length) return Fail();
            char c = _s[_i];
            if (c == 'n') return Literal("null") || Fail();
            if (c == 't') { value = true; return Literal("true") || Fail(); }
            if (c == 'f') return Literal("false") || Fail();
            return Fail();
        }

        [ThreadStatic] private static StringBuilder _builder;

        /// <summary>Set by the copy when the text of a value differs from what MesLinkJson writes (whitespace, a number written otherwise).</summary>
        private bool _bent;

        /// <summary>MesLinkJson.JsonText of the value at the cursor: the value as MesLinkJson.Serialize writes it back.</summary>
        internal bool JsonText(out string value)
        {
            value = null;
            if (_failed) return false;
            int start = _i;
            _bent = false;
            if (!Copy(null, true, 0)) return Fail();
            if (!_bent)
            {
                // Already written as MesLinkJson writes it: the text itself.
                value = _s.Substring(start, _i - start);
                return true;
            }
            _i = start;
            StringBuilder sb = _builder ?? new StringBuilder(256);
            _builder = null;
            sb.Clear();
            bool ok = Copy(sb, true, 0);
            if (ok) value = sb.ToString();
            if (sb.Capacity <= 16 * 1024) _builder = sb;
            return ok || Fail();
        }

        /// <summary>Skips (and checks) the value at the cursor.</summary>
        internal bool Skip()
        {
            if (_failed) return false;
            return Copy(null, false, 0) || Fail();
        }

        /// <summary>Copies the value at the cursor as MesLinkJson.Serialize(MesLinkJson.Parse(value)) would write it (to nothing when <paramref name="sb"/> is null).</summary>
        private bool Copy(StringBuilder sb, bool checkKeys, int depth)
        {
            if (depth > MaxDepth || _i >= _s.Length) return false;
            char c = _s[_i];
            switch (c)
            {
                case '"':
                {
                    int start, end;
                    if (!PlainString(out start, out end)) return false;
                    if (sb != null) sb.Append(_s, start - 1, end - start + 2);
                    return true;
                }
                case 'n': if (!Literal("null")) return false; sb?.Append("null"); return true;
                case 't': if (!Literal("true")) return false; sb?.Append("true"); return true;
                case 'f': if (!Literal("false")) return false; sb?.Append("false"); return true;
                case '{': return CopyObject(sb, checkKeys, depth);
                case '[': return CopyArray(sb, checkKeys, depth);
            }
            if (c == '-' || (c >= '0' && c <= '9'))
            {
                long l; double d; bool isLong, plain; int start;
                if (!Number(out l, out d, out isLong, out start, out plain)) return false;
                if (!plain) _bent = true;
                if (sb == null) return true;
                if (plain) sb.Append(_s, start, _i - start);
                else if (isLong) sb.Append(l.ToString(CultureInfo.InvariantCulture));
                else if (double.IsNaN(d) || double.IsInfinity(d)) return false;
                else sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return true;
            }
            return false;
        }

        private bool CopyObject(StringBuilder sb, bool checkKeys, int depth)
        {
            _i++; // {
            sb?.Append('{');
            SkipCopyWhitespace();
            if (_i < _s.Length && _s[_i] == '}') { _i++; sb?.Append('}'); return true; }
            // Keys seen, to leave a repeated key (the last wins, at the first's place) to the slow path.
            List<int> keys = null;
            bool firstKey = true;
            while (true)
            {
                SkipCopyWhitespace();
                int start, end;
                if (!PlainString(out start, out end)) return false;
                if (checkKeys)
                {
                    if (keys == null) keys = new List<int>();
                    int length = end - start;
                    for (int k = 0; k < keys.Count; k++)
                    {
                        int other = keys[k];
                        if (_s[other - 1] == '"' && string.CompareOrdinal(_s, other, _s, start, length) == 0 && _s[other + length] == '"') return false;
                    }
                    if (keys.Count > 64) return false;
                    keys.Add(start);
                }
                if (sb != null)
                {
                    if (!firstKey) sb.Append(',');
                    sb.Append(_s, start - 1, end - start + 2).Append(':');
                }
                firstKey = false;
                SkipCopyWhitespace();
                if (_i >= _s.Length || _s[_i] != ':') return false;
                _i++;
                SkipCopyWhitespace();
                if (!Copy(sb, checkKeys, depth + 1)) return false;
                SkipCopyWhitespace();
                if (_i >= _s.Length) return false;
                char c = _s[_i++];
                if (c == '}') { sb?.Append('}'); return true; }
                if (c != ',') return false;
            }
        }

        private bool CopyArray(StringBuilder sb, bool checkKeys, int depth)
        {
            _i++; // [
            sb?.Append('[');
            SkipCopyWhitespace();
            if (_i < _s.Length && _s[_i] == ']') { _i++; sb?.Append(']'); return true; }
            bool first = true;
            while (true)
            {
                SkipCopyWhitespace();
                if (!first) sb?.Append(',');
                first = false;
                if (!Copy(sb, checkKeys, depth + 1)) return false;
                SkipCopyWhitespace();
                if (_i >= _s.Length) return false;
                char c = _s[_i++];
                if (c == ']') { sb?.Append(']'); return true; }
                if (c != ',') return false;
            }
        }
    }
}
