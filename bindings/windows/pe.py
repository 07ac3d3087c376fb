"""A small reader of PE (Windows DLL/EXE) files: machine type, exports, imports, version.

Enough for the static checks of meslink.dll (check_dll.py) and the NuGet layout test;
no third-party module. Reference: the PE/COFF specification (IMAGE_* structures).
"""

import struct

MACHINES = {0x8664: "x64", 0x14C: "x86", 0xAA64: "arm64"}

_DIR_EXPORT, _DIR_IMPORT, _DIR_RESOURCE, _DIR_DELAY_IMPORT = 0, 1, 2, 13
_RT_VERSION = 16
_FIXED_SIGNATURE = 0xFEEF04BD


class PeError(Exception):
    pass


class PeFile:
    """The parts of one PE image that the checks need."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        self.path = path
        d = self.data
        if d[:2] != b"MZ":
            raise PeError(f"{path}: not a PE file (no MZ header)")
        pe = struct.unpack_from("<I", d, 0x3C)[0]
        if d[pe : pe + 4] != b"PE\0\0":
            raise PeError(f"{path}: not a PE file (no PE signature)")
        (self.machine_code, nsections) = struct.unpack_from("<HH", d, pe + 4)
        opt_size, self.characteristics = struct.unpack_from("<HH", d, pe + 20)
        opt = pe + 24
        magic = struct.unpack_from("<H", d, opt)[0]
        if magic == 0x10B:
            count_at, dirs_at = opt + 92, opt + 96
        elif magic == 0x20B:
            count_at, dirs_at = opt + 108, opt + 112
        else:
            raise PeError(f"{path}: unknown optional header magic {magic:#x}")
        ndirs = struct.unpack_from("<I", d, count_at)[0]
        self.dirs = [struct.unpack_from("<II", d, dirs_at + 8 * i) for i in range(ndirs)]
        self.sections = []
        for i in range(nsections):
            at = opt + opt_size + 40 * i
            name = d[at : at + 8].rstrip(b"\0").decode("ascii", "replace")
            vsize, va, raw_size, raw_ptr = struct.unpack_from("<IIII", d, at + 8)
            self.sections.append((name, va, max(vsize, raw_size), raw_ptr, raw_size))

    @property
    def machine(self):
        """"x64", "x86", "arm64" or the hex code."""
        return MACHINES.get(self.machine_code, f"{self.machine_code:#06x}")

    @property
    def is_dll(self):
        return bool(self.characteristics & 0x2000)

    def _offset(self, rva):
        for _name, va, size, raw_ptr, raw_size in self.sections:
            if va <= rva < va + size:
                if rva - va >= raw_size:
                    raise PeError(f"{self.path}: RVA {rva:#x} is not in the file")
                return raw_ptr + rva - va
        raise PeError(f"{self.path}: RVA {rva:#x} is in no section")

    def _cstr(self, rva):
        at = self._offset(rva)
        return self.data[at : self.data.index(b"\0", at)].decode("ascii", "replace")

    def _dir(self, index):
        return self.dirs[index] if index < len(self.dirs) else (0, 0)

    def exports(self):
        """The exported names, as the loader sees them (decorations included)."""
        rva, size = self._dir(_DIR_EXPORT)
        if not size:
            return []
        at = self._offset(rva)
        nnames = struct.unpack_from("<I", self.data, at + 24)[0]
        names_rva = struct.unpack_from("<I", self.data, at + 32)[0]
        names_at = self._offset(names_rva) if nnames else 0
        return [
            self._cstr(struct.unpack_from("<I", self.data, names_at + 4 * i)[0])
            for i in range(nnames)
        ]

    def imports(self):
        """The DLLs this image imports from (normal and delay-loaded), as written."""
        dlls = []
        rva, size = self._dir(_DIR_IMPORT)
        if size:
            at = self._offset(rva)
            while True:
                desc = struct.unpack_from("<IIIII", self.data, at)
                if not any(desc):
                    break
                dlls.append(self._cstr(desc[3]))
                at += 20
        rva, size = self._dir(_DIR_DELAY_IMPORT)
        if size:
            at = self._offset(rva)
            while True:
                desc = struct.unpack_from("<IIIIIIII", self.data, at)
                if not any(desc):
                    break
                dlls.append(self._cstr(desc[1]))
                at += 32
        return dlls

    def _resource_entries(self, dir_at, base):
        named, ids = struct.unpack_from("<HH", self.data, dir_at + 12)
        for i in range(named + ids):
            name, target = struct.unpack_from("<II", self.data, dir_at + 16 + 8 * i)
            yield name, bool(target & 0x80000000), base + (target & 0x7FFFFFFF)

    def version_resource(self):
        """The RT_VERSION resource as (file_version, product_version, strings) or None.

        The versions are the VS_FIXEDFILEINFO numbers as "a.b.c.d"; strings is a dict of
        the StringFileInfo values (FileVersion, ProductVersion, ...).
        """
        rva, size = self._dir(_DIR_RESOURCE)
        if not size:
            return None
        base = self._offset(rva)
        for type_id, is_dir, at in self._resource_entries(base, base):
            if type_id != _RT_VERSION or not is_dir:
                continue
            for _name, name_is_dir, name_at in self._resource_entries(at, base):
                lang_at = name_at
                if name_is_dir:
                    _lang, _d, lang_at = next(self._resource_entries(name_at, base))
                data_rva, data_size = struct.unpack_from("<II", self.data, lang_at)
                blob = self.data[self._offset(data_rva) : self._offset(data_rva) + data_size]
                return _parse_version_info(blob)
        return None


def _parse_version_info(blob):
    sig = struct.pack("<I", _FIXED_SIGNATURE)
    at = blob.find(sig)
    if at < 0:
        raise PeError("version resource without VS_FIXEDFILEINFO")
    fms, fls, pms, pls = struct.unpack_from("<IIII", blob, at + 8)

    def dotted(ms, ls):
        return f"{ms >> 16}.{ms & 0xFFFF}.{ls >> 16}.{ls & 0xFFFF}"

    strings = {}
    text = blob.decode("utf-16-le", "replace")
    for key in ("FileVersion", "ProductVersion", "ProductName", "OriginalFilename",
                "FileDescription"):
        i = text.find(key + "\0")
        if i >= 0:
            rest = text[i + len(key) :].lstrip("\0")
            strings[key] = rest.split("\0", 1)[0]
    return dotted(fms, fls), dotted(pms, pls), strings


if __name__ == "__main__":
    import sys

    # pe.py FILE...: prints "machine file" per file.
    for arg in sys.argv[1:]:
        print(PeFile(arg).machine, arg)
