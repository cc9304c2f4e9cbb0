#!/usr/bin/env python3
"""Format test: images for every target and strip level, checked by the independent decoder.

For host, le32-double, le32-float and le32-int (the last two need flashluac-float/-int, built by
the lfs-tools target), strip levels 0/1/2, position independent and absolute (-a): flashluac -f
builds an image of test modules; decode.py (written from docs/image-format.md) parses it, checks
header, CRC, CRCPI, ROstrt, index and protos; then this script checks the decoded contents:
module names, string and number constants per module (number semantics of the target: 7/2 is
3.5 or 3), the runtime's fixed strings (referred to by a position-independent image, stored by
an absolute one or with -E), strip levels, ABI bytes, base address, and that the same inputs
give the same bytes (reproducible with SOURCE_DATE_EPOCH).

    run_format.py --flashlua B --flashluac C
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import decode  # noqa: E402

MODS = {
    "fmt_alpha": """local M = { name = "fmt_alpha_constant", pi = 3.25, half = 7 / 2, neg = -7 }
local function helper(a, b) local sum = a + b return sum * 2 end
function M.f(x) return helper(x, 1), "fmt_alpha_inner" end
M.t = { true, false, nil, 42, "fmt_shared_string" }
return M
""",
    "fmt_beta": """local shared = "fmt_shared_string"
