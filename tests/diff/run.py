#!/usr/bin/env python3
"""Differential test runner: flashlua / flashluac against Debian's lua5.1 / luac5.1.

Modes (see README.md):
  a  flashlua case.lua                         vs  lua5.1 case.lua
  b  flashluac -o x.luac case.lua; lua5.1 x.luac vs  lua5.1 case.lua
  c  luac5.1 -o x.luac case.lua; flashlua x.luac vs  lua5.1 case.lua
  d  flashluac -l -p case.lua                  vs  luac5.1 -l -p case.lua
     (only measured unless --strict-listing)
Compared: stdout, stderr (program name normalised to "lua: ") and exit status.
Python 3 standard library only.
"""
import argparse
import concurrent.futures as cf
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))          # /work/main
CASE_DIRS = ["cases", "errors", "../lua"]   # ../lua: the library scripts of tests/lua


def which(name, fallback):
    p = shutil.which(name)
    return p if p else fallback


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--flashlua", default=os.path.join(ROOT, "build", "flashlua"))
    ap.add_argument("--flashluac", default=os.path.join(ROOT, "build", "flashluac"))
    ap.add_argument("--lua", default=which("lua5.1", "lua5.1"))
    ap.add_argument("--luac", default=which("luac5.1", "luac5.1"))
    ap.add_argument("--mode", default="a,b,c,d",
                    help="comma separated subset of a,b,c,d (default all)")
    ap.add_argument("-k", dest="filter", default=None,
                    help="only cases whose path (e.g. cases/meta_index.lua) matches this regex")
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per process")
    ap.add_argument("--strict-listing", action="store_true",
                    help="count listing (mode d) differences as failures")
    ap.add_argument("--repeat", type=int, default=1, choices=range(1, 100), metavar="N",
                    help="run the program under test N times per case (determinism check)")
    ap.add_argument("--diff-lines", type=int, default=24,
                    help="max lines of diff shown per failure")
    ap.add_argument("-v", dest="verbose", action="store_true", help="also list passing tests")
    a = ap.parse_args()
    a.modes = [m.strip() for m in a.mode.split(",") if m.strip()]
    for m in a.modes:
        if m not in "abcd" or len(m) != 1:
            ap.error("unknown mode %r" % m)
    for k in ("flashlua", "flashluac"):      # cases run in temp dirs: make paths absolute
        v = getattr(a, k)
        if os.sep in v:
            setattr(a, k, os.path.abspath(v))
    return a


