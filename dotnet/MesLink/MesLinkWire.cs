using System;
using System.Collections.Generic;
using System.Globalization;

namespace MesLink
{
    /// <summary>
    /// How values travel between the C# layer and the core; the generated methods and models
    /// (<c>Generated/</c>) use nothing else.
    ///
    /// The one date-time rule of every language layer: a date-time goes to the core as ISO
    /// 8601 with its offset (a <see cref="DateTimeOffset"/>; a <see cref="DateTime"/> of kind
    /// Utc or Local converts to one), and the core alone converts it to the server's zone
    /// and format (<c>yyyy-MM-dd HH:mm:ss</c>). A <see cref="DateTime"/> of kind Unspecified
    /// travels without an offset, to the generic call and the typed methods alike
    /// (<see cref="MesLinkDateTime"/>): the core takes it as the server's time already (its
    /// section's <c>time_zone</c>, the station's by default).
    /// </summary>
    internal static class MesLinkWire
    {
        /// <summary>A date-time as the core takes it (see the class notes).</summary>
        internal static string DateTime(DateTimeOffset value) =>
            value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        /// <summary>A <see cref="System.DateTime"/>: with its offset unless its kind is Unspecified.</summary>
        internal static string DateTime(DateTime value) =>
            value.Kind == DateTimeKind.Unspecified
                ? value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                : DateTime(new DateTimeOffset(value));

        /// <summary>
        /// Adds a parameter unless it is null: a date-time as ISO 8601 with its offset, an
        /// enum as its documented number, a <c>byte[]</c> as <c>{"base64": ...}</c> (a file
        /// upload from memory).
        /// </summary>
        internal static void Put(Dictionary<string, object> p, string name, object value)
        {
            if (value == null) return;
            // A NUL or an unpaired surrogate is refused here, as every string the ABI takes.
            if (value is string text) NativeText.CheckText(text, name);
            if (value is MesLinkDateTime w) p[name] = w.Wire;
            else if (value is DateTimeOffset o) p[name] = DateTime(o);
            else if (value is DateTime t) p[name] = DateTime(t);
            else if (value is byte[] bytes)
                p[name] = new Dictionary<string, object> { ["base64"] = Convert.ToBase64String(bytes) };
            else if (value is Enum e) p[name] = Convert.ToInt64(e, CultureInfo.InvariantCulture);
            else p[name] = value;
        }

        /// <summary>
        /// Adds a list parameter unless it is null: every item (none null) as <see cref="Put"/>
        /// takes it; a string (which C# would let pass as a list of characters) is refused.
        /// </summary>
        internal static void PutList(Dictionary<string, object> p, string name, System.Collections.IEnumerable value)
        {
            if (value == null) return;
            if (value is string) throw new ArgumentException(name + " must be a list, not a string", name);
            var items = new List<object>();
            var one = new Dictionary<string, object>();
            foreach (var item in value)
            {
                if (item == null) throw new ArgumentException("an item of " + name + " is null", name);
                Put(one, name, item);
                items.Add(one[name]);
            }
            p[name] = items;
        }

        /// <summary>A required argument that is null: refused before anything else.</summary>
        internal static void Required(object value, string name)
        {
            if (value == null) throw new ArgumentNullException(name);
        }

        internal static object Get(Dictionary<string, object> o, string key)
        {
            object v;
            return o.TryGetValue(key, out v) ? v : null;
        }

        internal static string Text(Dictionary<string, object> o, string key)
        {
            var v = Get(o, key);
            if (v == null) return null;
            if (v is string s) return s;
            if (v is bool b) return b ? "true" : "false";
            if (v is IFormattable f) return f.ToString(null, CultureInfo.InvariantCulture);
            return MesLinkJson.Serialize(v);
        }

        internal static long? Int64OrNull(Dictionary<string, object> o, string key)
        {
            var v = Get(o, key);
            if (v == null || v is bool) return null;
            if (v is string s)
            {
                long n;
                return long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n : (long?)null;
            }
            try { return Convert.ToInt64(v, CultureInfo.InvariantCulture); }
            catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException) { return null; }
        }

        internal static long Int64(Dictionary<string, object> o, string key) => Int64OrNull(o, key) ?? 0;

        internal static double? DoubleOrNull(Dictionary<string, object> o, string key)
        {
            var v = Get(o, key);
            if (v == null || v is bool) return null;
            try { return Convert.ToDouble(v, CultureInfo.InvariantCulture); }
            catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException) { return null; }
        }

        internal static double Double(Dictionary<string, object> o, string key) => DoubleOrNull(o, key) ?? 0;

        internal static bool Bool(Dictionary<string, object> o, string key) => Get(o, key) is bool b && b;

        /// <summary>Any JSON value as JSON text (null when absent).</summary>
        internal static string JsonText(Dictionary<string, object> o, string key)
        {
            object v;
            return o.TryGetValue(key, out v) ? MesLinkJson.Serialize(v) : null;
        }

        internal static IReadOnlyList<T> List<T>(Dictionary<string, object> o, string key, Func<object, T> make)
        {
            var list = new List<T>();
            if (Get(o, key) is List<object> items)
                foreach (var item in items)
                    if (item is Dictionary<string, object>) list.Add(make(item));
            return list;
        }

        /// <summary>A JSON object of models, by key.</summary>
        internal static Dictionary<string, T> Map<T>(string json, Func<object, T> make)
        {
            var result = new Dictionary<string, T>();
            foreach (var entry in MesLinkJson.ParseObject(json)) result[entry.Key] = make(entry.Value);
            return result;
        }
    }
}
