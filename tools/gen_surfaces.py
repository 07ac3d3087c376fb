#!/usr/bin/env python3
"""Writes every language surface of meslink from the catalog: the typed methods of every
request call, the answer models, the record types and the enumerations, for Rust, Python
(with .pyi stubs) and C#, and the C named exports the catalog marks.

    python3 tools/gen_surfaces.py                 # rewrite the generated files
    python3 tools/gen_surfaces.py --check         # exit 1 if any is stale
    python3 tools/gen_surfaces.py --catalog DIR --out DIR
                                                  # from saved catalog JSON (calls.json,
                                                  # enums.json, models.json) into DIR

The catalog is read from `meslink catalog --json`, `--enums` and `--models` (the built
CLI in MESLINK_CLI, else `cargo run`). One program, one template per language: a call is
one row, whichever server it belongs to, and issue #9's async twins come from the same
row (`Method` below is all a template sees).

Naming policy (stated again at the top of every generated file):
  * a call's place: the energy platform's calls are grouped as its document groups them
    (`energy.meters.create` -> `client.energy.meters.create`), every other call is a
    method of the client named after its id (`ate.sn_detail.get` -> `ate_sn_detail_get`);
    Rust and Python use these names, C# their PascalCase (`Energy.Meters.Create`,
    `AteSnDetailGet`);
  * a parameter or field: the wire name in snake_case (`batteryStation` ->
    `battery_station`, `Meter_Name` -> `meter_name`) in Rust and Python, camelCase for C#
    parameters and PascalCase for C# properties; the wire name is in the doc comment, and
    Python still takes the wire name as a deprecated keyword;
  * enumeration members: PascalCase in Rust and C#, UPPER_SNAKE in Python (the PascalCase
    name kept as an alias).
Date-time rule: the language layer sends ISO 8601 with the value's offset (Python: an
aware datetime with its offset, a naive one without; C#: MesLinkDateTime, from a
DateTimeOffset or a DateTime, Unspecified ones without an offset; Rust: DateTimeArg); the core alone converts to the server's format.
"""

from __future__ import annotations

import argparse
import json
import keyword
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
TOOL = "tools/gen_surfaces.py"
HEADER = "Generated from the catalog by %s; do not edit." % TOOL
POLICY = [
    "Names: energy calls grouped as its document groups them (client.energy.meters.create),",
    "other calls as client methods named after their id (ate_sn_detail_get); parameters",
    "and fields are the wire name in snake_case (Rust, Python), camelCase (C# parameters),",
    "PascalCase (C# properties); the wire name is in each doc comment.",
    "Date-times: the language layer sends ISO 8601 with the value's offset; the core alone",
    "converts to the server's format.",
]
OUT = {
    "rust_models": "rust/meslink/src/models/generated.rs",
    "rust_calls": "rust/meslink/src/named/generated.rs",
    "c_exports": "rust/meslink-ffi/src/named.rs",
    "py": "python/meslink/_generated.py",
    "pyi": "python/meslink/_generated.pyi",
    "cs_models": "dotnet/MesLink/Generated/Models.g.cs",
    "cs_calls": "dotnet/MesLink/Generated/Calls.g.cs",
}
PAGE, PER_PAGE = "Page_Counts", "Per_Page_Counts"
CS_KEYWORDS = set(
    """abstract as base bool break byte case catch char checked class const continue decimal
    default delegate do double else enum event explicit extern false finally fixed float for
    foreach goto if implicit in int interface internal is lock long namespace new null object
    operator out override params private protected public readonly ref return sbyte sealed
    short sizeof stackalloc static string struct switch this throw true try typeof uint ulong
    unchecked unsafe ushort using virtual void volatile while""".split()
)
RUST_KEYWORDS = set(
    """as break const continue crate else enum extern false fn for if impl in let loop match mod
    move mut pub ref return self Self static struct super trait true type unsafe use where while
    async await dyn abstract become box do final macro override priv typeof unsized virtual
    yield try""".split()
)


# ---- names ---------------------------------------------------------------------------


def snake(name: str) -> str:
    """A wire name in snake_case: batteryStation -> battery_station, Meter_Name ->
    meter_name, SERIAL_NUMBER -> serial_number, processUnit -> process_unit."""
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"[^A-Za-z0-9]+", "_", s)
    return re.sub(r"_+", "_", s).strip("_").lower() or "value"


def pascal(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in snake(name).split("_") if p)


def camel(name: str) -> str:
    p = pascal(name)
    return p[:1].lower() + p[1:]


def upper(name: str) -> str:
    return snake(name).upper()


def py_name(name: str) -> str:
    n = snake(name)
    if keyword.iskeyword(n) or n in ("self",):
        n += "_"
    if n[0].isdigit():
        n = "p_" + n
    return n


def rs_name(name: str) -> str:
    n = snake(name)
    if n in RUST_KEYWORDS:
        n = "r#" + n
    if n[0].isdigit():
        n = "p_" + n
    return n


def cs_param_name(name: str) -> str:
    n = camel(name)
    return "@" + n if n in CS_KEYWORDS else n