class Runner:
    def __init__(self, a):
        self.a = a
        self.env = dict(os.environ)
        for k in ("LUA_INIT", "LUA_PATH", "LUA_CPATH"):
            self.env.pop(k, None)
        # every spelling under which a program may name itself in messages
        names = set(["lua5.1", "luac5.1", "flashlua", "flashluac", "lua", "luac"])
        for p in (a.flashlua, a.flashluac, a.lua, a.luac):
            names.add(p)
            names.add(os.path.basename(p))
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self.prog_re = re.compile(r"^(?:%s): " % alts, re.M)

    def run(self, cmd, cwd):
        try:
            p = subprocess.run(cmd, cwd=cwd, env=self.env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=self.a.timeout)
            rc = p.returncode
            if rc < 0:
                rc = "signal %d" % -rc
            return (rc, p.stdout, p.stderr)
        except subprocess.TimeoutExpired as e:
            return ("timeout", e.stdout or b"", e.stderr or b"")
        except OSError as e:
            return ("cannot run: %s" % e, b"", b"")

    def norm(self, res):
        rc, out, err = res
        out = out.decode("latin-1")
        err = self.prog_re.sub("lua: ", err.decode("latin-1"))
        return "exit status: %s\n--- stdout\n%s\n--- stderr\n%s" % (rc, out, err)

    @staticmethod
    def norm_listing(text):
        text = re.sub(r"bytes at 0x[0-9a-fA-F]+", "bytes at 0xADDR", text)
        text = re.sub(r"(CLOSURE\s.*; )0x[0-9a-fA-F]+", r"\g<1>0xADDR", text)
        return text

    def case(self, rel):
        """Run every requested mode for one case; returns list of (mode, ok, msg, diff)."""
        a = self.a
        src = os.path.join(HERE, rel)
        name = os.path.basename(src)
        tmp = tempfile.mkdtemp(prefix="flashlua-diff-")
        results = []
        try:
            def fresh(tag):
                d = os.path.join(tmp, tag)
                os.mkdir(d)
                shutil.copy(src, os.path.join(d, name))
                return d

            ref = None
            if any(m in a.modes for m in "abc"):
                ref = self.norm(self.run([a.lua, name], fresh("ref")))
            for mode in a.modes:
                if mode == "a":
                    for i in range(a.repeat):
                        got = self.norm(self.run([a.flashlua, name], fresh("a%d" % i)))
                        if got != ref:
                            break
                    results.append(self.verdict("a", rel, ref, got, "lua5.1", "flashlua"))
                elif mode == "b":
                    v = None
                    for i in range(a.repeat):
                        d = fresh("b%d" % i)
                        comp = self.run([a.flashluac, "-o", "x.luac", name], d)
                        if comp[0] != 0 or not os.path.exists(os.path.join(d, "x.luac")):
                            # flashluac refused the file: fine only if luac5.1
                            # refuses it too, with the same message
                            want = self.norm(self.run([a.luac, "-o", "y.luac", name], d))
                            v = self.verdict("b", rel, want, self.norm(comp),
                                             "luac5.1 -o", "flashluac -o")
                            if want.startswith("exit status: 0\n"):
                                v = ("b", False, "flashluac failed to compile", v[3] or
                                     self.norm(comp))
                            break
                        got = self.norm(self.run([a.lua, "x.luac"], d))
                        v = self.verdict("b", rel, ref, got,
                                         "lua5.1 case.lua", "lua5.1 flashluac-output")
                        if not v[1]:
                            break
                    results.append(v)
                elif mode == "c":
                    d = fresh("c")
                    comp = self.run([a.luac, "-o", "x.luac", name], d)
                    if comp[0] != 0:
                        results.append(("c", None, "skipped (luac5.1 cannot compile)", ""))
                        continue
                    for i in range(a.repeat):
                        got = self.norm(self.run([a.flashlua, "x.luac"], d))
                        if got != ref:
                            break
                    results.append(self.verdict("c", rel, ref, got,
                                                "lua5.1 case.lua", "flashlua luac5.1-output"))
                elif mode == "d":
                    d = fresh("d")
                    want = self.norm_listing(self.norm(self.run([a.luac, "-l", "-p", name], d)))
                    got = self.norm_listing(self.norm(self.run([a.flashluac, "-l", "-p", name], d)))
                    results.append(self.verdict("d", rel, want, got,
                                                "luac5.1 -l -p", "flashluac -l -p"))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return results

    def verdict(self, mode, rel, want, got, wname, gname):
        if want == got:
            return (mode, True, "", "")
        diff = list(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                         wname, gname, n=1, lineterm=""))
        n = self.a.diff_lines
        if len(diff) > n:
            diff = diff[:n] + ["... (%d more diff lines)" % (len(diff) - n)]
        return (mode, False, "output differs", "\n".join(diff))


def discover(flt):
    rx = re.compile(flt) if flt else None
    out = []
    for d in CASE_DIRS:
        full = os.path.join(HERE, d)
        if not os.path.isdir(full):
            continue
        for f in sorted(os.listdir(full)):
            rel = d + "/" + f
            if f.endswith(".lua") and (rx is None or rx.search(rel)):
                out.append(rel)
    return out


def main():
    a = parse_args()
    r = Runner(a)
    cases = discover(a.filter)
    if not cases:
        print("no cases match")
        print("0 passed, 0 failed")
        return 1
    passed = failed = skipped = 0
    lst_same = lst_total = 0
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = {ex.submit(r.case, c): c for c in cases}
        done = {}
        for f in cf.as_completed(futs):
            done[futs[f]] = f.result()
    for c in cases:
        for mode, ok, msg, diff in done[c]:
            if mode == "d":
                lst_total += 1
                lst_same += 1 if ok else 0
                if not a.strict_listing:
                    if a.verbose and not ok:
                        print("listing differs [d] %s" % c)
                    continue
            if ok is None:
                skipped += 1
                if a.verbose:
                    print("SKIP [%s] %s: %s" % (mode, c, msg))
            elif ok:
                passed += 1
                if a.verbose:
                    print("ok   [%s] %s" % (mode, c))
            else:
                failed += 1
                print("FAIL [%s] %s: %s" % (mode, c, msg))
                if diff:
                    print("    " + diff.replace("\n", "\n    "))
    if lst_total:
        print("listing identical: %d/%d (%.1f%%)" % (lst_same, lst_total,
                                                     100.0 * lst_same / lst_total))
    if skipped:
        print("%d skipped" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
