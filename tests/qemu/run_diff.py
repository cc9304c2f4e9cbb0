#!/usr/bin/env python3
"""The differential test programs on the emulated device: every program of tests/diff/cases,
tests/diff/errors and tests/lua runs on the LM3S6965 firmware under qemu-system-arm and must
give lua5.1's stdout, stderr (program name normalised) and exit status on the host.

    run_diff.py --firmware build-arm/flashlua.elf [--lua lua5.1] [-k regex] [-v]
    run_diff.py ... --lfs --flashluac build/flashluac      (the programs run from the store)

Programs run in batches, one qemu boot per batch (--batch: a fresh Lua state per program,
like a new process; os.exit ends the program only). With --lfs the programs are compiled into
flash store images (flashluac -f -T le32-<number type> -a <partition>), placed into the
partition by qemu's loader, and each runs through a launcher that require()s it from the store
(the reference runs the same launcher with lua5.1, which loads the file).
Programs listed in SKIP do not fit the device or need what it does not have; the reason is
printed with -v. A skipped program that passes is reported, so that the list stays honest.
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
TESTS = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import qemu_fw  # noqa: E402

CASE_DIRS = [os.path.join(TESTS, "diff", "cases"), os.path.join(TESTS, "diff", "errors"),
             os.path.join(TESTS, "lua")]

HEAP = "needs more RAM than the device's heap (ends with 'not enough memory')"
CSTACK = "recursion deeper than the device's C stack allows ('C stack overflow' earlier than lua5.1)"
STRTOD = "picolibc's strtod reads \"0x\" as 0 (glibc: not a number)"
PRINTF = "picolibc's printf: digits beyond 17 significant ones, denormals and -nan print differently"
LONG32 = "32-bit target: string.format('%d') and tonumber(s, base) use a 32-bit long"
RAND = "math.random: picolibc's rand() is not glibc's"
OS = "needs an operating system"

# program -> why it cannot give lua5.1's output on the device (-v prints them)
SKIP = {
    "base_tonumber": STRTOD + "; " + LONG32,
    "base_tostring": PRINTF,
    "lex_number_errors": STRTOD,
    "lex_numbers": PRINTF,
    "num_string_arith": STRTOD,
    "op_nan_print": PRINTF,
    "num_for_loop_precision": PRINTF,
    "str_format_f": PRINTF + " ('%.0f' of 0.5 rounds up)",
    "str_format_round": PRINTF + " ('%.0f' of 0.5 rounds up)",
    "str_format_d": LONG32,
    "str_format_misc": LONG32 + "; " + PRINTF,
    "lib_string_format": LONG32 + "; " + PRINTF,
    "lib_math_funcs": RAND,
    "math_random_seeded": RAND,
    "lib_os_date": "picolibc's strftime drops unknown conversions (glibc keeps '%Q')",
    "lib_debug_debug": OS + " (io.popen)",
    "lib_io_default": OS + " (io.popen)",
    "lib_io_errors": "semihosting files: directories open as empty files, other errno values",
    "lib_io_basic": "semihosting files: other errno values; " + HEAP,
    "lib_os_misc": OS + " (environment variables, os.execute)",
    "lib_package_path": OS + " (LUA_PATH, LUA_CPATH)",
    "lib_package_require": OS + " (C modules: no dynamic libraries)",
    "co_nested": CSTACK,
    "func_c_stack_overflow": CSTACK + "; " + HEAP + " (a coroutine chain)",
    "op_concat_long_chain": CSTACK + " (the parser recurses on each '..')",
    "syntax_limits": CSTACK + " (parser levels)",
    "func_stack_overflow": HEAP + " before 'stack overflow' (LUAI_MAXCALLS levels)",
    "stack_overflow": HEAP + " before 'stack overflow' (LUAI_MAXCALLS levels)",
    "func_recursion_deep": HEAP,
    "cg_elseif_chain": HEAP,
    "cg_long_jumps": HEAP,
    "cg_many_constants": HEAP,
    "cg_many_registers": HEAP,
    "cg_setlist_huge": HEAP,
    "co_many": HEAP,
    "func_many_locals": HEAP,
    "gc_big_tables": HEAP,
    "lib_debug_hook": HEAP,
    "lib_debug_traceback": HEAP,
    "lib_string_basic": HEAP,
    "lib_string_pattern": HEAP,
    "lib_table_funcs": HEAP,
    "lib_table_sort": HEAP,
    "prog_memoize": HEAP,
    "str_long_literal": HEAP,
    "str_pattern_limits": HEAP,
    "str_rep_big": HEAP,
    "syntax_too_many": HEAP,
    "tab_constructor_large": HEAP,
    "tab_rehash": HEAP,
    "tlib_sort_large": HEAP,
    "tlib_unpack_large": HEAP,
}

# compiling these on the device needs more RAM than the heap; they run from the store
SKIP_SOURCE = {n: HEAP + " to compile (runs from the store)" for n in [
    "lib_base_coroutine", "lib_base_errors", "lib_base_values", "lib_debug_info",
    "meta_index_depth", "tlib_concat", "co_gc"]}

# with --lfs only
SKIP_LFS = {
    "lib_package_require": "prints #package.loaders: 5 with a store (the flash searcher is [2])",
}

LAUNCHER = """local name = ...
arg = { [0] = name .. ".lua", [-1] = "lua" }
package.path = "?.lua"
if node and type(package.loaders[2](name)) ~= "function" then error("not in the store: " .. name) end
require(name)
"""


def norm_err(b):
    return re.sub(r"^[^:\s]*(lua5\.1|lua|flashlua): ", "lua: ", b.decode("latin-1"), flags=re.M)


def lua_ref(lua, case, src, args=(), extra=()):
    """lua5.1 on the host in a fresh directory: (status, stdout, normalised stderr)."""
    d = tempfile.mkdtemp(prefix="flq-ref-")
    try:
        shutil.copy(src, d)
        for e in extra:
            shutil.copy(e, d)
        p = subprocess.run([lua] + list(args), cwd=d, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        return p.returncode, p.stdout, norm_err(p.stderr)
    except subprocess.TimeoutExpired:
        return "timeout", b"", ""
    finally:
        shutil.rmtree(d, ignore_errors=True)


def show_diff(want, got, limit=30):
    w = ["exit status: %s" % want[0]] + want[1].decode("latin-1").split("\n") + \
        ["--- stderr"] + want[2].split("\n")
    g = ["exit status: %s" % got[0]] + got[1].decode("latin-1").split("\n") + \
        ["--- stderr"] + got[2].split("\n")
    d = list(difflib.unified_diff(w, g, "lua5.1", "device", n=1, lineterm=""))
    if len(d) > limit:
        d = d[:limit] + ["... (%d more lines)" % (len(d) - limit)]
    return "\n".join("    " + x for x in d)


def device_batches(a, names, where, images=None):
    """Runs names (in batches, one per worker, restarting after a crash) -> {name: result}."""
    results = {}
    groups = [names[i::a.jobs] for i in range(a.jobs)] if images is None else images

    def worker(group):
        img = None
        if images is not None:
            img, group = group
        d = tempfile.mkdtemp(prefix="flq-dev-")
        got = {}
        try:
            for n in group:
                shutil.copy(where[n], d)
            if images is not None:
                with open(os.path.join(d, "launcher.lua"), "w") as f:
                    f.write(LAUNCHER)
            todo = list(group)
            while todo:
                lines = [["launcher.lua", n] if img else [n + ".lua"] for n in todo]
                res, tail = qemu_fw.run_batch(a.qemu, a.firmware, lines, d, image=img,
                                              lfs_base=a.lfs_base, case_timeout=a.timeout)
                for n, (st, out, err) in zip(todo, res):
                    got[n] = (st, out, norm_err(err))
                todo = todo[len(res):]
                if tail is not None and todo:
                    why, out, err, qerr = tail
                    got[todo[0]] = ("%s" % why, out, norm_err(err) + qerr.decode("latin-1"))
                    todo = todo[1:]
        finally:
            shutil.rmtree(d, ignore_errors=True)
        return got

    with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for got in ex.map(worker, groups):
            results.update(got)
    return results


def build_images(a, names, where, tmp):
    """Compiles the programs into images that fit the partition: [(image, [names])]."""
    src = os.path.join(tmp, "src")
    os.mkdir(src)
    for n in names:
        shutil.copy(where[n], src)
    ok = []
    for n in names:   # programs that do not compile (syntax errors on purpose) are left out
        p = subprocess.run([a.flashluac, "-p", n + ".lua"], cwd=src, capture_output=True)
        if p.returncode == 0:
            ok.append(n)
    target = "le32-" + a.number
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    images, group = [], []

    def make(group, k):
        img = os.path.join(tmp, "cases%d.img" % k)
        p = subprocess.run([a.flashluac, "-f", "-T", target, "-a", hex(a.lfs_base_int),
                            "-m", str(a.lfs_size), "-o", img] + [n + ".lua" for n in group],
                           cwd=src, capture_output=True, env=env)
        return img if p.returncode == 0 else None

    # greedy packing: add programs while the image fits (sizes measured by building)
    budget = a.lfs_size
    est = {}
    for n in ok:
        est[n] = os.path.getsize(os.path.join(src, n + ".lua")) * 3 + 600
    cur, size = [], 4096
    packs = []
    for n in ok:
        if cur and size + est[n] > budget * 0.85:
            packs.append(cur)
            cur, size = [], 4096
        cur.append(n)
        size += est[n]
    if cur:
        packs.append(cur)
    k = 0
    while packs:
        group = packs.pop(0)
        img = make(group, k)
        if img is None:
            if len(group) == 1:
                print("cannot build an image for %s (too big for the partition?)" % group[0])
                continue
            half = len(group) // 2
            packs[0:0] = [group[:half], group[half:]]
            continue
        images.append((img, group))
        k += 1
    return images, ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--firmware", required=True, help="flashlua.elf of the firmware build")
    ap.add_argument("--qemu", default=shutil.which("qemu-system-arm") or "qemu-system-arm")
    ap.add_argument("--lua", default=shutil.which("lua5.1") or "lua5.1")
    ap.add_argument("--flashluac", help="host flashluac (for --lfs)")
    ap.add_argument("--lfs", action="store_true", help="run the programs from the flash store")
    ap.add_argument("-k", dest="filter")
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds without progress")
    ap.add_argument("--no-skip", action="store_true", help="also run the SKIP list")
    ap.add_argument("--diff-lines", type=int, default=30)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    a.firmware = os.path.abspath(a.firmware)
    if a.flashluac:
        a.flashluac = os.path.abspath(a.flashluac)
    env = qemu_fw.read_env(os.path.dirname(a.firmware))
    a.number = env.get("FL_NUMBER", "double")
    a.lfs_base = env.get("FL_LFS_BASE")
    a.lfs_base_int = int(a.lfs_base, 0)
    a.lfs_size = int(env.get("FL_LFS_SIZE", "0"), 0)
    if a.lfs and not a.flashluac:
        ap.error("--lfs needs --flashluac")
    where = {}
    for d in CASE_DIRS:
        for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if f.endswith(".lua"):
                where.setdefault(f[:-4], os.path.join(d, f))
    names = sorted(where)
    if a.filter:
        names = [n for n in names if re.search(a.filter, n)]
    skip = dict(SKIP)
    skip.update(SKIP_LFS if a.lfs else SKIP_SOURCE)
    run_names = names if a.no_skip else [n for n in names if n not in skip]
    tmp = tempfile.mkdtemp(prefix="flq-")
    try:
        images = None
        if a.lfs:
            with open(os.path.join(tmp, "launcher.lua"), "w") as f:
                f.write(LAUNCHER)
            images, compiled = build_images(a, run_names, where, tmp)
            run_names = compiled
            print("%d images of up to %d bytes for %d programs" %
                  (len(images), a.lfs_size, len(compiled)))
        with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            if a.lfs:
                refs = dict(zip(run_names, ex.map(
                    lambda n: lua_ref(a.lua, n, os.path.join(tmp, "src", n + ".lua"),
                                      ["launcher.lua", n], [os.path.join(tmp, "launcher.lua")]),
                    run_names)))
            else:
                refs = dict(zip(run_names, ex.map(
                    lambda n: lua_ref(a.lua, n, where[n], [n + ".lua"]), run_names)))
        got = device_batches(a, run_names, where, images)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    passed = failed = 0
    for n in run_names:
        g = got.get(n, ("not run", b"", ""))
        ok = g == refs[n]
        if n in skip:
            if ok:
                print("PASS (listed in SKIP: %s) %s" % (skip[n], n))
            elif a.v:
                print("skip %s: %s" % (n, skip[n]))
            continue
        if ok:
            passed += 1
            if a.v:
                print("ok   %s" % n)
        else:
            failed += 1
            print("FAIL %s\n%s" % (n, show_diff(refs[n], g, a.diff_lines)))
    nskip = len([n for n in names if n in skip])
    print("%d passed, %d failed, %d skipped (do not fit the device; -v for the reasons)%s" % (
        passed, failed, nskip, ", from the flash store" if a.lfs else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
