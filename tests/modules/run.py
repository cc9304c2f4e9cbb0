#!/usr/bin/env python3
"""Runs one Debian Lua 5.1 module test under lua5.1 and under flashlua and compares them.

  run.py --lua lua5.1 --flashlua build/flashlua --multiarch x86_64-linux-gnu CASE

CASE is a t_<name>.lua script of this directory (lpeg, cjson, lfs, bitop, socket, penlight)
or "busted" (the busted runner, itself a Lua script, on spec/ and on spec_fail/).
Compared: stdout, stderr and exit status, after replacing the interpreter's name and
addresses ("0x55d0...") by fixed text. Exits 77 (ctest SKIP_RETURN_CODE) when the Debian
package a case needs is not installed, 1 on a difference.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77


def needs(case, cdir):
    """Files that the Debian packages of a case install."""
    share = "/usr/share/lua/5.1"
    return {
        "lpeg": [cdir + "/lpeg.so"],
        "cjson": [cdir + "/cjson.so"],
        "lfs": [cdir + "/lfs.so"],
        "bitop": [cdir + "/bit.so"],
        "socket": [cdir + "/socket/core.so", cdir + "/mime/core.so", share + "/socket.lua"],
        "penlight": [share + "/pl/init.lua", cdir + "/lfs.so"],
        "busted": ["/usr/bin/busted", share + "/busted/runner.lua", share + "/pl/init.lua"],
    }[case]


def run(cmd, env, timeout):
    try:
        p = subprocess.run(cmd, cwd=HERE, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ("", "<timed out after %ss>" % timeout, -1)
    return (p.stdout.decode("latin-1"), p.stderr.decode("latin-1"), p.returncode)


def normalise(text, prog):
    text = text.replace(prog + ":", "LUA:").replace(os.path.basename(prog) + ":", "LUA:")
    return re.sub(r"0x[0-9a-fA-F]+", "0xADDR", text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lua", required=True)
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--multiarch", default="x86_64-linux-gnu")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("case")
    a = ap.parse_args()

    cdir = "/usr/lib/%s/lua/5.1" % a.multiarch
    missing = [f for f in needs(a.case, cdir) if not os.path.exists(f)]
    if missing:
        print("SKIP: not installed: " + ", ".join(missing))
        return SKIP

    env = dict(os.environ)
    for k in ("LUA_INIT", "LUA_PATH"):
        env.pop(k, None)
    env["LUA_CPATH"] = cdir + "/?.so;;"
    env["LC_ALL"] = "C"

    if a.case == "busted":
        runs = [(["/usr/bin/busted", "-o", "TAP", "spec"], 0),
                (["/usr/bin/busted", "-o", "TAP", "spec_fail"], 1)]
    else:
        runs = [(["t_%s.lua" % a.case], 0)]

    failed = False
    for args, want_rc in runs:
        ref = run([a.lua] + args, env, a.timeout)
        got = run([a.flashlua] + args, env, a.timeout)
        ref_n = tuple(normalise(x, a.lua) if isinstance(x, str) else x for x in ref)
        got_n = tuple(normalise(x, a.flashlua) if isinstance(x, str) else x for x in got)
        label = " ".join(args)
        if ref[2] != want_rc:
            print("%s: lua5.1 itself exited %d (expected %d):\n%s%s" % (label, ref[2], want_rc,
                                                                      ref[0], ref[1]))
            failed = True
        if ref_n != got_n:
            failed = True
            print("%s: flashlua differs from lua5.1" % label)
            for name, r, g in zip(("stdout", "stderr", "status"), ref_n, got_n):
                if r != g:
                    import difflib
                    d = difflib.unified_diff(str(r).splitlines(), str(g).splitlines(),
                                             "lua5.1 " + name, "flashlua " + name, lineterm="")
                    print("\n".join(list(d)[:60]))
        else:
            print("%s: identical (%d lines, status %d)" % (label, ref[0].count("\n"), ref[2]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
