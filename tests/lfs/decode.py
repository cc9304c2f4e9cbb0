#!/usr/bin/env python3
"""Independent decoder of flashlua flash store images, written from docs/image-format.md only.

    decode.py IMAGE [--json] [--strings] [--modules] [--fixed FILE]

Parses the header, checks the CRC (and CRCPI, by relocating an absolute image back to base 0),
computes the struct layout for the image's ABI, walks the ROstrt (chains, buckets, hashes,
order), the module index and every proto (vectors, constants, the proto tree). Prints a summary,
or with --json a machine-readable description: header fields, modules (name, protos, string and
number constants of each), strings. Exit status 1 with a message on the first inconsistency.
References to the runtime's compiled-in strings (FIXID) are shown as "<fixed N>", or resolved
with --fixed FILE: the runtime's compiled-in strings, sorted, one per line in hexadecimal (what
`debug.getstrings('ROM')` lists without a store); their FIXID is then checked too.
Python 3 standard library only.
"""
import json
import struct
import sys
import zlib

MAGIC = b"\x1bFLLFS\r\n"
NUMNAMES = {0: "double", 1: "float", 2: "int32"}


class Bad(Exception):
    pass


def align(x, a):
    return (x + a - 1) // a * a


class Layout:
    """Struct layout per docs/image-format.md section 3."""

    def __init__(self, abi):
        P, I, Z, N = abi["ptrsize"], abi["intsize"], abi["sizetsize"], abi["numsize"]
        self.P, self.I, self.Z, self.N = P, I, Z, N
        numalign = abi["numalign"]

        def struct_(fields):
            off, al, out = 0, 1, {}
            for name, size, a in fields:
                off = align(off, a)
                out[name] = off
                off += size
                al = max(al, a)
            return out, align(off, al), al

        # FString: the header struct alone (characters follow it)
        self.str, self.str_size, self.str_align = struct_(
            [("next", P, P), ("tt", 1, 1), ("marked", 1, 1), ("reserved", 1, 1), ("hash", I, 4),
             ("len", Z, Z)])
        # an image string's `next` lies over the end of the previous string: whole alignment
        # units of it (docs/image-format.md, section 4)
        self.str_skip = self.str["tt"] // self.str_align * self.str_align
        # FValue: NaN-boxed (an 8-byte double; high word = tag word) with 4-byte pointers and
        # double numbers, else a struct {value, int tt}
        self.nanbox = P == 4 and abi["numtype"] == 0
        if self.nanbox:
            hi_first = abi["bigendian"] == 1
            self.val = {"value": 4 if hi_first else 0, "tt": 0 if hi_first else 4}
            self.val_size, self.val_align = 8, numalign
        else:
            ualign = max(P, numalign, 4)
            usize = align(max(P, N, I), ualign)
            self.val, self.val_size, self.val_align = struct_([("value", usize, ualign),
                                                               ("tt", I, 4)])
        # FLocVar
        self.lv, self.lv_size, self.lv_align = struct_([("varname", P, P), ("startpc", I, 4),
                                                        ("endpc", I, 4)])
        # FProto
        f = [(n, 1, 1) for n in ("tt", "marked", "nups", "numparams", "is_vararg",
                                 "maxstacksize")]
        f = [("next", P, P)] + f
        f += [(n, P, P) for n in ("k", "code", "p", "dbg", "source")]
        f += [(n, I, 4) for n in ("sizek", "sizecode", "sizep", "linedefined", "lastlinedefined")]
        self.p, self.p_size, self.p_align = struct_(f)
        # FProtoDbg
        f = [(n, P, P) for n in ("lineinfo", "locvars", "upvalues")]
        f += [(n, I, 4) for n in ("sizelineinfo", "sizelocvars")] + [("sizeupvalues", 1, 1)]
        self.d, self.d_size, self.d_align = struct_(f)
        self.p_bytes = {"tt", "marked", "nups", "numparams", "is_vararg", "maxstacksize",
                        "sizeupvalues"}


def lua_hash(b, seed):
    h = (seed ^ len(b)) & 0xFFFFFFFF
    step = (len(b) >> 5) + 1
    i = len(b)
    while i >= step:
        h ^= ((h << 5) + (h >> 2) + b[i - 1]) & 0xFFFFFFFF
        h &= 0xFFFFFFFF
        i -= step
    return h


def image_crc(img, size):
    return zlib.crc32(img[:12] + b"\0" * 12 + img[24:size]) & 0xFFFFFFFF


