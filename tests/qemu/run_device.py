#!/usr/bin/env python3
"""What only the device can show, on the LM3S6965 firmware under qemu-system-arm:

  faults      a store into the flash (the store partition, the code) is a MemManage fault,
              reported with its address, exit status 3; C recursion past the thread stack hits
              the MPU guard region below SRAM, reported the same way
  oom         running out of heap is the Lua error "not enough memory" (strings, arrays,
              hashes, closures, concatenation, the compiler, an uncaught one), never a fault,
              and the state goes on; the programs of tests/diff that do not fit the heap or
              the C stack end with a Lua error too
  cstack      deep C recursion of every kind (pcall, metamethods, the parser, gsub, coroutines,
              sort, require, tostring, xpcall with a traceback handler) is a Lua error
  lfs         an image built by flashluac -f -T le32-<number> -a <partition> and placed by
              qemu's loader runs in place; corrupt, foreign and unrelocated images are refused
              at boot with the reason in node.LFS.config.reason; modules are required from it
  app         examples/app from the store gives lua5.1's output; from source it runs out
              of memory with a clean error; the heap figures are printed

    run_device.py --firmware build-arm/flashlua.elf --flashluac build/flashluac [--lua lua5.1]
                  [--only faults,oom,...]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import qemu_fw      # noqa: E402
import run_diff     # noqa: E402

FAILS = []


def check(name, ok, detail=""):
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, ("" if ok else "\n    " + detail.replace("\n", "\n    "))))
    if not ok:
        FAILS.append(name)


class Dev:
    def __init__(self, a, tmp):
        self.a, self.tmp = a, tmp

    def run(self, args, image=None, timeout=60):
        rc, out, err = qemu_fw.run(self.a.qemu, self.a.firmware, args, self.tmp, image=image,
                                   lfs_base=self.a.lfs_base, timeout=timeout)
        return rc, out.decode("latin-1"), err.decode("latin-1")

    def lua(self, code, image=None, hooks=False, extra=()):
        """Runs code (as a script file: the command line is short) in an empty directory."""
        d = tempfile.mkdtemp(dir=self.tmp)
        with open(os.path.join(d, "t.lua"), "w") as f:
            f.write(code)
        rc, out, err = qemu_fw.run(self.a.qemu, self.a.firmware,
                                   (["--test-hooks"] if hooks else []) + list(extra) + ["t.lua"],
                                   d, image=image, lfs_base=self.a.lfs_base)
        return rc, out.decode("latin-1"), err.decode("latin-1")

    def image(self, name, files, target=None, addr=None, strip=True):
        out = os.path.join(self.tmp, name)
        cmd = [self.a.flashluac, "-f", "-T", target or "le32-" + self.a.number, "-o", out]
        cmd += ["-a", addr or self.a.lfs_base] if addr != "" else []
        cmd += ["-s"] if strip is True else ["-S", str(strip)] if strip else []
        p = subprocess.run(cmd + files, cwd=self.tmp, capture_output=True, text=True,
                           env=dict(os.environ, SOURCE_DATE_EPOCH="1000000000"))
        if p.returncode != 0:
            raise RuntimeError("flashluac: " + p.stderr)
        return out


# ------------------------------------------------------------------ faults

def t_faults(d):
    base = int(d.a.lfs_base, 0)
    for what, addr in (("the store partition", base + 16), ("the firmware's code", 0x100)):
        rc, out, err = d.lua("print('before') fwtest.poke(%d, 0) print('after')" % addr, hooks=True)
        ok = rc == 3 and out == "before\n" and "MemManage fault: write to flash" in err and \
            ("0x%08x" % addr) in err
        check("a store into %s (0x%x) is a MemManage fault, exit status 3" % (what, addr), ok,
              "status %s, stdout %r, uart %r" % (rc, out, err))
    # the flash reads fine and is unchanged by the attempt
    rc, out, err = d.lua("print(fwtest.peek(0x100) == fwtest.peek(0x100))", hooks=True)
    check("the flash is readable", rc == 0 and out == "true\n", "%s %r %r" % (rc, out, err))
    rc, out, err = d.lua("print(fwtest.recurse(8) > 0) print(fwtest.recurse(200))", hooks=True)
    ok = rc == 3 and out == "true\n" and "C stack overflow (stack guard hit)" in err
    check("C recursion past the 10 KB thread stack hits the MPU guard: fault report, exit 3", ok,
          "status %s, stdout %r, uart %r" % (rc, out, err))
    rc, out, err = d.lua("fwtest.poke(0x20000000 + 0x8000, 1) print(fwtest.peek(0x20008000))",
                         hooks=True)
    check("SRAM is writable (the MPU only guards flash and the region below SRAM)",
          rc == 0 and out == "1\n", "%s %r %r" % (rc, out, err))


# ------------------------------------------------------------------ out of memory

OOM = r"""
local function try(name, f, ...)
  local ok, e = pcall(f, ...)
  print(name, ok, e)
  collectgarbage()
