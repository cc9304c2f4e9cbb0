#!/usr/bin/env python3
"""flashlua --heap SIZE (docs/lfs.md, section 8): the cap, node.heap(), the option's parsing.
usage: run_heap.py --flashlua PATH"""
import argparse
import os
import subprocess
import sys

FAILS = []


def run(exe, args, env=None):
    e = dict(os.environ)
    for k in ("LUA_INIT", "LUA_PATH", "LUA_CPATH", "FLASHLUA_FLASH"):
        e.pop(k, None)
    e["FLASHLUA_FLASH"] = os.devnull + ".none"   # no store: the figures do not depend on one
    e.update(env or {})
    p = subprocess.run([exe] + args, capture_output=True, text=True, env=e, timeout=60,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def check(name, got, want):
    if got != want:
        FAILS.append("%s: got %r, want %r" % (name, got, want))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flashlua", required=True)
    exe = ap.parse_args().flashlua
    prog = exe   # messages start with argv[0], as lua5.1's do

    # left + used is the cap, to the byte; without a cap, left is nil
    check("sum", run(exe, ["--heap", "100000", "-e", "local l, u = node.heap() io.write(l + u)"]),
          (0, "100000", ""))
    check("K suffix", run(exe, ["--heap=64K", "-e", "local l, u = node.heap() io.write(l + u)"]),
          (0, "65536", ""))
    check("M suffix", run(exe, ["--heap", "1M", "-e", "local l, u = node.heap() io.write(l + u)"]),
          (0, "1048576", ""))
    rc, out, err = run(exe, ["-e", "local l, u = node.heap() io.write(tostring(l), ' ',"
                                   " u == collectgarbage('count') * 1024 and 'same' or u)"])
    check("no cap", (rc, out, err), (0, "nil same", ""))

    # growing past the cap: "not enough memory", and the count never went above the cap
    grow = ("local t, cap = {}, 65536 "
            "for i = 1, 1e6 do t[i] = {i} "
            "  assert(collectgarbage('count') * 1024 <= cap, 'over the cap') end")
    rc, out, err = run(exe, ["--heap", "64K", "-e", grow])
    check("over", (rc, out, err.strip()), (1, "", prog + ": not enough memory"))
    # the error is catchable and the heap is usable again once the data is dropped
    catch = ("local t = {} local ok, e = pcall(function() for i = 1, 1e6 do t[i] = {i} end end) "
             "local n = #t t = nil collectgarbage() "
             "local l = node.heap() io.write(tostring(ok), ' ', e, ' ', tostring(n > 100), ' ', "
             "tostring(l > 20000))")
    check("pcall", run(exe, ["--heap", "64K", "-e", catch]),
          (0, "false not enough memory true true", ""))
    # garbage is collected in time (emergency collection before failing): 1 MB of short-lived
    # tables runs in a 48 KB heap
    churn = ("local s = 0 for i = 1, 20000 do local t = {i, i, i, 1} s = s + t[4] end "
             "io.write(s, ' ', tostring(collectgarbage('count') * 1024 <= 49152))")
    check("churn", run(exe, ["--heap", "48K", "-e", churn]), (0, "20000 true", ""))
    # below what a fresh state needs: the libraries cannot even be opened
    # (so small that even lua_cpcall fails: the report then names the program as lua5.1 does
    # before it has read argv[0], "flashlua" for flashlua)
    rc, out, err = run(exe, ["--heap", "1K", "-e", "print(1)"])
    check("tiny", (rc, out, err.strip() in (prog + ": not enough memory", "flashlua: not enough memory")),
          (1, "", True))
    # the option among others, after -e with its value and before the script
    check("order", run(exe, ["-e", "x = 1", "--heap", "100000", "-e",
                             "local l, u = node.heap() io.write(x + l + u)"]), (0, "100001", ""))
    # the script's own arguments are not options
    check("script arg", run(exe, ["-", "--heap", "5"], env=None)[0], 0)
    for bad in (["--heap"], ["--heap", "12x"], ["--heap", "0"], ["--heap=", "-e", "1"]):
        rc, out, err = run(exe, bad)
        check("bad %s" % bad, (rc, out, err.strip()),
              (1, "", prog + ": --heap needs a size in bytes (K and M suffixes allowed)"))
    for f in FAILS:
        print("FAIL", f)
    print("%d failure(s)" % len(FAILS))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