def fixid(strings):
    """FIXID of a sorted list of compiled-in strings (bytes): CRC-32 of the count, then each
    string's length and bytes (u32 little-endian); 0 becomes 1."""
    c = zlib.crc32(struct.pack("<I", len(strings)))
    for x in strings:
        c = zlib.crc32(struct.pack("<I", len(x)) + x, c)
    return c or 1


class Image:
    def __init__(self, data, fixed=None):
        self.b = data
        self.fixed = fixed
        if len(data) < 128 or data[:8] != MAGIC:
            raise Bad("bad magic")
        u32 = lambda o: struct.unpack_from("<I", data, o)[0]
        h = {}
        for name, off in (("version", 8), ("state", 12), ("crc", 16), ("crcpi", 20),
                          ("buildid", 32), ("seed", 36), ("size", 48), ("time", 52),
                          ("flags", 56), ("hdrsize", 60), ("nstrings", 64), ("nbuckets", 68),
                          ("rostrt", 72), ("nmodules", 76), ("index", 80), ("nprotos", 84),
                          ("protos", 88), ("data", 92), ("strings", 96), ("nfixed", 100),
                          ("strip", 104), ("fixid", 112), ("nfix", 116), ("fixaddr", 120)):
            h[name] = u32(off)
        h["base"] = struct.unpack_from("<Q", data, 40)[0]
        abi = dict(zip(("ptrsize", "bigendian", "numtype", "numsize", "intsize", "sizetsize",
                        "numalign", "longsize"), data[24:32]))
        h["abi"] = abi
        self.h = h
        if h["version"] != 3:
            raise Bad("version %d" % h["version"])
        h["gen"] = u32(108)   # slot generation: 0 from the writer, set by the installer
        if h["hdrsize"] != 128 or data[124:128] != b"\0" * 4:
            raise Bad("header size / reserved bytes")
        if h["state"] != 0:
            raise Bad("install in progress (STATE %08x)" % h["state"])
        if h["size"] > len(data) or h["size"] < 128:
            raise Bad("size %d, file %d" % (h["size"], len(data)))
        if image_crc(data, h["size"]) != h["crc"]:
            raise Bad("CRC mismatch")
        if h["flags"] & ~1:
            raise Bad("unknown flags")
        if (h["flags"] & 1) == 0 and h["base"] != 0:
            raise Bad("position independent image with a base")
        if h["fixid"] == 0 and (h["nfix"] or h["fixaddr"]):
            raise Bad("fixed-string fields without FIXID")
        if h["fixid"] and not h["nfix"]:
            raise Bad("FIXID without NFIX")
        if h["fixid"] and (h["flags"] & 1) == 0 and h["fixaddr"]:
            raise Bad("FIXADDR in a position independent image")
        if fixed is not None and h["fixid"] and (len(fixed) != h["nfix"] or fixid(fixed) != h["fixid"]):
            raise Bad("FIXID %08x: not the compiled-in strings given" % h["fixid"])
        self.size = h["size"]
        self.sfields = []     # offsets of the string pointer fields, in walk order
        self.lo = Layout(abi)
        self.end = "<>"[abi["bigendian"]]
        self.base = h["base"] if h["flags"] & 1 else 0

    # ---- scalar access in the target's byte order
    def un(self, off, n, signed=False):
        if off + n > self.size:
            raise Bad("read past the end at %#x" % off)
        v = int.from_bytes(self.b[off:off + n], "big" if self.end == ">" else "little")
        if signed and v >= 1 << (8 * n - 1):
            v -= 1 << (8 * n)
        return v

    def vtype(self, off):
        """Lua type tag of the value at off (3 for any number)."""
        w = self.un(off + self.lo.val["tt"], 4)
        if not self.lo.nanbox:
            return w - (1 << 32) if w >= 1 << 31 else w
        if w >= 0xFFFF0000:
            return w - 0xFFFF0000
        if w <= 0xFFF00000 or (w == 0xFFF80000 and self.un(off + self.lo.val["value"], 4) == 0):
            return 3
        raise Bad("NaN with a payload at %#x" % off)

    def ptr(self, off):
        p = self.un(off, self.lo.P)
        if p == 0:
            return 0
        o = p - self.base
        if o <= 0 or o >= self.size:
            raise Bad("pointer %#x at %#x out of the image" % (p, off))
        return o

    def pfield(self, proto, name, fields=None):
        """An FProto (or FProtoDbg, with fields=lo.d) field: a byte, or a signed int."""
        fields = fields or self.lo.p
        if name in self.lo.p_bytes:
            return self.un(proto + fields[name], 1)
        return self.un(proto + fields[name], self.lo.I, signed=True)

    def number(self, off):
        t = self.h["abi"]["numtype"]
        raw = self.b[off:off + self.lo.N]
        if t == 0:
            return struct.unpack(self.end + "d", raw)[0]
        if t == 1:
            return struct.unpack(self.end + "f", raw)[0]
        return struct.unpack(self.end + "i", raw)[0]

    # ---- strings
    def string_at(self, off):
        lo = self.lo
        n = self.un(off + lo.str["len"], lo.Z)
        return self.b[off + lo.str_size: off + lo.str_size + n]

    def walk_strings(self):
        lo, h = self.lo, self.h
        nb = h["nbuckets"]
        if nb == 0 or nb & (nb - 1):
            raise Bad("NBUCKETS not a power of 2")
        buckets = [self.ptr(h["rostrt"] + i * lo.P) for i in range(nb)]
        off, strs, prev = h["strings"], {}, None
        if off % lo.str_align:
            raise Bad("STRINGS misaligned")
        heads = {}
        while off < self.size:
            if self.un(off + lo.str["tt"], 1) != 4 or self.un(off + lo.str["marked"], 1) != 0xA4 \
                    or self.un(off + lo.str["reserved"], 1) != 0:
                raise Bad("bad string header at %#x" % off)
            n = self.un(off + lo.str["len"], lo.Z)
            s = self.b[off + lo.str_size: off + lo.str_size + n]
            if len(s) != n or self.un(off + lo.str_size + n, 1) != 0:
                raise Bad("bad string bytes at %#x" % off)
            hs = self.un(off + lo.str["hash"], lo.I)
            if hs != lua_hash(s, h["seed"]):
                raise Bad("bad hash at %#x" % off)
            key = (hs & (nb - 1), hs, n, s)
            if prev is not None and key <= prev[1]:
                raise Bad("strings out of order at %#x" % off)
            if prev is None or key[0] != prev[1][0]:
                heads[key[0]] = off
            strs[off] = s
            prev = (off, key)
            end = align(off + lo.str_size + n + 1, lo.str_align)
            off = end if end >= self.size else end - lo.str_skip
        if off != self.size:
            raise Bad("strings do not end the image")
        for i, b in enumerate(buckets):
            if b != heads.get(i, 0):
                raise Bad("bucket %d head %#x, expected %#x" % (i, b, heads.get(i, 0)))
        if len(strs) != h["nstrings"]:
            raise Bad("NSTRINGS %d, found %d" % (h["nstrings"], len(strs)))
        self.strs = strs
        return strs

    def fixref(self, off):
        """A reference to a compiled-in string: its index (position independent: the value
        SIZE + index), -1 (absolute: an address outside the image), or None."""
        if not self.h["fixid"]:
            return None
        p = self.un(off, self.lo.P)
        if self.base == 0:
            return p - self.size if self.size <= p < self.size + self.h["nfix"] else None
        return -1 if p and not (self.base <= p < self.base + self.size) else None

    def sref(self, off):
        self.sfields.append(off)
        i = self.fixref(off)
        if i is not None:
            if i >= 0 and self.fixed is not None:
                return self.fixed[i]
            return ("<fixed %d>" % i if i >= 0 else "<fixed @%#x>" % self.un(off, self.lo.P)).encode()
        o = self.ptr(off)
        if o not in self.strs:
            raise Bad("not a string pointer at %#x" % off)
        return self.strs[o]

    # ---- protos
    def walk(self):
        h, lo = self.h, self.lo
        self.walk_strings()
        if h["protos"] % lo.p_align or h["protos"] + h["nprotos"] * lo.p_size > h["data"] \
                or h["data"] > h["strings"]:
            raise Bad("bad section offsets")
        used = [None] * h["nprotos"]

        def proto_index(off, parent):
            o = self.ptr(off)
            if o < h["protos"] or (o - h["protos"]) % lo.p_size:
                raise Bad("bad proto pointer at %#x" % off)
            i = (o - h["protos"]) // lo.p_size
            if i >= h["nprotos"] or i <= parent or used[i] is not None:
                raise Bad("proto %d referenced badly at %#x" % (i, off))
            used[i] = parent
            return i

        protos, cursor = [], h["data"]
        for i in range(h["nprotos"]):
            o = h["protos"] + i * lo.p_size
            P = lo.p
            g = lambda f: self.pfield(o, f)
            if self.un(o + P["tt"], 1) != 9 or self.un(o + P["marked"], 1) != 0xA4 \
                    or self.un(o + P["next"], lo.P):
                raise Bad("bad proto header %d" % i)
            d = {"source": self.sref(o + P["source"]).decode("latin-1"),
                 "linedefined": g("linedefined"), "nups": self.un(o + P["nups"], 1),
                 "numparams": self.un(o + P["numparams"], 1), "children": [],
                 "strings": [], "numbers": []}

            def vec(field, n, esize, al, base=o, fields=P):
                nonlocal cursor
                v = self.ptr(base + fields[field])
                if n < 0:
                    raise Bad("negative size")
                if n == 0:
                    if v:
                        raise Bad("non-NULL empty vector")
                    return 0
                if v < cursor or v % al or v + n * esize > h["strings"]:
                    raise Bad("bad %s vector of proto %d" % (field, i))
                cursor = v + n * esize
                return v

            nk, nc = g("sizek"), g("sizecode")
            if nc <= 0:
                raise Bad("empty code")
            vec("code", nc, 4, 4)
            kv = vec("k", nk, lo.val_size, lo.val_align)
            for j in range(nk):
                ko = kv + j * lo.val_size
                tt = self.vtype(ko)
                if tt == 4:
                    d["strings"].append(self.sref(ko + lo.val["value"]).decode("latin-1"))
                elif tt == 3:
                    d["numbers"].append(self.number(ko if lo.nanbox else ko + lo.val["value"]))
                elif tt == 1:
                    if self.un(ko + lo.val["value"], lo.I) > 1:
                        raise Bad("bad boolean")
                elif tt != 0:
                    raise Bad("bad constant type %d" % tt)
            pv = vec("p", g("sizep"), lo.P, lo.P)
            for j in range(g("sizep")):
                d["children"].append(proto_index(pv + j * lo.P, i))
            # the debug part: NULL, or an FProtoDbg followed by its vectors
            nli = nlv = nuv = 0
            db = vec("dbg", 1 if self.ptr(o + P["dbg"]) else 0, lo.d_size, lo.d_align)
            if db:
                D = lo.d
                nli, nlv, nuv = (self.pfield(db, f, D) for f in
                                 ("sizelineinfo", "sizelocvars", "sizeupvalues"))
                if nli not in (0, nc):
                    raise Bad("bad sizelineinfo")
                if nuv not in (0, d["nups"]):
                    raise Bad("bad sizeupvalues")
                vec("lineinfo", nli, lo.I, 4, db, D)
                lv = vec("locvars", nlv, lo.lv_size, lo.lv_align, db, D)
                d["locals"] = [self.sref(lv + j * lo.lv_size + lo.lv["varname"]).decode("latin-1")
                               for j in range(nlv)]
                uv = vec("upvalues", nuv, lo.P, lo.P, db, D)
                d["upvalues"] = [self.sref(uv + j * lo.P).decode("latin-1") for j in range(nuv)]
            else:
                d["locals"], d["upvalues"] = [], []
            d["lines"] = nli
            protos.append(d)
        mods, prev = [], None
        for m in range(h["nmodules"]):
            e = h["index"] + m * 2 * lo.P
            name = self.sref(e)
            known = self.fixref(e) is None or self.fixed is not None
            if prev is not None and known and name <= prev:
                raise Bad("index out of order")
            prev = name
            root = proto_index(e + lo.P, -1)
            if protos[root]["nups"] != 0:
                raise Bad("module main with upvalues")
            mods.append((name.decode("latin-1"), root))
        if any(u is None for u in used):
            raise Bad("unused protos")
        self.protos, self.mods = protos, mods

    def crcpi_check(self, pi=None):
        """Relocate an absolute image back to base 0: its CRC must be CRCPI. An installed image
        that refers to compiled-in strings holds their addresses: `pi`, the position-independent
        image it came from (walked), tells which string each address is."""
        if self.base == 0:
            return self.h["crc"] == self.h["crcpi"]
        fixmap = {}
        if self.h["fixid"]:
            if pi is None or pi.sfields != self.sfields:
                raise Bad("CRCPI of an installed image with compiled-in strings needs its PI image")
            for off in self.sfields:
                if self.fixref(off) is not None:
                    fixmap[self.un(off, self.lo.P)] = pi.un(off, self.lo.P)
        b = bytearray(self.b[:self.size])
        lo, h = self.lo, self.h

        def rel(off):
            p = int.from_bytes(b[off:off + lo.P], "big" if self.end == ">" else "little")
            if p:
                b[off:off + lo.P] = (p - self.base).to_bytes(lo.P, "big" if self.end == ">" else "little")

        for i in range(h["nbuckets"]):
            rel(h["rostrt"] + i * lo.P)
        for i in range(h["nmodules"]):
            rel(h["index"] + (2 * i + 1) * lo.P)
        for off in self.sfields:   # names, sources, string constants
            if self.fixref(off) is not None:
                v = fixmap[self.un(off, lo.P)]
                b[off:off + lo.P] = v.to_bytes(lo.P, "big" if self.end == ">" else "little")
            else:
                rel(off)
        for i in range(h["nprotos"]):
            o = h["protos"] + i * lo.p_size
            P = lo.p
            g = lambda f: self.pfield(o, f)
            pv = self.ptr(o + P["p"])
            for j in range(g("sizep")):
                rel(pv + j * lo.P)
            db = self.ptr(o + P["dbg"])
            if db:
                D = lo.d
                for field in ("lineinfo", "locvars", "upvalues"):
                    rel(db + D[field])
            for field in ("k", "code", "p", "dbg"):
                rel(o + P[field])
        b[40:48] = b"\0" * 8
        b[56:60] = struct.pack("<I", h["flags"] & ~1)
        b[108:112] = b"\0" * 4   # GEN belongs to the slot, not to the image
        b[120:124] = b"\0" * 4   # FIXADDR: 0 in the position-independent form
        return image_crc(bytes(b), self.size) == h["crcpi"]

    def describe(self):
        out = {"header": {k: v for k, v in self.h.items()},
               "layout": {"fstring": [self.lo.str_size, self.lo.str_align],
                          "fvalue": [self.lo.val_size, self.lo.val_align],
                          "fproto": [self.lo.p_size, self.lo.p_align],
                          "fprotodbg": [self.lo.d_size, self.lo.d_align]},
               "modules": {}, "strings": sorted(s.decode("latin-1") for s in self.strs.values())}
        for name, root in self.mods:
            todo, seen = [root], []
            while todo:
                i = todo.pop()
                seen.append(i)
                todo.extend(self.protos[i]["children"])
            out["modules"][name] = {
                "protos": len(seen),
                "source": self.protos[root]["source"],
                "strings": sorted(set(s for i in seen for s in self.protos[i]["strings"])),
                "numbers": [n for i in sorted(seen) for n in self.protos[i]["numbers"]],
                "locals": sorted(set(s for i in seen for s in self.protos[i]["locals"])),
                "lines": sum(self.protos[i]["lines"] for i in seen)}
        return out


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    fixed = None
    if "--fixed" in args:
        with open(args[args.index("--fixed") + 1]) as f:
            fixed = [bytes.fromhex(x) for x in f.read().split()]
    try:
        img = Image(open(args[0], "rb").read(), fixed)
        img.walk()
        if not img.crcpi_check():
            raise Bad("CRCPI does not match the position-independent form")
    except (Bad, struct.error, IndexError, KeyError) as e:
        print("%s: invalid image: %s" % (args[0], e))
        return 1
    d = img.describe()
    if "--json" in args:
        print(json.dumps(d, indent=1, sort_keys=True))
        return 0
    h = d["header"]
    print("%s: version %d, %d-bit %s-endian, %s numbers, %s, %d bytes, CRC %08x" % (
        args[0], h["version"], 8 * h["abi"]["ptrsize"], "big" if h["abi"]["bigendian"] else "little",
        NUMNAMES.get(h["abi"]["numtype"], "?"),
        "absolute at %#x" % h["base"] if h["flags"] & 1 else "position independent",
        h["size"], h["crc"]))
    print("  %d modules, %d protos, %d strings (%d from the runtime), %d buckets" % (
        h["nmodules"], h["nprotos"], h["nstrings"], h["nfixed"], h["nbuckets"]))
    if h["fixid"]:
        print("  refers to the runtime's %d compiled-in strings (FIXID %08x)" % (h["nfix"], h["fixid"]))
    if "--modules" in args:
        for name, m in sorted(d["modules"].items()):
            print("  %-20s %3d protos, %3d strings, source %s" % (name, m["protos"],
                                                                  len(m["strings"]), m["source"]))
    if "--strings" in args:
        for s in d["strings"]:
            print("  %r" % s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