end
print("compile", loadstring("local t = {" .. ("1,"):rep(5000) .. "}"))
try("strings", function() local t = {} while true do t[#t + 1] = string.rep("x", 100) .. #t end end)
try("array", function() local t = {} for i = 1, 1e7 do t[i] = i end end)
try("hash", function() local t = {} while true do t[{}] = true end end)
try("concat", function() local s = "x" while true do s = s .. s end end)
try("closures", function() local t = {} while true do t[#t + 1] = function() return t end end end)
try("coroutines", function() local t = {} while true do t[#t + 1] = coroutine.create(function() end) end end)
try("table.concat", function() local t = {} for i = 1, 30000 do t[i] = "abcdefgh" end return table.concat(t) end)
try("string.rep", string.rep, "abc", 100000)
try("gsub", function() local s = string.rep("a", 1000) while true do s = s:gsub("a", "aa") end end)
try("format", function() local t = {} while true do t[#t + 1] = string.format("%5.1f|%s", #t, "y") end end)
try("recursion", function() local function f(n) return 1 + f(n + 1) end return f(1) end)
try("unpack", function() return unpack({}, 1, 1e6) end)
local t = {}
for i = 1, 100 do t[i] = {i} end
print("still works", #t, t[100][1], string.rep("ab", 3))
local t2 = {} while true do t2[#t2 + 1] = {} end
"""

OOM_WANT = """compile\tnil\tnot enough memory
strings\tfalse\tnot enough memory
array\tfalse\tnot enough memory
hash\tfalse\tnot enough memory
concat\tfalse\tnot enough memory
closures\tfalse\tnot enough memory
coroutines\tfalse\tnot enough memory
table.concat\tfalse\tnot enough memory
string.rep\tfalse\tnot enough memory
gsub\tfalse\tnot enough memory
format\tfalse\tnot enough memory
recursion\tfalse\tnot enough memory
unpack\tfalse\ttoo many results to unpack
still works\t100\t100\tababab
"""


def t_oom(d):
    with open(os.path.join(d.tmp, "oom.lua"), "w") as f:
        f.write(OOM)
    rc, out, err = d.run(["oom.lua"])
    lines = [re.sub(r"oom\.lua:\d+: ", "", ln) for ln in out.split("\n")]
    ok = rc == 1 and "\n".join(lines) == OOM_WANT and \
        re.match(r"flashlua: (oom\.lua:\d+: )?not enough memory\n", err) is not None
    check("out of memory is the Lua error 'not enough memory' (13 ways), the state goes on; "
          "uncaught: exit status 1", ok, "status %s\nstdout:\n%s\nuart:\n%s" % (rc, out, err))
    # the programs of tests/diff that do not fit end with a Lua error, not a fault
    names = sorted(n for n, why in run_diff.SKIP.items()
                   if why.startswith((run_diff.HEAP, run_diff.CSTACK)) or run_diff.HEAP in why)
    where = {}
    for dd in run_diff.CASE_DIRS:
        for f in os.listdir(dd):
            where.setdefault(f[:-4], os.path.join(dd, f))
    run_dir = os.path.join(d.tmp, "big")
    os.mkdir(run_dir)
    for n in names:
        shutil.copy(where[n], run_dir)
    res, tail = qemu_fw.run_batch(d.a.qemu, d.a.firmware, [[n + ".lua"] for n in names], run_dir)
    bad = []
    for n, (st, out, err) in zip(names, res):
        e = err.decode("latin-1")
        if "fatal:" in e or st not in (0, 1):
            bad.append("%s: status %s, last stderr %r" % (n, st, e[-200:]))
    if tail is not None:
        bad.append("stopped: %s %r" % (tail[0], tail[2][-300:]))
    check("the %d programs of tests/diff that do not fit the device end with a Lua error "
          "(no fault)" % len(names), not bad and len(res) == len(names), "\n".join(bad))
    # the allocator (alloc.c): no header on Lua's blocks, so more than 1000 small tables of two
    # blocks (table + 1-slot array: 48 bytes) fit where picolibc's malloc held 778; every byte
    # comes back after a collection; and the space of the small blocks, once free, merges into
    # large blocks again (a version with per-size free lists failed here)
    rc, out, err = d.lua(HEAPREUSE)
    ok = rc == 0 and re.match(r"false\ttrue\ttrue\t0\ttrue\n(\d+)\t(\d+)\t(\d+)\n$", out)
    check("the heap: small blocks without overhead, freed space reusable by any size",
          ok is not None and ok is not False, "status %s %r %r" % (rc, out, err))
    if ok:
        print("     %s small tables, then %s bytes free; free heap %s before and after" % ok.groups())


HEAPREUSE = r"""
collectgarbage()
local f0 = node.heapfree()
local head, n = nil, 0
local ok = pcall(function() while true do head = {head} n = n + 1 end end)
local least = node.heapfree()
head = nil collectgarbage()
local f1 = node.heapfree()
local s = string.rep("x", math.floor(f1 / 5))   -- string.rep takes ~3 times its result
print(ok, n > 1000, least < 200, f1 - f0, #s == math.floor(f1 / 5))
print(n, least, f1)
"""


# ------------------------------------------------------------------ C stack

CSTACK = r"""
local N = 300
local function try(name, f)
  local ok, e = pcall(f)
  e = tostring(e)
  local clean = e:find("C stack overflow") or e:find("stack overflow") or
                e:find("too many syntax levels") or e:find("error in error handling") or
                e:find("not enough memory")
  print(name, ok, clean and "clean" or e)
end
local function load(s) local f, e = loadstring(s) if not f then error(e) end return f end
try("pcall", function() local function f(n) local ok, v = pcall(f, n + 1) if not ok then error(v, 0) end return v end return f(1) end)
try("__index", function() local t = setmetatable({}, {__index = function(t, k) return t[k + 1] end}) return t[1] end)
try("__newindex", function() local mt = {} mt.__newindex = function(t, k, v) setmetatable({}, mt)[k] = v end setmetatable({}, mt).x = 1 end)
try("__call", function() local mt = {} mt.__call = function(s) local r = setmetatable({}, mt)() return r end return setmetatable({}, mt)() end)
try("__eq", function() local mt = {} mt.__eq = function(a, b) return setmetatable({}, mt) == setmetatable({}, mt) end return setmetatable({}, mt) == setmetatable({}, mt) end)
try("__lt", function() local mt = {} mt.__lt = function(a, b) return setmetatable({}, mt) < setmetatable({}, mt) end return setmetatable({}, mt) < setmetatable({}, mt) end)
try("__concat", function() local mt = {} mt.__concat = function(a, b) return setmetatable({}, mt) .. "x" end return setmetatable({}, mt) .. "x" end)
try("__tostring", function() local mt = {} mt.__tostring = function() return tostring(setmetatable({}, mt)) end return tostring(setmetatable({}, mt)) end)
try("print", function() local mt = {} mt.__tostring = function() print(setmetatable({}, mt)) end print(setmetatable({}, mt)) end)
try("gsub", function() local function g(s) return (s:gsub(".", g)) end return g("x") end)
try("sort", function() local function s() table.sort({2, 1}, function(a, b) s() return a < b end) end s() end)
try("coroutines", function() local function co() return coroutine.wrap(co)() end return co() end)
try("xpcall traceback", function() local function r() local ok, e = xpcall(r, debug.traceback) error(e, 0) end r() end)
try("require", function() package.preload.m = function() package.loaded.m = nil return require "m" end return require "m" end)
try("parser ()", function() return load("return " .. ("("):rep(N) .. "1" .. (")"):rep(N)) end)
try("parser {}", function() return load("return " .. ("{"):rep(N) .. ("}"):rep(N)) end)
try("parser blocks", function() return load(("do "):rep(N) .. ("end "):rep(N)) end)
try("parser functions", function() return load(("return function() "):rep(N) .. ("end "):rep(N)) end)
try("parser ..", function() return load("return " .. ("a .. "):rep(N) .. "a") end)
try("parser assignment", function() return load(("a, "):rep(190) .. "a = 1") end)
try("binary chunk", function() return load(string.dump(load(("return function() "):rep(40) .. ("end "):rep(40)))) end)
print("alive", pcall(string.rep, "ab", 2))
"""


def t_cstack(d):
    with open(os.path.join(d.tmp, "cstack.lua"), "w") as f:
        f.write(CSTACK)
    rc, out, err = d.run(["--stats", "cstack.lua"])
    lines = [ln for ln in out.split("\n") if ln]
    bad = [ln for ln in lines[:-1] if not ln.endswith("\tclean") and not ln.startswith(
        ("parser assignment\ttrue", "binary chunk\ttrue"))]
    ok = rc == 0 and len(lines) == 22 and not bad and lines[-1] == "alive\ttrue\tabab"
    m = re.search(r"stack used (\d+) of (\d+)", err)
    check("deep C recursion of 21 kinds is a Lua error (C stack overflow, syntax levels...), "
          "never a fault%s" % (" (stack high-water %s of %s bytes)" % m.groups() if m else ""),
          ok, "status %s\nstdout:\n%s\nuart:\n%s" % (rc, out, err))


# ------------------------------------------------------------------ the flash store

MODS = {
    "greet": "local M = {}\nfunction M.hello(who) return 'hello, ' .. who end\n"
             "function M.fail() error('from flash') end\nreturn M\n",
    "counter": "local n = 0\nreturn function() n = n + 1 return n end\n",
}


def t_lfs(d):
    files = []
    for n, src in MODS.items():
        with open(os.path.join(d.tmp, n + ".lua"), "w") as f:
            f.write(src)
        files.append(n + ".lua")       # (each run is in an empty directory: d.lua)
    img = d.image("mods.img", files, strip=False)
    size = os.path.getsize(img)
    code = ("local g = require 'greet' print(g.hello('device')) "
            "local c = require 'counter' c() print(c()) "
            "print(pcall(g.fail)) "
            "print(table.concat(node.LFS.list(), ',')) "
            "print(node.LFS.config.base == %d, node.LFS.config.used, node.LFS.time) "
            "print(type(node.LFS.get('greet')), node.LFS.get('nope'), type(node.LFS.counter)) "
            "local rom = debug.getstrings('ROM') local seen = {} for _, s in ipairs(rom) do seen[s] = true end "
            "print(seen['hello, '], seen['from flash'], #debug.getstrings('RAM') < #rom)"
            % int(d.a.lfs_base, 0))
    rc, out, err = d.lua(code, image=img)
    want = ("hello, device\n2\nfalse\tgreet.lua:3: from flash\ncounter,greet\n"
            "true\t%d\t1000000000\nfunction\tnil\tfunction\ntrue\ttrue\ttrue\n" % size)
    check("modules required from the store in flash (node.LFS.*, debug.getstrings)",
          rc == 0 and out == want and err == "", "status %s\nstdout:\n%s\nwant:\n%s\nuart:\n%s"
          % (rc, out, want, err))
    # refused images: the reason at boot (stderr) and in node.LFS.config.reason
    with open(img, "rb") as f:
        good = bytearray(f.read())
    bad = bytearray(good)
    bad[size // 2] ^= 0x40
    with open(os.path.join(d.tmp, "corrupt.img"), "wb") as f:
        f.write(bad)
    cases = [
        ("corrupt.img", "image is corrupt: its CRC-32"),
        (d.image("pi.img", files, addr=""), "image is position independent"),
        (d.image("moved.img", files, addr="0x30000"), "image was relocated for address"),
        (d.image("float.img", files, target="le32-float" if d.a.number != "float" else "le32-int"),
         "image was built for"),
    ]
    for name, reason in cases:
        rc, out, err = d.lua("print(node.LFS.config.reason) print(pcall(require, 'greet'))",
                             image=os.path.join(d.tmp, name))
        ok = rc == 0 and out.startswith(reason) and "module 'greet' not found" in out and \
            ("flash store not used: " + reason) in err
        check("%s refused at boot: %s" % (os.path.basename(name), reason), ok,
              "status %s\nstdout:\n%s\nuart:\n%s" % (rc, out, err))
    # node.restart(): a system reset; the firmware boots again with the same command line
    rc, out, err = d.lua("local f = io.open('marker') if f then f:close() os.remove('marker') "
                         "print('booted again', require('greet').hello('x')) os.exit(0) end "
                         "io.open('marker', 'w'):close() print('restart') node.restart() "
                         "print('not reached')", image=img)
    check("node.restart() reboots the device (the store is opened again)",
          rc == 0 and out == "restart\nbooted again\thello, x\n", "%s %r %r" % (rc, out, err))
    rc, out, err = d.lua("print(node.LFS.config.reason, node.LFS.time, #node.LFS.list())")
    check("no image: an empty store, quietly", rc == 0 and err == "" and
          out.endswith("\tnil\t0\n"), "status %s %r %r" % (rc, out, err))


# ------------------------------------------------------------------ the example app

# The app from the store fits since values are NaN-boxed (8 bytes instead of 12): Lua's peak is
# about 51.8 KB of the 54.1 KB heap, with a few hundred bytes never used (least free). Its image
# keeps line info (-S 1): the app prints an error message, which must name the line as lua5.1's.
# From source it runs out of memory. APP_FITS = False would expect a clean out-of-memory instead.
APP_FITS = True


def heap_line(err):
    m = re.search(r"heap (\d+), heap free now (\d+), least free (\d+), stack used (\d+) of "
                  r"\d+, Lua peak (\d+)", err)
    return tuple(int(x) for x in m.groups()) if m else None


def t_app(d):
    app = os.path.join(ROOT, "examples", "app")
    mods = sorted(f for f in os.listdir(app) if f.endswith(".lua"))
    for f in mods:
        shutil.copy(os.path.join(app, f), d.tmp)
    ref = subprocess.run([d.a.lua, "app.lua"], cwd=d.tmp, capture_output=True)
    img = d.image("app.img", mods, strip=1)   # line info: error messages as lua5.1's
    rc, out, err = d.lua("require 'app'", image=img, extra=["--stats"])
    h = heap_line(err)
    fits = rc == 0 and out.encode("latin-1") == ref.stdout
    if APP_FITS:
        check("examples/app from the store: lua5.1's output (%d bytes) within the 64 KB budget"
              % len(ref.stdout), fits, "status %s, stderr %r\nstdout:\n%s" % (rc, err, out[-500:]))
    elif fits:
        check("examples/app from the store now fits: set APP_FITS = True", False)
    else:
        check("examples/app from the store does not fit yet (APP_FITS): it runs out of memory "
              "cleanly (an uncaught 'not enough memory', or one the app catches and prints)",
              "fatal" not in err and ((rc == 1 and "not enough memory" in err) or
                                      (rc == 0 and "not enough memory" in out)),
              "status %s, uart %r" % (rc, err))
    if h:
        print("     image %d bytes; heap %d bytes, least free while running %d, Lua's peak %d "
              "bytes, C stack used %d" % (os.path.getsize(img), h[0], h[2], h[4], h[3]))
    os.mkdir(os.path.join(d.tmp, "src"))
    for f in mods:
        shutil.copy(os.path.join(app, f), os.path.join(d.tmp, "src"))
    rc, out, err = qemu_fw.run(d.a.qemu, d.a.firmware, ["--stats", "app.lua"],
                               os.path.join(d.tmp, "src"))
    err = err.decode("latin-1")
    ok = rc == 1 and "not enough memory" in err and "fatal" not in err
    check("examples/app from source runs out of memory with a clean error", ok,
          "status %s, uart %r" % (rc, err))
    h = heap_line(err)
    if h:
        print("     from source: least free %d, Lua's peak %d bytes" % (h[2], h[4]))
    # free heap at the REPL prompt, with and without a store (the banner says it)
    for name, image in (("without a store", None), ("with the app's store", img)):
        rc, out, err = d.run(["-v"], image=image)
        m = re.search(r"LM3S6965: (\d+) bytes of heap free", err)
        check("free heap at the prompt %s: %s bytes" % (name, m.group(1) if m else "?"),
              rc == 0 and m is not None, err)


TESTS = {"faults": t_faults, "oom": t_oom, "cstack": t_cstack, "lfs": t_lfs, "app": t_app}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--firmware", required=True)
    ap.add_argument("--flashluac", required=True)
    ap.add_argument("--qemu", default=shutil.which("qemu-system-arm") or "qemu-system-arm")
    ap.add_argument("--lua", default=shutil.which("lua5.1") or "lua5.1")
    ap.add_argument("--only", default=",".join(TESTS))
    a = ap.parse_args()
    a.firmware, a.flashluac = os.path.abspath(a.firmware), os.path.abspath(a.flashluac)
    env = qemu_fw.read_env(os.path.dirname(a.firmware))
    a.number, a.lfs_base = env.get("FL_NUMBER", "double"), env["FL_LFS_BASE"]
    for t in a.only.split(","):
        tmp = tempfile.mkdtemp(prefix="flq-dev-")
        try:
            TESTS[t](Dev(a, tmp))
        except Exception as e:      # a broken test is a failure, not a crash of the runner
            check("%s: %s" % (t, type(e).__name__), False, str(e))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print("%s: %d failed" % ("FAIL" if FAILS else "ok", len(FAILS)))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
