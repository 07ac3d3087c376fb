using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace MesLink.Tests
{
    [TestFixture]
    public class JsonTests
    {
        [Test]
        public void ParsesScalars()
        {
            Assert.That(MesLinkJson.Parse("null"), Is.Null);
            Assert.That(MesLinkJson.Parse(" true "), Is.EqualTo(true));
            Assert.That(MesLinkJson.Parse("false"), Is.EqualTo(false));
            Assert.That(MesLinkJson.Parse("0"), Is.EqualTo(0L));
            Assert.That(MesLinkJson.Parse("-42"), Is.EqualTo(-42L));
            Assert.That(MesLinkJson.Parse("9223372036854775807"), Is.EqualTo(long.MaxValue));
            Assert.That(MesLinkJson.Parse("9223372036854775808"), Is.EqualTo(9223372036854775808d));
            Assert.That(MesLinkJson.Parse("3.29"), Is.EqualTo(3.29d));
            Assert.That(MesLinkJson.Parse("-1.5e3"), Is.EqualTo(-1500d));
            Assert.That(MesLinkJson.Parse("1E-2"), Is.EqualTo(0.01d));
        }

        [Test]
        public void ParsesStringEscapes()
        {
            Assert.That(MesLinkJson.Parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""), Is.EqualTo("a\"b\\c/d\b\f\n\r\t"));
            Assert.That(MesLinkJson.Parse("\"\\u672a\\u627E\\u5230\""), Is.EqualTo("未找到"));
            Assert.That(MesLinkJson.Parse("\"未找到。\""), Is.EqualTo("未找到。"));
            // U+1F600 as an escaped surrogate pair, and raw.
            Assert.That(MesLinkJson.Parse("\"x\\ud83d\\ude00y\""), Is.EqualTo("x\U0001F600y"));
            Assert.That(MesLinkJson.Parse("\"\U0001F600\""), Is.EqualTo("\U0001F600"));
            Assert.That(MesLinkJson.Parse("\"\\u0000\""), Is.EqualTo("\0"));
        }

        [Test]
        public void ParsesNesting()
        {
            var o = MesLinkJson.ParseObject("{\"a\":[1,2,{\"b\":null}],\"c\":{},\"d\":[],\"a2\":\"x\",\"a2\":\"y\"}");
            var a = (List<object>)o["a"];
            Assert.That(a.Count, Is.EqualTo(3));
            Assert.That(a[0], Is.EqualTo(1L));
            Assert.That(((Dictionary<string, object>)a[2]).ContainsKey("b"), Is.True);
            Assert.That(((Dictionary<string, object>)o["c"]).Count, Is.EqualTo(0));
            Assert.That(((List<object>)o["d"]).Count, Is.EqualTo(0));
            Assert.That(o["a2"], Is.EqualTo("y"), "a repeated key: the last wins");
        }

        [Test]
        public void RefusesInvalidJson()
        {
            foreach (var bad in new[]
            {
                "", " ", "{", "[1,]", "{\"a\":1,}", "{a:1}", "'x'", "01", "1.", ".5", "-", "1e", "+1",
                "\"unterminated", "\"bad \\x escape\"", "\"\\u12G4\"", "\"\\u12\"", "\"tab\there\"",
                "tru", "nul", "[1 2]", "{\"a\" 1}", "1 2", "NaN", "Infinity",
            })
            {
                Assert.Throws<MesLinkJsonException>(() => MesLinkJson.Parse(bad), "should refuse: " + bad);
            }
            Assert.Throws<MesLinkJsonException>(() => MesLinkJson.Parse(new string('[', MesLinkJson.MaxDepth + 5)));
            Assert.Throws<MesLinkJsonException>(() => MesLinkJson.ParseObject("[1]"));
        }

        [Test]
        public void WritesValues()
        {
            var o = new Dictionary<string, object>
            {
                { "s", "q\"b\\n\n\u0001\u2028中" },
                { "i", 42 },
                { "l", -7L },
                { "d", 3.29 },
                { "f", 0.1f },
                { "m", 1.50m },
                { "b", true },
                { "n", null },
                { "a", new object[] { 1, "x", new List<object> { false } } },
            };
            Assert.That(MesLinkJson.Serialize(o), Is.EqualTo(
                "{\"s\":\"q\\\"b\\\\n\\n\\u0001\\u2028中\",\"i\":42,\"l\":-7,\"d\":3.29,\"f\":0.1,\"m\":1.50," +
                "\"b\":true,\"n\":null,\"a\":[1,\"x\",[false]]}"));
            Assert.That(MesLinkJson.Serialize("\U0001F600"), Is.EqualTo("\"\U0001F600\""));
            // Escapes between, before and after runs of plain characters.
            Assert.That(MesLinkJson.Quote("ab\"cd\\ef\u2029gh\U0001F600ij\u0000"),
                Is.EqualTo("\"ab\\\"cd\\\\ef\\u2029gh\U0001F600ij\\u0000\""));
            Assert.That(MesLinkJson.Quote("\n\uE000\uFFFF\t"), Is.EqualTo("\"\\n\uE000\uFFFF\\t\""));
            Assert.That(MesLinkJson.Quote(""), Is.EqualTo("\"\""));
        }

        [Test]
        public void WriterRefusesWhatJsonCannotHold()
        {
            Assert.Throws<ArgumentException>(() => MesLinkJson.Serialize(double.NaN));
            Assert.Throws<ArgumentException>(() => MesLinkJson.Serialize(double.PositiveInfinity));
            Assert.Throws<ArgumentException>(() => MesLinkJson.Serialize("lone \ud83d surrogate"));
            Assert.Throws<ArgumentException>(() => MesLinkJson.Serialize("lone \ude00 surrogate"));
            Assert.Throws<ArgumentException>(() => MesLinkJson.Serialize(new object()));
        }

        [Test]
        public void RoundTrips()
        {
            string text = "{\"SERIAL_NUMBER\":\"BZJ614KM901580Z\",\"FUNCTION_NAME\":\"分容 \\\"x\\\"\",\"TARGET_QTY\":928," +
                          "\"v\":[1.25,-0.5,1E+20,true,null],\"e\":\"\U0001F600\"}";
            string once = MesLinkJson.Serialize(MesLinkJson.Parse(text));
            Assert.That(once, Is.EqualTo(text));
            Assert.That(MesLinkJson.Serialize(MesLinkJson.Parse(once)), Is.EqualTo(once));
        }

        // The generated models' FromJson reads plain JSON straight from the text
        // (MesLinkJsonFast) and must build exactly what the slow path builds from
        // MesLinkJson.Parse, or give up and let the slow path throw what it throws.
        private static readonly string[] ModelTexts = {
            "{\"FUNCTION_NAME\":\"HWR650RUSN\",\"SERIAL_NUMBER\":\"BZJ614KM901580Z\",\"SN_QTY\":929,\"TARGET_QTY\":928,\"raw\":{\"FUNCTION_NAME\":\"HWR650RUSN\",\"SERIAL_NUMBER\":\"BZJ614KM901580Z\",\"SN_QTY\":929,\"TARGET_QTY\":928}}",
            "{}", " { } ", "[]", "null", "", "  ", "{\"raw\":null}", "{\"raw\":[1,2.5,-0,1e400]}", "{\"raw\":[1,2.5,-0,1e3, 1E-2, 123456789012345678901]}",
            "{\"SN_QTY\":\"  42 \"}", "{\"SN_QTY\":\"4x2\"}", "{\"SN_QTY\":1.5}", "{\"SN_QTY\":true}", "{\"SN_QTY\":null}", "{\"SN_QTY\":-0}", "{\"SN_QTY\":9223372036854775807}", "{\"SN_QTY\":9223372036854775808}",
            "{\"SERIAL_NUMBER\":12}", "{\"SERIAL_NUMBER\":-0}", "{\"SERIAL_NUMBER\":1.5}", "{\"SERIAL_NUMBER\":true}", "{\"SERIAL_NUMBER\":[1]}", "{\"SERIAL_NUMBER\":\"a\\\"b\"}", "{\"SERIAL_NUMBER\":\"中文\"}",
            "{\"SERIAL_NUMBER\":\"a\",\"SERIAL_NUMBER\":\"b\"}", "{\"raw\":{\"a\":1,\"b\":2,\"a\":3}}", "{\"raw\":{\"a\":1},\"raw\":{\"b\":2}}",
            "{\"raw\":{\"x\":\"\u2028\"}}", "{\"raw\":{\"x\":\"\\ud800\"}}", "{\"raw\":{\"x\":\"\\u4e2d\"}}", "{\"raw\" : { \"a\" : [ 1 , { } , [ ] , \"s\" ] } }",
            "{\"raw\":{}} x", "{\"raw\":{},}", "{\"raw\":01}", "{\"other\":[1,{\"q\":\"\\n\"}],\"SN_QTY\":3}", "{\"other\":[1,{\"q\":\"x\"}],\"SN_QTY\":3}",
            "{\"SN_QTY\":3", "{\"SN_QTY\":}", "{\"SN_QTY\" 3}", "{'a':1}", "{\"raw\":tru}", "{\"raw\":truex}", "{\"raw\":{\"a\":{\"b\":{\"c\":[[[[]]]]}}}}",
            "{\"raw\":\"\\u0000\"}", "{\"raw\":[-1.0, 0.1, 100, -5]}", "{\"raw\":{\"ab\":1,\"a\":2,\"abc\":3,\"b\":{\"ab\":1,\"ab\":2}}}", "{\"raw\":{\"ab\":1,\"a\":2,\"abc\":3}}", "{\"raw\":{\"a\":1,\"ab\":2,\"a\":3}}", "{\"raw\":{\"x\": [1, 2]}}", "{\"raw\":[{},{\"a\":{}},[]]}", "{\"raw\":{\"k\":1.50}}", "\t{\"SN_QTY\":7}\r\n", "{\"SN_QTY\":7}{",
            "{\"account\":true,\"epm_no\":\"ate\",\"raw\":{\"account\":true}}", "{\"account\":1}", "{\"account\":\"true\"}",
            "{\"account\":false,\"account\":true}", "{\"account\":null}",
        };

        private static string Outcome<T>(Func<T> read, Func<T, string> show)
        {
            try { return show(read()); }
            catch (Exception e) { return "throws " + e.GetType().Name; }
        }

        [Test]
        public void FastModelReadsMatchTheSlowPath()
        {
            Func<SnDetail, string> sn = m => string.Join("|", m.SerialNumber ?? "<null>", m.FunctionName ?? "<null>", m.TargetQty, m.SnQty, m.Raw ?? "<null>");
            Func<LoginInfo, string> login = m => string.Join("|", m.EmpNo ?? "<null>", m.EmpName ?? "<null>", m.Company ?? "<null>", m.Account, m.Raw ?? "<null>");
            foreach (string text in ModelTexts)
            {
                Assert.That(Outcome(() => SnDetail.FromJson(text), sn), Is.EqualTo(Outcome(() => SnDetail.Read(MesLinkJson.Parse(text)), sn)), text);
                Assert.That(Outcome(() => LoginInfo.FromJson(text), login), Is.EqualTo(Outcome(() => LoginInfo.Read(MesLinkJson.Parse(text)), login)), text);
            }
            Assert.Throws<ArgumentNullException>(() => SnDetail.FromJson(null));
        }
    }
}
