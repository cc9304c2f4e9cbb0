#!/usr/bin/env python3
"""The flashlua command line against lua5.1's: options, `arg`, stdin, LUA_INIT, exit statuses
and error reports. Each case runs both interpreters in a fresh temporary directory, both named
"lua" (argv[0] is "lua" for both, so that messages and arg[-1] match), and compares
stdout, stderr and exit status (the -v banner line is replaced by <banner>).

  cli.py --lua lua5.1 --flashlua build/flashlua [--readline] [-k regex] [-v]

--readline adds cases piping input into -i, where GNU readline echoes the typed lines (as in
Debian's lua5.1); give it when flashlua was built with GNU readline. Python 3 stdlib only.
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

ERR_LUA = 'local function f() error("boom") end\nlocal function g() f() end\ng()\n'
ARGS_LUA = 'print("...", ...)\nfor i = -4, #arg do print(i, arg[i]) end\n'

FILES = {
    "err.lua": ERR_LUA,
    "args.lua": ARGS_LUA,
    "syntax.lua": "print(1)\nx = = 2\n",
    "eofsyntax.lua": "if x then\n",
    "tab.lua": "error({})\n",
    "tostr.lua": 'error(setmetatable({}, {__tostring = function() return "TS" end}))\n',
    "num.lua": "error(42)\n",
    "nilerr.lua": "error(nil)\n",
    "boolerr.lua": "error(true)\n",
    "level2.lua": 'error("lvl", 2)\n',
    "level0.lua": 'error("no position", 0)\n',
    "runtime.lua": "local t = nil\nprint(t.x)\n",
    "arith.lua": "local s = 'a' + 1\n",
    "tail.lua": "local function a() error('t') end\nlocal function b() return a() end\nb()\n",
    "overflow.lua": "local function r() return 1 + r() end\nr()\n",
    "exit3.lua": 'io.write("buffered") os.exit(3)\n',
    "exit0.lua": "os.exit()\n",
    "exitbad.lua": "os.exit(true)\n",
    "shebang.lua": "#!/usr/bin/env lua\nprint('shebang ok', ...)\n",
    "-": "print('a file named -')\n",
    "mod.lua": "print('loading mod', ...)\nmod_loaded = true\nreturn {}\n",
    "badmod.lua": "error('module failed')\n",
    "init.lua": "print('init file', arg and #arg)\n",
    "initerr.lua": "error('init failed')\n",
    "stdinargs.lua": "print(...)\n",
    "coro.lua": "local co = coroutine.wrap(function() error('in coroutine') end)\nco()\n",
    "ioerr.lua": "io.stderr:write('to stderr\\n') io.stdout:write('to stdout\\n') error('after output')\n",
    "gsuberr.lua": "string.gsub('x', 'x', function() error('inside gsub') end)\n",
    "pcallok.lua": "print(pcall(error, 'caught'))\nprint(select('#', ...))\n",
    "sub/dir.lua": "print('in sub dir')\n",
}

# (name, argv after the program, stdin text or None, extra environment)
CASES = [
    ("script", ["args.lua", "a", "b c"], None, {}),
    ("no args to script", ["args.lua"], None, {}),
    ("arg negative indices", ["-e", "x=1", "-l", "mod", "args.lua", "1", "2"], None, {}),
    ("arg after --", ["--", "args.lua", "-x"], None, {}),
    ("options after script", ["args.lua", "-e", "print(1)", "--", "-"], None, {}),
    ("-e", ["-e", "print('hi')"], None, {}),
    ("-e joined", ["-eprint('joined')"], None, {}),
    ("-e several", ["-e", "a=1", "-e", "print(a+1)", "-e", "print(arg)"], None, {}),
    ("-e then script", ["-e", "print(arg[0], arg[-1], arg[-2])", "args.lua"], None, {}),
    ("-e syntax error", ["-e", "x="], None, {}),
    ("-e runtime error", ["-e", "error('e')"], None, {}),
    ("-e error stops", ["-e", "error('first')", "-e", "print('not reached')"], None, {}),
    ("-e non-string error", ["-e", "error({})"], None, {}),
    ("-l", ["-l", "mod", "-e", "print(mod_loaded, type(package.loaded.mod))"], None, {}),
    ("-l joined", ["-lmod", "-e", "print(mod_loaded)"], None, {}),
    ("-l missing", ["-l", "nomod"], None, {}),
    ("-l failing", ["-l", "badmod"], None, {}),
    ("-v", ["-v"], None, {}),
    ("-v script", ["-v", "args.lua", "x"], None, {}),
    ("-v -e", ["-v", "-e", "print(1)"], None, {}),
    ("bad option", ["-x"], None, {}),
    ("bad option after -e", ["-e", "print(1)", "-z"], None, {}),
    ("-e without argument", ["-e"], None, {}),
    ("-l without argument", ["-l"], None, {}),
    ("--x", ["--x"], None, {}),
    ("-ix", ["-ix"], None, {}),
    ("-vx", ["-vx"], None, {}),
    ("stdin script", [], "print('from stdin', ...)\nprint(arg)\n", {}),
    ("stdin -", ["-"], "print('dash', ...)\n", {}),
    ("stdin - args", ["-", "a", "b"], "print(...) print(arg[0], arg[1], arg[-1])\n", {}),
    ("stdin - after -e", ["-e", "x=5", "-", "q"], "print(x, ...)\n", {}),
    ("file named -", ["--", "-"], None, {}),
    ("stdin syntax error", ["-"], "x = = 1\n", {}),
    ("stdin runtime error", [], "local a\na.b = 1\n", {}),
    ("stdin empty", [], "", {}),
    ("stdin syntax error, no args", [], "x = = 1\n", {}),
    ("stdin error, no args", [], "error('e')\n", {}),
    ("stdin shebang", ["-"], "#!/bin/lua\nprint('skipped first line')\n", {}),
    ("stdin binary chunk", ["-"], None, {"_CHUNK": "1"}),
    ("missing script", ["nope.lua"], None, {}),
    ("missing script with args", ["nope.lua", "a"], None, {}),
    ("script is a directory", ["sub"], None, {}),
    ("script in sub dir", ["sub/dir.lua"], None, {}),
    ("syntax error", ["syntax.lua"], None, {}),
    ("syntax error at eof", ["eofsyntax.lua"], None, {}),
    ("runtime error traceback", ["err.lua"], None, {}),
    ("table error", ["tab.lua"], None, {}),
    ("__tostring error", ["tostr.lua"], None, {}),
    ("number error", ["num.lua"], None, {}),
    ("nil error", ["nilerr.lua"], None, {}),
    ("boolean error", ["boolerr.lua"], None, {}),
    ("error level 2", ["level2.lua"], None, {}),
    ("error level 0", ["level0.lua"], None, {}),
    ("index nil", ["runtime.lua"], None, {}),
    ("arith error", ["arith.lua"], None, {}),
    ("tail calls", ["tail.lua"], None, {}),
    ("stack overflow", ["overflow.lua"], None, {}),
    ("error in coroutine", ["coro.lua"], None, {}),
    ("error in gsub callback", ["gsuberr.lua"], None, {}),
    ("output then error", ["ioerr.lua"], None, {}),
    ("pcall", ["pcallok.lua", "x", "y"], None, {}),
    ("os.exit(3)", ["exit3.lua"], None, {}),
    ("os.exit()", ["exit0.lua"], None, {}),
    ("os.exit(true)", ["exitbad.lua"], None, {}),
    ("shebang", ["shebang.lua", "z"], None, {}),
    ("LUA_INIT", ["-e", "print(initvar)"], None, {"LUA_INIT": "initvar = 'set by LUA_INIT'"}),
    ("LUA_INIT runs first", ["args.lua"], None, {"LUA_INIT": "print('init', arg)"}),
    ("LUA_INIT=@file", ["-e", "print('after')"], None, {"LUA_INIT": "@init.lua"}),
    ("LUA_INIT=@missing", ["-e", "print('after')"], None, {"LUA_INIT": "@missing.lua"}),
    ("LUA_INIT syntax error", ["-e", "print('after')"], None, {"LUA_INIT": "x = = 1"}),
    ("LUA_INIT runtime error", ["args.lua"], None, {"LUA_INIT": "error('init')"}),
    ("LUA_INIT=@file error", ["args.lua"], None, {"LUA_INIT": "@initerr.lua"}),
    ("LUA_INIT empty", ["-e", "print(1)"], None, {"LUA_INIT": ""}),
]

READLINE_CASES = [
    ("-i piped", ["-i"], "print(1)\n=2+2\nerror('x')\nfor i=1,2 do\nprint(i)\nend\n", {}),
    ("-i after script", ["-i", "args.lua", "q"], "print(arg[1])\n", {}),
    ("-i after -e", ["-e", "y=7", "-i"], "=y\n", {}),
    ("-i unfinished at eof", ["-i"], "if true then\n", {}),
    ("-i after failing script", ["-i", "err.lua"], "print('not reached')\n", {}),
]

BANNER = re.compile(r"^(Lua 5\.1\.\d+  Copyright.*|flashlua \d.*)$", re.M)


def setup(tmp):
    for name, text in FILES.items():
        path = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


def run(prog, tmp, argv, stdin, extra, luac):
    env = dict(os.environ)
    for k in ("LUA_INIT", "LUA_PATH", "LUA_CPATH"):
        env.pop(k, None)
    env["TERM"] = "dumb"
    env["INPUTRC"] = "/dev/null"
    env["LC_ALL"] = "C"
    data = stdin.encode() if stdin is not None else b""
    extra = dict(extra)
    if extra.pop("_CHUNK", None):
        chunk = os.path.join(tmp, "chunk.luac")
        with open(os.path.join(tmp, "chunk.lua"), "w") as f:
            f.write("print('binary chunk', ...)\n")
        subprocess.run([luac, "-o", chunk, os.path.join(tmp, "chunk.lua")], check=True)
        with open(chunk, "rb") as f:
            data = f.read()
    env.update(extra)
    try:
        p = subprocess.run(["lua"] + argv, executable=prog, cwd=tmp, env=env, input=data,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
        res = [p.stdout.decode("latin-1"), p.stderr.decode("latin-1"), p.returncode]
    except subprocess.TimeoutExpired:
        res = ["", "<timeout>", None]
    res[0] = BANNER.sub("<banner>", res[0])
    res[1] = BANNER.sub("<banner>", res[1])
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lua", required=True)
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--luac", default=shutil.which("luac5.1") or "luac5.1")
    ap.add_argument("--readline", action="store_true")
    ap.add_argument("-k", dest="filter")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    cases = CASES + (READLINE_CASES if a.readline else [])
    if a.filter:
        cases = [c for c in cases if re.search(a.filter, c[0])]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="flcli") as top:
        bins = {}
        for who, prog in (("ref", a.lua), ("fl", a.flashlua)):
            path = shutil.which(prog)
            if path is None:
                print("cannot run %s" % prog)
                return 1
            bins[who] = os.path.abspath(path)
        for i, (name, argv, stdin, extra) in enumerate(cases):
            results = {}
            for who in ("ref", "fl"):
                tmp = os.path.join(top, "%s-%d" % (who, i))
                os.mkdir(tmp)
                setup(tmp)
                results[who] = run(bins[who], tmp, argv, stdin, extra, a.luac)
            ref, got = results["ref"], results["fl"]
            if ref == got:
                if a.v:
                    print("ok   %-40s status %s" % (name, ref[2]))
                continue
            failed += 1
            print("FAIL %s: lua %s" % (name, " ".join(argv)))
            for label, r, g in zip(("stdout", "stderr", "status"), ref, got):
                if r != g:
                    d = difflib.unified_diff(str(r).splitlines(), str(g).splitlines(),
                                             "lua5.1 " + label, "flashlua " + label, lineterm="")
                    print("\n".join(d))
    print("%d of %d command-line cases identical" % (len(cases) - failed, len(cases)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
