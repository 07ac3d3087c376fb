"""The functions declared in include/meslink.h, read from the header itself.

Used by the DLL checks (every declared function must be exported) and by the LabVIEW
guide generator (bindings/labview/gen-clfn-guide.py), so neither keeps a list by hand
that could drift from the header while exports are added.
"""

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_DECL = re.compile(
    r"(?P<ret>\b[A-Za-z_][\w \t\*]*?)\s*\b(?P<name>meslink_\w+)\s*\((?P<params>[^)]*)\)\s*;"
)


@dataclass
class Param:
    ctype: str  # e.g. "const char *", "uint32_t", "int32_t *"
    name: str

    @property
    def is_pointer(self):
        return "*" in self.ctype


@dataclass
class Function:
    name: str
    ret: str
    params: list = field(default_factory=list)
    doc: str = ""


def _blank(match):
    """A comment replaced by spaces (newlines kept), so offsets stay the same."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _param(text):
    text = " ".join(text.split())
    m = re.match(r"(?P<type>.*?[\s\*])(?P<name>\w+)$", text)
    if not m:
        raise ValueError(f"cannot read parameter {text!r}")
    ctype = re.sub(r"\s*\*", " *", m.group("type").strip()).replace("  ", " ")
    return Param(ctype=ctype, name=m.group("name"))


def _doc_before(text, start):
    """The block comment that ends right before `start` (only blank space between)."""
    end = text.rfind("*/", 0, start)
    if end < 0 or text[end + 2 : start].strip():
        return ""
    begin = text.rfind("/*", 0, end)
    body = text[begin + 2 : end]
    lines = [line.strip() for line in body.splitlines()]
    return "\n".join(lines).strip()


def parse(text):
    """The `meslink_*` function declarations of a C header, in their order."""
    stripped = _COMMENT.sub(_blank, text)
    functions = []
    for m in _DECL.finditer(stripped):
        params_text = " ".join(m.group("params").split())
        params = [] if params_text in ("", "void") else [
            _param(p) for p in params_text.split(",")
        ]
        ret = " ".join(m.group("ret").split())
        ret = re.sub(r"\s*\*", " *", ret).strip()
        functions.append(
            Function(
                name=m.group("name"),
                ret=ret,
                params=params,
                doc=_doc_before(text, m.start("ret")),
            )
        )
    return functions


def parse_file(path):
    with open(path, encoding="utf-8") as f:
        return parse(f.read())


if __name__ == "__main__":
    import sys

    for fn in parse_file(sys.argv[1] if len(sys.argv) > 1 else "include/meslink.h"):
        args = ", ".join(f"{p.ctype} {p.name}".replace("* ", "*") for p in fn.params)
        print(f"{fn.ret} {fn.name}({args or 'void'});")
