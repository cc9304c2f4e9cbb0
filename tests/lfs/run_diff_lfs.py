#!/usr/bin/env python3
"""Every tests/diff/cases (and errors, and tests/lua) program run from the flash store.

All cases are compiled into one image (module name = file name without .lua), installed into a
flash file, and each is run as   flashlua --flash F launcher.lua   where the launcher sets
`arg` as lua5.1 would and does require(name): the module comes from the store (the searcher at
package.loaders[2], found before the case's file). The reference is lua5.1 running the same
launcher, its require loading the case from its file (package.path "?.lua", so both name the
chunk "@name.lua"). Compared: stdout, stderr (program name normalised) and exit status.
Cases listed in KNOWN are expected to differ, for the reason given.

    run_diff_lfs.py --flashlua B --flashluac C --lua lua5.1 [-k regex] [-v]
"""
import argparse
import concurrent.futures as cf
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
CASE_DIRS = [os.path.join(TESTS, "diff", "cases"), os.path.join(TESTS, "diff", "errors"),
             os.path.join(TESTS, "lua")]

# case -> why it cannot give lua5.1's output when run as a module
KNOWN = {
    "lib_package_require": "prints #package.loaders: 5 with a store (the flash searcher is [2])",
}

LAUNCHER = """local name = os.getenv("LFS_CASE")
arg = { [0] = name .. ".lua", [-1] = "lua" }
package.path = "?.lua"
if node and type(package.loaders[2](name)) ~= "function" then error("not in the store: " .. name) end
require(name)
"""


def run(cmd, cwd, env, timeout=30):
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def norm_err(err):
    return re.sub(r"^[^:\s]*(lua5\.1|lua|flashlua): ", "lua: ", err.decode("latin-1"), flags=re.M)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--flashluac", required=True)
    ap.add_argument("--lua", default="lua5.1")
    ap.add_argument("-k", dest="filter")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    a.flashlua, a.flashluac = os.path.abspath(a.flashlua), os.path.abspath(a.flashluac)
    where = {}
    for d in CASE_DIRS:
        for f in os.listdir(d) if os.path.isdir(d) else []:
            if f.endswith(".lua"):
                where.setdefault(f[:-4], d)
    names = sorted(where)
    if a.filter:
        # the filter sees the case's path (e.g. ".../tests/diff/cases/closure"), so a
        # directory can be selected
        names = [n for n in names if re.search(a.filter, os.path.join(where[n], n))]
        if not names:
            print("no case matches", a.filter)
            return 1
    tmp = tempfile.mkdtemp(prefix="flashlua-lfsdiff-")
    env = dict(os.environ)
    for k in ("LUA_INIT", "LUA_PATH", "LUA_CPATH", "FLASHLUA_FLASH"):
        env.pop(k, None)
    try:
        src = os.path.join(tmp, "src")
        os.mkdir(src)
        for n in names:
            shutil.copy(os.path.join(where[n], n + ".lua"), src)
        # compile every case; those flashluac refuses (syntax errors on purpose) are skipped
        good = []
        for n in names:
            rc, _, _ = run([a.flashluac, "-p", n + ".lua"], src, env)
            if rc == 0:
                good.append(n)
        img = os.path.join(tmp, "cases.img")
        flash = os.path.join(tmp, "cases.flash")
        rc, out, err = run([a.flashluac, "-f", "-o", img] + [n + ".lua" for n in good], src, env)
        if rc != 0:
            print("flashluac -f failed:", err.decode())
            return 1
        rc, out, err = run([a.flashlua, "--flash", flash, "--flash-size", "16M",
                            "--lfs-install", img], src, env)
        if rc != 0:
            print("install failed:", out.decode(), err.decode())
            return 1
        print(out.decode().strip())

        def one(n):
            d = os.path.join(tmp, "run-" + n)
            os.mkdir(d)
            shutil.copy(os.path.join(src, n + ".lua"), d)   # cases may read their own file
            with open(os.path.join(d, "launcher.lua"), "w") as f:
                f.write(LAUNCHER)
            e2 = dict(env, LFS_CASE=n)
            want = run([a.lua, "launcher.lua"], d, e2)
            # (the file stays: some cases run their own file again; require takes the flash
            # module anyway, the launcher checked that the searcher at [2] will find it)
            got = run([a.flashlua, "--flash", flash, "launcher.lua"], d, e2)
            ok = (want[0] == got[0] and want[1] == got[1] and norm_err(want[2]) == norm_err(got[2]))
            detail = ""
            if not ok:
                detail = "  lua5.1: rc=%s out=%r err=%r\n  lfs:    rc=%s out=%r err=%r" % (
                    want[0], want[1][-300:], norm_err(want[2])[-300:], got[0], got[1][-300:],
                    norm_err(got[2])[-300:])
            shutil.rmtree(d, ignore_errors=True)
            return n, ok, detail

        passed = failed = known = 0
        with cf.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
            for n, ok, detail in ex.map(one, good):
                if ok:
                    passed += 1
                    if n in KNOWN:
                        print("PASS (listed as known) %s" % n)
                    elif a.v:
                        print("ok   %s" % n)
                elif n in KNOWN:
                    known += 1
                    if a.v:
                        print("KNOWN %s: %s" % (n, KNOWN[n]))
                else:
                    failed += 1
                    print("FAIL %s\n%s" % (n, detail))
        print("%d passed, %d failed, %d known differences, %d not compilable (skipped)" % (
            passed, failed, known, len(names) - len(good)))
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