def xml(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- the rows the templates see ---------------------------------------------------------


@dataclass
class Param:
    wire: str
    kind: str
    required: bool
    doc: str
    choice: Optional[dict]  # an enumeration: {"name", "values", "str": bool}


@dataclass
class Method:
    """One typed method: everything a template needs of one catalog row."""

    id: str
    summary: str
    http: str
    path: str
    groups: List[str]
    name: str
    params: List[Param]
    answer: dict
    record: Optional[str]
    c_export: bool
    paged: bool = False

    @property
    def ordered(self) -> List[Param]:
        return [p for p in self.params if p.required] + [p for p in self.params if not p.required]

    @property
    def doc(self) -> str:
        return "`%s` (%s %s): %s" % (self.id, self.http, self.path, self.summary)


@dataclass
class Group:
    path: List[str]
    groups: "Dict[str, Group]" = field(default_factory=dict)
    methods: List[Method] = field(default_factory=list)

    @property
    def type_name(self) -> str:
        return "".join(pascal(p) for p in self.path)


def load(args) -> tuple:
    if args.catalog:
        d = Path(args.catalog)
        read = lambda n: json.loads((d / n).read_text(encoding="utf-8"))  # noqa: E731
        return read("calls.json"), read("enums.json"), read("models.json")
    exe = os.environ.get("MESLINK_CLI")
    cmd = [exe] if exe else ["cargo", "run", "-q", "-p", "meslink-cli", "--bin", "meslink", "--"]

    def cli(*a: str):
        out = subprocess.run(cmd + list(a), cwd=ROOT, check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    return cli("catalog", "--json"), cli("catalog", "--enums"), cli("catalog", "--models")


def enum_table(int_enums: list, str_enums: list) -> Dict[str, dict]:
    table = {}
    for e in int_enums:
        table[e["name"]] = dict(e, str=False)
    for e in str_enums:
        table[e["name"]] = dict(e, str=True)
    return table


def build(calls: list, int_enums: list, models: dict):
    enums = enum_table(int_enums, models["enums"])
    by_param = {}
    for e in int_enums:
        for p in e["param"].split(","):
            by_param.setdefault(p.strip(), e["name"])
    root = Group([])
    methods = []
    for c in calls:
        if not c.get("named"):
            continue
        params = []
        for p in c["params"]:
            choice = p.get("choice") or by_param.get(p["name"])
            params.append(Param(p["name"], p["kind"], p["required"], p["doc"], enums.get(choice) if choice else None))
        m = Method(
            id=c["id"], summary=c["summary"], http=c["method"], path=c["path"],
            groups=c["named"]["groups"], name=c["named"]["method"], params=params,
            answer=c["answer"], record=c.get("record"), c_export=c.get("c_export", False),
        )
        names = {p.wire for p in params}
        m.paged = {PAGE, PER_PAGE} <= names
        methods.append(m)
        node = root
        for i, g in enumerate(m.groups):
            node = node.groups.setdefault(g, Group(m.groups[: i + 1]))
        node.methods.append(m)
    return root, methods, enums, models["models"]


def walk(g: Group):
    yield g
    for child in g.groups.values():
        yield from walk(child)


def records(methods: List[Method]) -> List[Method]:
    return [m for m in methods if m.record]


# ---- Rust -------------------------------------------------------------------------------


def rs_header() -> List[str]:
    return ["// " + HEADER] + ["// " + line for line in POLICY] + [""]


def rs_field_type(f: dict) -> str:
    k = f["kind"]
    t = {"text": "String", "integer": "i64", "number": "f64", "bool": "bool", "json": "Value"}.get(k)
    if k == "enum":
        t = f["enum"]
    elif k == "model":
        t = "Box<%s>" % f["model"]
    elif k == "list":
        t = "Vec<%s>" % f["model"]
    return "Option<%s>" % t if f["optional"] else t


def rs_doc(text: str, indent: str = "") -> List[str]:
    return [indent + "/// " + line if line else indent + "///" for line in text.split("\n")]


def rust_models(methods: List[Method], enums: Dict[str, dict], models: list) -> str:
    out = ["//! The answer models, records and enumerations of the typed surfaces.", "//!"]
    out += ["//! " + HEADER] + ["//! " + line for line in POLICY]
    out += ["", "#![allow(clippy::all)]", "", "use crate::datetime::DateTimeArg;", "use serde::{Deserialize, Serialize};", "use serde_json::{Map, Value};", ""]
    for e in enums.values():
        out += rs_doc("%s (`%s`)." % (e.get("doc") or e["name"], e["param"]))
        if e["str"]:
            out.append("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]")
        else:
            out.append("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]")
        out.append("pub enum %s {" % e["name"])
        for v in e["values"]:
            out += rs_doc(v["doc"], "    ")
            if e["str"]:
                out.append('    #[serde(rename = "%s")]' % v["value"])
                out.append("    %s," % pascal(v["name"]))
            else:
                out.append("    %s = %d," % (pascal(v["name"]), v["value"]))
        out.append("}")
        out.append("")
        out.append("impl %s {" % e["name"])
        out.append("    /// Every member, in the document's order.")
        out.append("    pub const ALL: &'static [%s] = &[%s];" % (e["name"], ", ".join("%s::%s" % (e["name"], pascal(v["name"])) for v in e["values"])))
        if e["str"]:
            out.append("    /// The value on the wire.")
            out.append("    pub fn as_str(self) -> &'static str {")
            out.append("        match self {")
            for v in e["values"]:
                out.append('            %s::%s => "%s",' % (e["name"], pascal(v["name"]), v["value"]))
            out += ["        }", "    }", ""]
            out.append("    /// The member of a wire value.")
            out.append("    pub fn from_wire(s: &str) -> Option<%s> {" % e["name"])
            out.append("        Self::ALL.iter().copied().find(|v| v.as_str() == s)")
            out.append("    }")
            out.append("}")
            out.append("")
            out.append("impl From<%s> for Value {" % e["name"])
            out.append("    fn from(v: %s) -> Value {" % e["name"])
            out.append("        Value::from(v.as_str())")
        else:
            out.append("    /// The documented number.")
            out.append("    pub fn value(self) -> i64 {")
            out.append("        self as i64")
            out.append("    }")
            out.append("}")
            out.append("")
            out.append("impl From<%s> for Value {" % e["name"])
            out.append("    fn from(v: %s) -> Value {" % e["name"])
            out.append("        Value::from(v.value())")
        out += ["    }", "}", ""]
    for m in models:
        out += rs_doc(m["doc"])
        out.append("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]")
        out.append("pub struct %s {" % m["name"])
        for f in m["fields"]:
            out += rs_doc("`%s`: %s" % (f["key"], f["doc"]), "    ")
            attrs = []
            if f["key"] != f["name"]:
                attrs.append('rename = "%s"' % f["key"])
            if f["optional"] or f["kind"] == "json":
                attrs.append("default")
            if attrs:
                out.append("    #[serde(%s)]" % ", ".join(attrs))
            out.append("    pub %s: %s," % (rs_name(f["name"]), rs_field_type(f)))
        out += ["}", ""]
        if m["source"] == "answer":
            out.append("impl crate::models::FromAnswer for %s {" % m["name"])
            out.append("    fn from_answer(answer: Value) -> crate::error::Result<Self> {")
            out.append("        crate::models::read_answer(answer)")
            out.append("    }")
            out.append("}")
            out.append("")
    out.append("/// The typed JSON of `model` read from a call's answer: what `Client::call_typed`")
    out.append("/// hands the Python and C# layers, which make their generated models from it.")
    out.append("pub(crate) fn typed_json(model: &str, answer: Value) -> crate::error::Result<Value> {")
    out.append("    use crate::models::FromAnswer;")
    out.append("    match model {")
    for m in models:
        if m["source"] != "nested":
            out.append('        "%s" => crate::models::to_json(%s::from_answer(answer)?),' % (m["name"], m["name"]))
    out.append('        other => Err(crate::error::Error::internal(format!("no model {other:?}"))),')
    out += ["    }", "}", ""]
    for m in records(methods):
        out += rs_doc("The parameters of `%s` as one record: %s" % (m.id, m.summary))
        out.append("#[derive(Debug, Clone, PartialEq)]")
        out.append("pub struct %s {" % m.record)
        for p in m.params:
            out += rs_doc("`%s`: %s" % (p.wire, p.doc), "    ")
            out.append("    pub %s: %s," % (rs_name(p.wire), rs_arg_owned(p)))
        out += ["}", ""]
        out.append("impl %s {" % m.record)
        out.append("    /// The parameters of the generic call, with the server's names.")
        out.append("    pub fn to_params(&self) -> Value {")
        out.append("        let mut p = Map::new();")
        for p in m.params:
            f = "self.%s" % rs_name(p.wire)
            if p.required:
                out.append('        p.insert("%s".into(), Value::from(%s.clone()));' % (p.wire, f))
            else:
                out.append('        if let Some(v) = &%s {' % f)
                out.append('            p.insert("%s".into(), Value::from(v.clone()));' % p.wire)
                out.append("        }")
        out += ["        Value::Object(p)", "    }", "}", ""]
    return "\n".join(out).rstrip() + "\n"


def rs_arg_owned(p: Param) -> str:
    if p.choice:
        t = p.choice["name"]
    else:
        t = {"text": "String", "number": "f64", "integer": "i64", "datetime": "DateTimeArg", "bool": "bool"}.get(p.kind, "Value")
    return t if p.required else "Option<%s>" % t


def rs_arg(p: Param) -> tuple:
    """(type in a signature, expression turning the argument into a Value)."""
    n = rs_name(p.wire)
    if p.choice:
        return "crate::models::" + p.choice["name"], "Value::from(%s)" % n
    if p.kind == "text":
        return "&str", "Value::from(%s)" % n
    if p.kind in ("number", "integer", "bool"):
        return {"number": "f64", "integer": "i64", "bool": "bool"}[p.kind], "Value::from(%s)" % n
    if p.kind == "datetime":
        return "impl Into<DateTimeArg>", "Value::from(%s.into())" % n
    return "impl serde::Serialize", "crate::named::to_value(&%s)" % n


def rs_setter(p: Param) -> tuple:
    if p.choice:
        return "crate::models::" + p.choice["name"], "Value::from(v)"
    if p.kind == "text":
        return "impl Into<String>", "Value::from(v.into())"
    if p.kind in ("number", "integer", "bool"):
        return {"number": "f64", "integer": "i64", "bool": "bool"}[p.kind], "Value::from(v)"
    if p.kind == "datetime":
        return "impl Into<DateTimeArg>", "Value::from(v.into())"
    return "impl serde::Serialize", "crate::named::to_value(&v)"


def rs_put(target: str, wire: str, expr: str) -> str:
    verb = "try_put" if expr.startswith("crate::named::to_value") else "put"
    return '        %s.%s("%s", %s);' % (target, verb, wire, expr)


def rs_return(m: Method) -> tuple:
    """(type, expression of `answer` that makes it)."""
    a = m.answer
    if a["kind"] == "nothing":
        return "()", "crate::named::nothing(answer)"
    if a["kind"] == "model":
        return "crate::models::%s" % a["model"], 'crate::named::model("%s", answer)' % m.id
    if a["kind"] == "model_map":
        return "std::collections::BTreeMap<String, crate::models::%s>" % a["model"], 'crate::named::model_map("%s", answer)' % m.id
    return "Value", "Ok(answer)"


def rust_calls(root: Group, methods: List[Method]) -> str:
    out = ["//! The typed methods of every request call.", "//!"]
    out += ["//! " + HEADER] + ["//! " + line for line in POLICY]
    out += ["", "#![allow(clippy::all, unused_mut)]", "", "use crate::datetime::DateTimeArg;", "use crate::named::Args;", "use crate::client::Client;", "use crate::error::Result;", "use serde_json::Value;", "use std::future::{Future, IntoFuture};", "use std::pin::Pin;", ""]
    for g in walk(root):
        if g.path:
            out += rs_doc("The `%s.*` calls." % ".".join(g.path))
            out.append("#[derive(Clone, Copy)]")
            out.append("pub struct %s<'a> {" % g.type_name)
            out.append("    client: &'a Client,")
            out += ["}", ""]
        out.append("impl %s {" % ("Client" if not g.path else "<'a> " + g.type_name + "<'a>").replace("impl <'a>", "impl<'a>"))
        client = "self" if not g.path else "self.client"
        for sub, child in g.groups.items():
            out += rs_doc("The `%s.*` calls." % ".".join(child.path), "    ")
            life = "'_" if not g.path else "'a"
            out.append("    pub fn %s(&self) -> %s<%s> {" % (rs_name(sub), child.type_name, life))
            out.append("        %s { client: %s }" % (child.type_name, client))
            out.append("    }")
            out.append("")
        for m in g.methods:
            ret, make = rs_return(m)
            out += rs_doc(m.doc, "    ")
            required = [p for p in m.params if p.required]
            optional = [p for p in m.params if not p.required]
            if m.record:
                out.append("    pub async fn %s(&self, record: &crate::models::%s) -> Result<%s> {" % (rs_name(m.name), m.record, ret))
                out.append('        let answer = %s.call("%s", record.to_params()).await?;' % (client, m.id))
                out.append("        %s" % make)
                out.append("    }")
            elif not optional:
                sig = ", ".join("%s: %s" % (rs_name(p.wire), rs_arg(p)[0]) for p in required)
                out.append("    pub async fn %s(&self%s) -> Result<%s> {" % (rs_name(m.name), ", " + sig if sig else "", ret))
                out.append("        let mut a = Args::new();")
                for p in required:
                    out.append(rs_put("a", p.wire, rs_arg(p)[1]))
                out.append('        let answer = %s.call("%s", a.into_value()?).await?;' % (client, m.id))
                out.append("        %s" % make)
                out.append("    }")
            else:
                builder = pascal(m.id.replace(".", "_")) + "Call"
                sig = ", ".join("%s: %s" % (rs_name(p.wire), rs_arg(p)[0]) for p in required)
                out += rs_doc("\nOptional parameters are set on the returned request; `.await` sends it.", "    ")
                life = "'_" if not g.path else "'a"
                out.append("    pub fn %s(&self%s) -> %s<%s> {" % (rs_name(m.name), ", " + sig if sig else "", builder, life))
                out.append("        let mut a = Args::new();")
                for p in required:
                    out.append(rs_put("a", p.wire, rs_arg(p)[1]))
                out.append("        %s { client: %s, args: a }" % (builder, client))
                out.append("    }")
            out.append("")
        if out[-1] == "":
            out.pop()
        out += ["}", ""]
        for m in g.methods:
            optional = [p for p in m.params if not p.required]
            if m.record or not optional:
                continue
            builder = pascal(m.id.replace(".", "_")) + "Call"
            ret, make = rs_return(m)
            out += rs_doc("A `%s` request: set optional parameters, then `.await` it." % m.id)
            out.append("#[must_use = \"a request does nothing until it is awaited\"]")
            out.append("pub struct %s<'a> {" % builder)
            out.append("    client: &'a Client,")
            out.append("    args: Args,")
            out += ["}", ""]
            out.append("impl<'a> %s<'a> {" % builder)
            for p in optional:
                t, conv = rs_setter(p)
                out += rs_doc("`%s`: %s" % (p.wire, p.doc), "    ")
                out.append("    pub fn %s(mut self, v: %s) -> Self {" % (rs_name(p.wire), t))
                out.append(rs_put("self.args", p.wire, conv))
                out.append("        self")
                out.append("    }")
                out.append("")
            out += rs_doc("Sends the request.", "    ")
            out.append("    pub async fn send(self) -> Result<%s> {" % ret)
            out.append('        let answer = self.client.call("%s", self.args.into_value()?).await?;' % m.id)
            out.append("        %s" % make)
            out.append("    }")
            if m.paged:
                out.append("")
                out += rs_doc("Every record of the list, page after page (`per_page` a page).", "    ")
                out.append("    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {")
                out.append('        self.client.energy_all_pages("%s", self.args.into_value()?, per_page).await' % m.id)
                out.append("    }")
            out += ["}", ""]
            out.append("impl<'a> IntoFuture for %s<'a> {" % builder)
            out.append("    type Output = Result<%s>;" % ret)
            out.append("    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;")
            out.append("    fn into_future(self) -> Self::IntoFuture {")
            out.append("        Box::pin(self.send())")
            out += ["    }", "}", ""]
    out.append("/// (method path, call id) of every typed method, for tests and tools.")
    out.append("pub const NAMED_METHODS: &[(&str, &str)] = &[")
    for m in methods:
        out.append('    ("%s", "%s"),' % (".".join(m.groups + [m.name]), m.id))
    out.append("];")
    return "\n".join(out).rstrip() + "\n"


# ---- C ----------------------------------------------------------------------------------


def c_exports(methods: List[Method]) -> str:
    out = ["//! The named C exports the catalog marks (`c_export`), each the generic call of its id.", "//!"]
    out += ["//! " + HEADER]
    out += ["//! Text parameters are C strings in the client's encoding; a call with a record takes it", "//! as one JSON object (`record_json`).", ""]
    out += ["use crate::buffer::Out;", "use crate::calls::{answer, named, on_client};", "use crate::guard;", "use crate::status::MESLINK_OK;", "use crate::text;", "use std::ffi::c_char;", ""]
    for m in methods:
        if not m.c_export:
            continue
        fn = "meslink_" + m.id.replace(".", "_")
        writes = m.answer["kind"] != "nothing"
        # Only required parameters are arguments (optional ones: the generic call).
        plist = [p for p in m.params if p.required]
        args = ["record_json"] if m.record else [rs_name(p.wire) for p in plist]
        out.append("/// %s." % m.doc)
        out.append("///")
        if m.record:
            out.append("/// `record_json` is a JSON object with the server's field names:")
            for p in m.params:
                out.append("/// `%s` (%s%s)," % (p.wire, p.doc, "" if p.required else ", optional"))
            out.append("/// checked before anything is sent (a missing or wrong field is")
            out.append("/// `MESLINK_E_INVALID_ARGUMENT` naming it). Date-times: `yyyy-MM-dd HH:mm:ss`, ISO 8601")
            out.append("/// (an offset is converted by the core) or Unix seconds.")
        else:
            for p in plist:
                out.append("/// `%s`: %s." % (rs_name(p.wire), p.doc))
            if len(plist) < len(m.params):
                out.append("/// Its optional parameters go through `meslink_client_call`.")
        out.append("///")
        if writes:
            out.append("/// Writes the server's JSON answer into `buf`. Buffer rules, encoding, ownership and")
            out.append("/// thread-safety as `meslink_client_call`; returns its statuses.")
        else:
            out.append("/// Strings are read in the client's encoding; the caller owns them. Thread-safe, like")
            out.append("/// `meslink_client_call`; returns its statuses except `MESLINK_E_BUFFER_TOO_SMALL`.")
        out.append("///")
        out.append("/// # Safety")
        safety = ", ".join("`%s`" % a for a in args)
        if args:
            out.append("/// %s: NULL or NUL-terminated strings.%s" % (safety, " `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`." if writes else ""))
        else:
            out.append("/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.")
        out.append("#[no_mangle]")
        sig = ["    client: i32,"] + ["    %s: *const c_char," % a for a in args]
        if writes:
            sig += ["    buf: *mut c_char,", "    cap: u32,", "    out_len: *mut u32,"]
        out.append("pub unsafe extern \"C\" fn %s(" % fn)
        out += sig
        out.append(") -> i32 {")
        out.append('    guard::call("%s", || {' % fn)
        if m.record:
            out.append("        // SAFETY (both blocks): the caller's contract above.")
            out.append("        let out = unsafe { Out::new(buf, cap, out_len) }?;")
            out.append("        answer(&out, client, |c| {")
            out.append('            let record = unsafe { text::json_arg(record_json, "record_json", c.encoding) }?;')
            out.append('            Ok(c.client.call_blocking("%s", record)?)' % m.id)
            out.append("        })")
        else:
            pairs = ", ".join('("%s", %s)' % (p.wire, rs_name(p.wire)) for p in plist)
            if writes:
                out.append("        // SAFETY (both blocks): the caller's contract above.")
                out.append("        let out = unsafe { Out::new(buf, cap, out_len) }?;")
                out.append("        let args = [%s];" % pairs)
                out.append('        answer(&out, client, |c| unsafe { named(c, "%s", &args) })' % m.id)
            else:
                out.append("        let args = [%s];" % pairs)
                out.append("        // SAFETY: the caller's contract above.")
                out.append('        on_client(client, |c| unsafe { named(c, "%s", &args) })?;' % m.id)
                out.append("        Ok(MESLINK_OK)")
        out.append("    })")
        out.append("}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# ---- Python -----------------------------------------------------------------------------

PY_KIND = {"text": "str", "number": "float", "integer": "int", "datetime": "DateTimeLike", "bool": "bool", "list": "List[Any]", "object": "Dict[str, Any]", "any": "Any"}


def py_type(p: Param) -> str:
    t = PY_KIND[p.kind]
    if p.choice:
        t = "Union[%s, %s]" % (p.choice["name"], "str" if p.choice["str"] else "int, str")
    return t


def py_field_type(f: dict) -> str:
    k = f["kind"]
    t = {"text": "str", "integer": "int", "number": "float", "bool": "bool", "json": "Any"}.get(k)
    if k == "enum":
        t = f["enum"]
    elif k == "model":
        t = '"%s"' % f["model"]
    elif k == "list":
        t = 'List["%s"]' % f["model"]
    return "Optional[%s]" % t if f["optional"] else t


def py_read(f: dict) -> str:
    get = 'd.get("%s")' % f["key"]
    k = f["kind"]
    if k == "list":
        return "[%s._from_json(x) for x in (%s or []) if isinstance(x, dict)]" % (f["model"], get)
    if k == "model":
        return "%s._from_json(%s or {})" % (f["model"], get)
    if k == "enum":
        return "_enum(%s, %s)" % (f["enum"], get)
    if k == "json":
        return get
    conv = {"text": "_text", "integer": "_int", "number": "_float", "bool": "_bool"}[k]
    return "%s(%s, %s)" % (conv, get, "True" if f["optional"] else "False")


def py_value(p: Param) -> str:
    """The expression that hands the argument to ``args.collect``."""
    if p.kind == "list":
        return 'args.as_list(%s, "%s")' % (py_name(p.wire), py_name(p.wire))
    return py_name(p.wire)


def py_returns(m: Method, aw: bool = False) -> tuple:
    """The return type and the statements that call and build the answer (``aw``: in a
    coroutine, awaiting the call)."""
    a = m.answer
    call = ("await self._call_typed(%r, p)" if aw else "self._call_typed(%r, p)") % m.id
    inner = "(%s)" % call if aw else call
    if a["kind"] == "nothing":
        return "None", "%s\n        return None" % call
    if a["kind"] == "model":
        return a["model"], "return %s._from_json(%s)" % (a["model"], inner)
    if a["kind"] == "model_map":
        return "Dict[str, %s]" % a["model"], "return {str(k): %s._from_json(v) for k, v in %s.items()}" % (a["model"], inner)
    return "Dict[str, Any]", "return %s" % call


def py_group_classes(root: Group, stub: bool, aw: bool) -> List[str]:
    """The client's typed methods and the energy groups' classes: blocking ones, or
    (``aw``) their coroutine twins for :class:`meslink.AsyncClient` (``Async`` names)."""
    out: List[str] = []
    prefix = "Async" if aw else ""
    adef = "async def" if aw else "def"
    for g in walk(root):
        cls = ("_%sClientCalls" % prefix) if not g.path else prefix + g.type_name
        owner = ":class:`meslink.AsyncClient`" if aw else ":class:`meslink.Client`"
        out.append("class %s:" % cls)
        out.append('    """%s"""' % ("The typed methods of the client (mixed into %s)." % owner if not g.path else "The ``%s.*`` calls%s." % (".".join(g.path), " (coroutines)" if aw else "")))
        out.append("")
        if g.path:
            out.append('    __slots__ = ("_client",)')
            out.append("")
            out.append("    def __init__(self, client: Any) -> None:")
            out.append("        %s" % ("..." if stub else "self._client = client"))
            out.append("")
            out.append("    %s _call_typed(self, id: str, params: Dict[str, Any]) -> Any:" % adef)
            out.append("        %s" % ("..." if stub else "return %sself._client._call_typed(id, params)" % ("await " if aw else "")))
            out.append("")
            if aw:
                out.append("    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:")
                out.append("        %s" % ("..." if stub else "return self._client._pages(id, params, per_page)"))
            else:
                out.append("    def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> Iterator[Any]:")
                out.append("        %s" % ("..." if stub else "return iter(self._client.call_all_pages(id, params, per_page))"))
        else:
            out.append("    __slots__ = ()")
            out.append("")
            out.append("    %s _call_typed(self, id: str, params: Dict[str, Any]) -> Any:" % adef)
            out.append("        raise NotImplementedError")
        for sub, child in g.groups.items():
            out += ["", "    @property", "    def %s(self) -> %s:" % (py_name(sub), prefix + child.type_name)]
            out.append('        """The ``%s.*`` calls."""' % ".".join(child.path))
            out.append("        %s" % ("..." if stub else "return %s(%s)" % (prefix + child.type_name, "self" if not g.path else "self._client")))
        for m in g.methods:
            ret, make = py_returns(m, aw)
            if m.record:
                kw = ", ".join("%s: Optional[%s] = None" % (py_name(p.wire), py_type(p)) for p in m.ordered)
                out += ["", "    %s %s(self, record: Optional[%s] = None, *, %s) -> %s:" % (adef, py_name(m.name), m.record, kw, ret)]
                out.append('        """%s\n\n        The record as a :class:`%s`, or its fields as keywords (not both)."""' % (m.doc.replace("`", "``"), m.record))
                if stub:
                    out.append("        ...")
                else:
                    names = ", ".join('"%s": %s' % (p.wire, py_name(p.wire)) for p in m.params)
                    out.append("        p = args.record(record, %s, {%s})" % (m.record, names))
                    out.append("        " + make)
                continue
            legacy = any(py_name(p.wire) != p.wire for p in m.params)
            req = [p for p in m.params if p.required]
            opt = [p for p in m.params if not p.required]
            sig = ["self"]
            for p in req:
                sig.append("%s: %s%s" % (py_name(p.wire), py_type(p), " = args.MISSING" if legacy and not stub else ""))
            if opt:
                sig.append("*")
                sig += ["%s: Optional[%s] = None" % (py_name(p.wire), py_type(p)) for p in opt]
            if legacy and not stub:
                sig.append("**legacy: Any")
            out += ["", "    %s %s(%s) -> %s:" % (adef, py_name(m.name), ", ".join(sig), ret)]
            doc = m.doc.replace("`", "``")
            out.append('        """%s"""' % doc)
            if stub:
                out.append("        ...")
            else:
                names = ", ".join('"%s": %s' % (p.wire, py_value(p)) for p in m.params)
                out.append("        p = args.collect({%s}%s)" % (names, ", legacy" if legacy else ""))
                out.append("        " + make)
            if m.paged:
                filters = [p for p in m.ordered if p.wire not in (PAGE, PER_PAGE)]
                sig = ["self", "*"] + ["%s: Optional[%s] = None" % (py_name(p.wire), py_type(p)) for p in filters] + ["per_page: int = 100"]
                if legacy and not stub:
                    sig.append("**legacy: Any")
                out += ["", "    def %s_all(%s) -> %s[Any]:" % (py_name(m.name), ", ".join(sig), "AsyncIterator" if aw else "Iterator")]
                out.append('        """Every record of ``%s``, page after page (``per_page`` a page)%s."""' % (m.id, "; ``async for`` it" if aw else ""))
                if stub:
                    out.append("        ...")
                else:
                    names = ", ".join('"%s": %s' % (p.wire, py_name(p.wire)) for p in filters)
                    out.append("        p = args.collect({%s}%s)" % (names, ", legacy" if legacy else ""))
                    out.append("        return self._pages(%r, p, per_page)" % m.id)
        out += ["", ""]
    return out


def python(root: Group, methods: List[Method], enums: Dict[str, dict], models: list, mixins: set, stub: bool) -> str:
    out = ['"""Typed methods, answer models, records and enumerations of every call.', "", HEADER] + POLICY + ['"""', ""]
    out += ["from __future__ import annotations", "", "import dataclasses", "import enum"]
    out += ["from typing import Any, AsyncIterator, Dict, Iterator, List, Mapping, Optional, Union", ""]
    if not stub:
        out += ["from . import _behaviour", "from ._wire import DateTimeLike, _bool, _enum, _float, _int, _text, args, wire", "", ""]
    else:
        out += ["from ._wire import DateTimeLike", "", ""]
    names = sorted(list(enums) + [mdl["name"] for mdl in models] + [m.record for m in records(methods)]
                   + [prefix + g.type_name for g in walk(root) if g.path for prefix in ("", "Async")])
    out.append("__all__ = [%s]" % ", ".join('"%s"' % n for n in names))
    out += ["", ""]
    for e in enums.values():
        base = "str, enum.Enum" if e["str"] else "enum.IntEnum"
        out.append("class %s(%s):" % (e["name"], base))
        out.append('    """%s (``%s``)."""' % (e.get("doc") or e["name"], e["param"]))
        out.append("")
        for v in e["values"]:
            val = repr(v["value"])
            out.append("    %s = %s  # %s" % (upper(v["name"]), val, v["doc"]))
        for v in e["values"]:
            alias = pascal(v["name"])
            if keyword.iskeyword(alias):
                alias += "_"  # the name the earlier generated module gave it
            if alias != upper(v["name"]):
                out.append("    %s = %s" % (alias, repr(v["value"])))
        if e["str"] and not stub:
            out += ["", "    def __str__(self) -> str:", "        return str(self.value)"]
        out += ["", ""]
    for mdl in models:
        bases = "_behaviour.%sMixin" % mdl["name"] if mdl["name"] + "Mixin" in mixins and not stub else ""
        out.append("@dataclasses.dataclass(frozen=True)")
        out.append("class %s%s:" % (mdl["name"], "(%s)" % bases if bases else ""))
        out.append('    """%s"""' % mdl["doc"])
        out.append("")
        # Fields without a default first (dataclasses want them so); models are built by keyword.
        plain = [f for f in mdl["fields"] if not (f["kind"] in ("json", "list") or f["optional"])]
        for f in plain + [f for f in mdl["fields"] if f not in plain]:
            t = py_field_type(f)
            extra = ""
            if f["kind"] == "json":
                extra = " = dataclasses.field(default=None, repr=False, compare=False)"
            elif f["kind"] == "list":
                extra = " = dataclasses.field(default_factory=list)"
            elif f["optional"]:
                extra = " = None"
            out.append("    #: ``%s``: %s" % (f["key"], f["doc"]))
            out.append("    %s: %s%s" % (py_name(f["name"]), t, extra))
        out.append("")
        out.append("    @classmethod")
        out.append('    def _from_json(cls, d: Mapping[str, Any]) -> "%s":' % mdl["name"])
        if stub:
            out.append("        ...")
        else:
            out.append("        return cls(")
            for f in mdl["fields"]:
                out.append("            %s=%s," % (py_name(f["name"]), py_read(f)))
            out.append("        )")
        out += ["", ""]
    for m in records(methods):
        out.append("@dataclasses.dataclass")
        out.append("class %s:" % m.record)
        out.append('    """The parameters of ``%s`` as one record: %s."""' % (m.id, m.summary))
        out.append("")
        for p in m.ordered:
            out.append("    #: ``%s``: %s" % (p.wire, p.doc))
            out.append("    %s: %s%s" % (py_name(p.wire), "Optional[%s]" % py_type(p) if not p.required else py_type(p), "" if p.required else " = None"))
        out.append("")
        out.append("    def to_params(self) -> Dict[str, Any]:")
        out.append('        """The parameters of the generic call, with the server\'s names (``None`` left out)."""')
        if stub:
            out.append("        ...")
        else:
            out.append("        return {k: wire(v) for k, v in (%s) if v is not None}" % ", ".join('("%s", self.%s)' % (p.wire, py_name(p.wire)) for p in m.params))
        out += ["", ""]
    out += py_group_classes(root, stub, aw=False)
    out += py_group_classes(root, stub, aw=True)
    text = "\n".join(out).rstrip() + "\n"
    if not stub:
        helpers = ["_bool", "_enum", "_float", "_int", "_text"]
        used = [h for h in helpers if h + "(" in text]
        text = text.replace("from ._wire import DateTimeLike, _bool, _enum, _float, _int, _text, args, wire",
                            "from ._wire import " + ", ".join(["DateTimeLike"] + used + ["args", "wire"]))
    return text


# ---- C# ---------------------------------------------------------------------------------


def cs_type(p: Param, optional: bool) -> str:
    if p.choice:
        t = p.choice["name"]
        return t + "?" if optional else t
    t = {"text": "string", "number": "double", "integer": "long", "datetime": "MesLinkDateTime", "bool": "bool"}.get(p.kind)
    if t is None:
        return {"list": "System.Collections.IEnumerable", "object": "IDictionary<string, object>", "any": "object"}[p.kind]
    if t != "string" and optional:
        t += "?"
    return t


def cs_is_reference(t: str) -> bool:
    """Whether a C# parameter type is a reference type (null can be passed)."""
    return t in ("string", "object") or t.startswith(("System.", "IDictionary"))


def cs_put(p: Param, var: str) -> str:
    if p.choice and p.choice["str"]:
        return '            MesLinkWire.Put(p, "%s", %s?.ToWire());' % (p.wire, var) if not p.required else '            MesLinkWire.Put(p, "%s", %s.ToWire());' % (p.wire, var)
    if p.kind == "list":
        return '            MesLinkWire.PutList(p, "%s", %s);' % (p.wire, var)
    return '            MesLinkWire.Put(p, "%s", %s);' % (p.wire, var)


def cs_field_type(f: dict) -> str:
    k = f["kind"]
    t = {"text": "string", "integer": "long", "number": "double", "bool": "bool", "json": "string"}.get(k)
    if k == "enum":
        t = f["enum"]
    elif k == "model":
        t = f["model"]
    elif k == "list":
        t = "IReadOnlyList<%s>" % f["model"]
    if f["optional"] and k in ("integer", "number", "bool", "enum"):
        t += "?"
    return t


def cs_read(f: dict) -> str:
    k, key = f["kind"], f["key"]
    if k == "list":
        return 'MesLinkWire.List(o, "%s", %s.Read)' % (key, f["model"])
    if k == "model":
        return '%s.Read(MesLinkWire.Get(o, "%s"))' % (f["model"], key)
    if k == "enum":
        return '%sExtensions.FromWire(MesLinkWire.Text(o, "%s"))' % (f["enum"], key)
    if k == "json":
        return 'MesLinkWire.JsonText(o, "%s")' % key
    if k == "text":
        return 'MesLinkWire.Text(o, "%s")' % key
    if k == "integer":
        return 'MesLinkWire.Int64%s(o, "%s")' % ("OrNull" if f["optional"] else "", key)
    if k == "number":
        return 'MesLinkWire.Double%s(o, "%s")' % ("OrNull" if f["optional"] else "", key)
    return 'MesLinkWire.Bool(o, "%s")' % key


def cs_fast(mdl: dict) -> bool:
    """Whether the model's FromJson gets a fast path (MesLinkJsonFast): every field a scalar
    or JSON text (nested models and lists stay on the slow path)."""
    return all(f["kind"] in ("text", "integer", "number", "bool", "json", "enum") for f in mdl["fields"])


def cs_read_fast(mdl: dict) -> List[str]:
    """``ReadFast``: the model straight from its JSON text when the text is plain, else null
    (then ``FromJson`` takes the slow path, ``Read(MesLinkJson.Parse(json))``, which the fast
    path matches field for field: ``MesLinkJsonFast`` gives up on anything it cannot match)."""
    out = ["        private static %s ReadFast(string json)" % mdl["name"], "        {",
           "            var r = new MesLinkJsonFast(json);",
           "            if (!r.BeginObject()) return null;",
           "            var m = new %s();" % mdl["name"]]
    for f in mdl["fields"]:
        if f["kind"] == "enum":
            # An absent key reads as FromWire(null), as on the slow path.
            out.append("            m.%s = %sExtensions.FromWire(null);" % (pascal(f["name"]), f["enum"]))
    out += ["            string key;", "            while (r.NextKey(out key))", "            {", "                switch (key)", "                {"]
    for f in mdl["fields"]:
        k, opt, name = f["kind"], f["optional"], pascal(f["name"])
        if k in ("text", "json", "enum"):
            reader, var, value = ("JsonText" if k == "json" else "Text"), "string", "v"
            if k == "enum":
                value = "%sExtensions.FromWire(v)" % f["enum"]
        elif k == "integer":
            reader, var, value = "Int64OrNull", "long?", "v" if opt else "v ?? 0"
        elif k == "number":
            reader, var, value = "DoubleOrNull", "double?", "v" if opt else "v ?? 0"
        else:
            reader, var, value = "Bool", "bool", "v"
        out.append('                    case "%s": { %s v; if (!r.%s(out v)) return null; m.%s = %s; break; }' % (f["key"], var, reader, name, value))
    out += ["                    default: if (!r.Skip()) return null; break;", "                }", "            }",
            "            return r.End() ? m : null;", "        }"]
    return out


def cs_returns(m: Method, aw: bool = False) -> tuple:
    """The return type and the statement that calls and builds the answer (``aw``: the
    ``Task`` of the ``…Async`` twin, through ``MesLinkAsync``: the client class is unsafe
    code, where ``await`` is not allowed)."""
    a = m.answer
    if aw:
        args = 'Client, "%s", p, cancellationToken' % m.id
        if a["kind"] == "nothing":
            return "Task", "            return MesLinkAsync.Nothing(%s);" % args
        if a["kind"] == "model":
            return "Task<%s>" % a["model"], "            return MesLinkAsync.Typed(%s, %s.FromJson);" % (args, a["model"])
        if a["kind"] == "model_map":
            return "Task<Dictionary<string, %s>>" % a["model"], "            return MesLinkAsync.Typed(%s, answer => MesLinkWire.Map(answer, %s.Read));" % (args, a["model"])
        return "Task<string>", '            return Client.CallTypedAsync("%s", p, cancellationToken);' % m.id
    call = 'Client.CallTyped("%s", p)' % m.id
    if a["kind"] == "nothing":
        return "void", "            %s;" % call
    if a["kind"] == "model":
        return a["model"], "            return %s.FromJson(%s);" % (a["model"], call)
    if a["kind"] == "model_map":
        return "Dictionary<string, %s>" % a["model"], "            return MesLinkWire.Map(%s, %s.Read);" % (call, a["model"])
    return "string", "            return %s;" % call


def csharp_models(methods: List[Method], enums: Dict[str, dict], models: list) -> str:
    out = ["// " + HEADER] + ["// " + line for line in POLICY] + ["// <auto-generated/>", "using System;", "using System.Collections.Generic;", "using System.Globalization;", "", "namespace MesLink", "{"]
    for e in enums.values():
        out.append("    /// <summary>%s (<c>%s</c>).</summary>" % (xml(e.get("doc") or e["name"]), xml(e["param"])))
        out.append("    public enum %s" % e["name"])
        out.append("    {")
        for v in e["values"]:
            out.append("        /// <summary>%s</summary>" % xml(v["doc"]))
            out.append("        %s%s," % (pascal(v["name"]), "" if e["str"] else " = %d" % v["value"]))
        out += ["    }", ""]
        if e["str"]:
            out.append("    /// <summary>The wire values of <see cref=\"%s\"/>.</summary>" % e["name"])
            out.append("    public static class %sExtensions" % e["name"])
            out.append("    {")
            out.append("        /// <summary>The value on the wire.</summary>")
            out.append("        public static string ToWire(this %s value)" % e["name"])
            out.append("        {")
            out.append("            switch (value)")
            out.append("            {")
            for v in e["values"]:
                out.append('                case %s.%s: return "%s";' % (e["name"], pascal(v["name"]), v["value"]))
            out.append('                default: throw new ArgumentOutOfRangeException(nameof(value), value, "not a %s");' % e["name"])
            out.append("            }")
            out.append("        }")
            out.append("")
            out.append("        /// <summary>The member of a wire value (the last member for an unknown one).</summary>")
            out.append("        public static %s FromWire(string wire)" % e["name"])
            out.append("        {")
            out.append("            switch (wire)")
            out.append("            {")
            for v in e["values"][:-1]:
                out.append('                case "%s": return %s.%s;' % (v["value"], e["name"], pascal(v["name"])))
            out.append("                default: return %s.%s;" % (e["name"], pascal(e["values"][-1]["name"])))
            out.append("            }")
            out.append("        }")
            out += ["    }", ""]
    for mdl in models:
        out.append("    /// <summary>%s</summary>" % xml(mdl["doc"]))
        out.append("    public sealed partial class %s" % mdl["name"])
        out.append("    {")
        for f in mdl["fields"]:
            out.append("        /// <summary><c>%s</c>: %s%s</summary>" % (xml(f["key"]), xml(f["doc"]), " (JSON text)" if f["kind"] == "json" else ""))
            out.append("        public %s %s { get; internal set; }" % (cs_field_type(f), pascal(f["name"])))
        out.append("")
        out.append("        /// <summary>The model from its JSON (what the core's typed call answers).</summary>")
        if cs_fast(mdl):
            out.append("        public static %s FromJson(string json) => ReadFast(json) ?? Read(MesLinkJson.Parse(json));" % mdl["name"])
            out.append("")
            out += cs_read_fast(mdl)
        else:
            out.append("        public static %s FromJson(string json) => Read(MesLinkJson.Parse(json));" % mdl["name"])
        out.append("")
        out.append("        internal static %s Read(object value)" % mdl["name"])
        out.append("        {")
        out.append("            var o = value as Dictionary<string, object> ?? new Dictionary<string, object>();")
        out.append("            return new %s" % mdl["name"])
        out.append("            {")
        for f in mdl["fields"]:
            out.append("                %s = %s," % (pascal(f["name"]), cs_read(f)))
        out.append("            };")
        out.append("        }")
        out += ["    }", ""]
    for m in records(methods):
        out.append("    /// <summary>The parameters of <c>%s</c> as one record: %s. Null properties are not sent; the core refuses a missing required one, naming it, before anything is sent.</summary>" % (m.id, xml(m.summary)))
        out.append("    public sealed partial class %s" % m.record)
        out.append("    {")
        for p in m.params:
            out.append("        /// <summary><c>%s</c>: %s%s.</summary>" % (p.wire, xml(p.doc), " (required)" if p.required else ""))
            # Every property is nullable: cs_type of an optional parameter already is.
            out.append("        public %s %s { get; set; }" % (cs_type(p, True), pascal(p.wire)))
        out.append("")
        out.append("        /// <summary>The record as the JSON object of the generic call, with the server's names.</summary>")
        out.append("        public string ToJson()")
        out.append("        {")
        out.append("            var p = new Dictionary<string, object>();")
        for p in m.params:
            out.append(cs_put(Param(p.wire, p.kind, False, p.doc, p.choice), pascal(p.wire)))
        out.append("            return MesLinkJson.Serialize(p);")
        out.append("        }")
        out += ["    }", ""]
    out.append("}")
    return "\n".join(out) + "\n"


ASYNC_DOC = (" As a Task: the call runs on meslink's own threads and completes the task when its answer"
             " is there (no thread waits for it); cancelling the token aborts the request.")
TOKEN_DOC = '        /// <param name="cancellationToken">Cancels the call: its request is abandoned and the task is canceled.</param>'


def csharp_calls(root: Group, methods: List[Method]) -> str:
    out = ["// " + HEADER] + ["// " + line for line in POLICY] + ["// <auto-generated/>", "using System;", "using System.Collections.Generic;", "using System.Threading;", "using System.Threading.Tasks;", "", "namespace MesLink", "{"]
    for g in walk(root):
        if not g.path:
            out.append("    public sealed partial class MesLinkClient")
            out.append("    {")
            out.append("        private MesLinkClient Client => this;")
        else:
            out.append("    /// <summary>The <c>%s.*</c> calls.</summary>" % ".".join(g.path))
            out.append("    public sealed class %sApi : MesLinkApiGroup" % g.type_name)
            out.append("    {")
            out.append("        internal %sApi(MesLinkClient client) : base(client) { }" % g.type_name)
        for sub, child in g.groups.items():
            out.append("")
            out.append("        /// <summary>The <c>%s.*</c> calls.</summary>" % ".".join(child.path))
            out.append("        public %sApi %s => new %sApi(Client);" % (child.type_name, pascal(sub), child.type_name))
        for m in g.methods:
            name = pascal(m.name)
            params = m.ordered
            for aw in (False, True):
                ret, make = cs_returns(m, aw)
                suffix, asy = ("Async", "") if aw else ("", "")
                token = ["CancellationToken cancellationToken = default(CancellationToken)"] if aw else []
                out.append("")
                out.append("        /// <summary>%s%s</summary>" % (xml(m.doc.replace("`", "")), ASYNC_DOC if aw else ""))
                if m.record:
                    out.append('        /// <param name="record">The record; null properties are not sent.</param>')
                    if aw:
                        out.append(TOKEN_DOC)
                    out.append("        public %s%s %s%s(%s)" % (asy, ret, name, suffix, ", ".join(["%s record" % m.record] + token)))
                    out.append("        {")
                    out.append("            if (record == null) throw new ArgumentNullException(nameof(record));")
                    out.append("            var p = MesLinkJson.ParseObject(record.ToJson());")
                    out.append(make)
                    out.append("        }")
                    continue
                for p in params:
                    out.append('        /// <param name="%s"><c>%s</c>: %s</param>' % (cs_param_name(p.wire).lstrip("@"), p.wire, xml(p.doc)))
                if aw:
                    out.append(TOKEN_DOC)
                sig = ", ".join(["%s %s%s" % (cs_type(p, not p.required), cs_param_name(p.wire), "" if p.required else " = null") for p in params] + token)
                out.append("        public %s%s %s%s(%s)" % (asy, ret, name, suffix, sig))
                out.append("        {")
                for p in params:
                    if p.required and cs_is_reference(cs_type(p, False)):
                        out.append('            MesLinkWire.Required(%s, nameof(%s));' % (cs_param_name(p.wire), cs_param_name(p.wire)))
                out.append("            var p = new Dictionary<string, object>();")
                for p in params:
                    out.append(cs_put(p, cs_param_name(p.wire)))
                out.append(make)
                out.append("        }")
            if m.paged:
                filters = [p for p in params if p.wire not in (PAGE, PER_PAGE)]
                sig = ", ".join(["%s %s%s" % (cs_type(p, not p.required), cs_param_name(p.wire), "" if p.required else " = null") for p in filters] + ["int perPage = 100"])
                out.append("")
                out.append("        /// <summary>Every record of <c>%s</c>, page after page (<paramref name=\"perPage\"/> a page).</summary>" % m.id)
                out.append("        public IEnumerable<object> %sAll(%s)" % (name, sig))
                out.append("        {")
                out.append("            var p = new Dictionary<string, object>();")
                for p in filters:
                    out.append(cs_put(p, cs_param_name(p.wire)))
                out.append('            return Pages("%s", p, perPage);' % m.id)
                out.append("        }")
        out += ["    }", ""]
    out.append("}")
    return "\n".join(out) + "\n"


# ---- main -------------------------------------------------------------------------------


def mixins_of(root: Path) -> set:
    path = root / "python" / "meslink" / "_behaviour.py"
    if not path.exists():
        return set()
    return set(re.findall(r"^class (\w+Mixin)\b", path.read_text(encoding="utf-8"), re.M))


def render(calls: list, int_enums: list, models_doc: dict, mixins: set) -> Dict[str, str]:
    root, methods, enums, models = build(calls, int_enums, models_doc)
    return {
        OUT["rust_models"]: rust_models(methods, enums, models),
        OUT["rust_calls"]: rust_calls(root, methods),
        OUT["c_exports"]: c_exports(methods),
        OUT["py"]: python(root, methods, enums, models, mixins, stub=False),
        OUT["pyi"]: python(root, methods, enums, models, mixins, stub=True),
        OUT["cs_models"]: csharp_models(methods, enums, models),
        OUT["cs_calls"]: csharp_calls(root, methods),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a generated file is stale")
    ap.add_argument("--catalog", help="a folder with calls.json, enums.json, models.json instead of the CLI")
    ap.add_argument("--out", help="write into this folder instead of the source tree")
    args = ap.parse_args()
    calls, int_enums, models_doc = load(args)
    outputs = render(calls, int_enums, models_doc, mixins_of(ROOT))
    base = Path(args.out) if args.out else ROOT
    if args.check:
        stale = [rel for rel, text in outputs.items() if not (base / rel).exists() or (base / rel).read_text(encoding="utf-8") != text]
        for rel in stale:
            print("stale: %s (run python3 %s)" % (rel, TOOL))
        return 1 if stale else 0
    for rel, text in outputs.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print("wrote %s" % rel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