local up = 10
return function(...) local n = select('#', ...) up = up + n return shared, up, 65536 end
""",
    "fmt.dotted": """return "fmt_dotted_module" """,
}
FIXED = ["print", "setmetatable", "__index", "while", "function", "table", "insert", "getstrings",
         "LFS", "not enough memory", "_G", "_VERSION"]


def check(c, msg):
    if not c:
        raise AssertionError(msg)


def compiled_in(flashlua, tmp):
    """The runtime's compiled-in strings, sorted: debug.getstrings('ROM') without a store."""
    env = dict(os.environ, FLASHLUA_FLASH=os.path.join(tmp, "none.flash"))
    p = subprocess.run([flashlua, "-e", "for _, s in ipairs(debug.getstrings('ROM')) do "
                        "io.write((s:gsub('.', function(c) return ('%02x'):format(c:byte()) end)), "
                        "' ') end"], env=env, capture_output=True, text=True, check=True)
    return [bytes.fromhex(x) for x in p.stdout.split()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--flashluac", required=True)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="flashlua-lfsfmt-")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    failures = 0
    try:
        files = []
        for name, src in MODS.items():
            p = os.path.join(tmp, name + ".lua")
            with open(p, "w") as f:
                f.write(src)
            files.append(p)
        fixed = compiled_in(a.flashlua, tmp)
        check(len(fixed) > 100, "compiled-in strings of %s: %d" % (a.flashlua, len(fixed)))
        targets = ["host", "le32-double", "le32-float", "le32-int"]
        have = os.path.dirname(os.path.abspath(a.flashluac))
        for t in targets:
            if t in ("le32-float", "le32-int"):
                exe = os.path.join(have, "flashluac-" + t.split("-")[1])
                if not os.path.exists(exe):
                    print("SKIP %s: %s not built (cmake --build <dir> --target lfs-tools)" % (t, exe))
                    continue
            for strip in (0, 1, 2):
                for absolute in (None, "0x08040000", "-E"):
                    embed = absolute is not None
                    img = os.path.join(tmp, "%s-%d-%s.img" % (t, strip, absolute or "pi"))
                    cmd = [a.flashluac, "-f", "-T", t, "-S", str(strip), "-o", img]
                    if absolute == "-E":
                        cmd += ["-E"]
                        absolute = None
                    elif absolute:
                        cmd += ["-a", absolute]
                    p = subprocess.run(cmd + files, env=env, capture_output=True, text=True)
                    tag = "%s -S %d%s%s" % (t, strip, " -a " + absolute if absolute else "",
                                            " -E" if embed and not absolute else "")
                    try:
                        check(p.returncode == 0, "flashluac failed: " + p.stderr)
                        data = open(img, "rb").read()
                        # the float and int runtimes have their own compiled-in strings
                        table = fixed if t in ("host", "le32-double") else None
                        im = decode.Image(data, table)
                        im.walk()
                        check(im.crcpi_check(), "CRCPI")
                        d = im.describe()
                        h = d["header"]
                        numtype = {"host": 0, "le32-double": 0, "le32-float": 1, "le32-int": 2}[t]
                        check(h["abi"]["numtype"] == numtype, "number type")
                        if t != "host":
                            check(h["abi"]["ptrsize"] == 4 and h["abi"]["bigendian"] == 0 and
                                  h["abi"]["numalign"] == 4, "le32 ABI bytes")
                            check(d["layout"]["fproto"] == [52, 4], "le32 FProto layout")
                            check(d["layout"]["fprotodbg"] == [24, 4], "le32 FProtoDbg layout")
                            check(d["layout"]["fstring"] == [16, 4], "le32 FString layout")
                            check(d["layout"]["fvalue"] == [8, 4],   # NaN-boxed with double
                                  "le32 FValue layout %r" % d["layout"]["fvalue"])
                        elif h["abi"]["ptrsize"] == 8:   # a 64-bit host
                            check(d["layout"]["fproto"] == [80, 8] and
                                  d["layout"]["fprotodbg"] == [40, 8] and
                                  d["layout"]["fstring"] == [24, 8] and
                                  d["layout"]["fvalue"] == [16, 8], "host (64-bit) layout")
                        check(h["time"] == 1700000000, "SOURCE_DATE_EPOCH time stamp")
                        check(h["strip"] == strip, "strip field")
                        if absolute:
                            check(h["flags"] & 1 and h["base"] == int(absolute, 16), "base")
                        else:
                            check(h["flags"] == 0 and h["base"] == 0 and h["crc"] == h["crcpi"], "PI")
                        mods = d["modules"]
                        check(sorted(mods) == sorted(MODS), "module names %s" % sorted(mods))
                        al = mods["fmt_alpha"]
                        check(al["source"] == "@" + files[0], "source %s" % al["source"])
                        for s in ("fmt_alpha_constant", "fmt_alpha_inner", "fmt_shared_string"):
                            check(s in al["strings"], "constant %s" % s)
                        check("fmt_shared_string" in mods["fmt_beta"]["strings"], "beta constant")
                        check(d["strings"].count("fmt_shared_string") == 1, "dedup across modules")
                        nums = al["numbers"]
                        check(3.25 in nums if numtype != 2 else True, "3.25")
                        check((3.5 if numtype != 2 else 3) in nums, "7/2 folded with the target's numbers: %r" % nums)
                        check(-7 in nums and 42 in nums, "numbers %r" % nums)
                        beta = mods["fmt_beta"]["strings"]
                        if embed:
                            for s in FIXED:
                                check(s in d["strings"], "fixed string %r" % s)
                            check(h["nfixed"] > 100, "fixed strings counted")
                            check(h["fixid"] == 0 and h["nfix"] == 0, "no FIXID when stored")
                            check("select" in beta, "beta's global name")
                        else:
                            for s in FIXED:
                                check(s not in d["strings"], "compiled-in string %r stored" % s)
                            check(h["nfixed"] == 0 and h["fixid"] != 0 and h["fixaddr"] == 0,
                                  "refers to the compiled-in strings")
                            if table is not None:
                                check(h["nfix"] == len(fixed) and "select" in beta,
                                      "compiled-in string resolved: %r" % beta)
                            else:
                                check(any(x.startswith("<fixed ") for x in beta), "fixed ref %r" % beta)
                        locs = al["locals"]
                        check(("sum" in locs) == (strip == 0), "locals at -S %d: %r" % (strip, locs))
                        check((al["lines"] > 0) == (strip < 2), "line info at -S %d" % strip)
                        # reproducible
                        img2 = img + ".again"
                        cmd2 = [x if x != img else img2 for x in cmd]
                        subprocess.run(cmd2 + files, env=env, check=True)
                        check(open(img2, "rb").read() == data, "same inputs, same bytes")
                        print("ok   %s: %d bytes, %d strings" % (tag, h["size"], h["nstrings"]))
                    except (AssertionError, decode.Bad, OSError) as e:
                        failures += 1
                        print("FAIL %s: %s" % (tag, e))
        # exact sizes, le32-double, from docs/image-format.md: header 128, ROstrt 1 bucket (4),
        # index 1 entry (8), FProto 52, code 3 words (12), 1 FValue (8, NaN-boxed); with -S 0 an FProtoDbg
        # (24), 3 line numbers (12) and 1 FLocVar (12); strings from there, each 16 + len + 1
        # bytes rounded up to 4, all but the first starting 4 bytes early (their `next` lies
        # over the end of the one before). 'print' and 'v' are compiled into the runtime: not
        # stored. x: 'abc', 'x', '@x.lua' = 212 + 20 + 20 + 24 - 8 = 268.
        # y: 'y', '@y.lua' = 260 + 20 + 24 - 4 = 300.
        for name, src, opt, size, nstr in (("x", 'return "abc"', "-S2", 268, 3),
                                           ("y", "local v = print return v", "-S0", 300, 2)):
            with open(os.path.join(tmp, name + ".lua"), "w") as f:
                f.write(src + "\n")
            cmd = [a.flashluac, "-f", "-T", "le32-double", "-S", opt[-1], "-o", name + ".img", name + ".lua"]
            subprocess.run(cmd, cwd=tmp, env=env, check=True)
            data = open(os.path.join(tmp, name + ".img"), "rb").read()
            im = decode.Image(data, fixed)
            im.walk()
            d = im.describe()
            got = (len(data), im.h["nstrings"], d["modules"][name]["locals"])
            want = (size, nstr, ["v"] if name == "y" else [])
            if got == want:
                print("ok   exact size of %s.img: %d bytes" % (name, size))
            else:
                failures += 1
                print("FAIL exact size of %s.img: %r, expected %r" % (name, got, want))
        # the decoder rejects a corrupted image (sanity of the decoder itself)
        img = os.path.join(tmp, "host-0-pi.img")
        data = bytearray(open(img, "rb").read())
        data[len(data) - 3] ^= 1
        try:
            decode.Image(bytes(data)).walk()
            failures += 1
            print("FAIL decoder accepted a corrupted image")
        except decode.Bad:
            print("ok   decoder rejects a corrupted image")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%s" % ("all ok" if failures == 0 else "%d failures" % failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
