#!/usr/bin/env python3
"""Command-line tests of the flash store: flashluac -f and flashlua --flash / --lfs-install.

  - install and run (--flash, FLASHLUA_FLASH, the default ./flashlua.flash, a script after
    --lfs-install), node.LFS from the command line, RAM at start with and without a store;
  - mismatch: each wrong header field (and a corrupt body, bad bytecode, a wrong base, an
    interrupted install) gives its own message, at install time and at boot (flash patched);
    flashlua then runs with an empty store and node.LFS.config.reason says why;
  - flash address unavailable, partition too small;
  - flashluac -f inputs and options: .lc from luac5.1 (same ABI: included; other number type or
    ABI: refused with a message), corrupt .lc, -m limit, unknown target, duplicate module.

    run_cli.py --flashlua B --flashluac C [--luac luac5.1]
"""
import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import decode  # noqa: E402
from lfscheck import Checks, crc, fixcrc  # noqa: E402

ok = Checks()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--flashluac", required=True)
    ap.add_argument("--luac", default="")
    a = ap.parse_args()
    fl, flc = os.path.abspath(a.flashlua), os.path.abspath(a.flashluac)
    tmp = tempfile.mkdtemp(prefix="flashlua-lfscli-")
    env = dict(os.environ)
    for k in ("LUA_INIT", "LUA_PATH", "LUA_CPATH", "FLASHLUA_FLASH", "FLASHLUA_FLASH_BASE"):
        env.pop(k, None)

    def run(cmd, **kw):
        e = dict(env, **kw.pop("env", {}))
        return subprocess.run(cmd, cwd=tmp, env=e, capture_output=True, text=True,
                              errors="replace", timeout=60, **kw)

    def write(name, text):
        with open(os.path.join(tmp, name), "w") as f:
            f.write(text)

    try:
        write("climod.lua", "local M = {}\nM.greeting = 'cli_hello_constant'\n"
              "function M.add(a, b) return a + b end\n"
              "function M.boom() error('cli boom') end\nreturn M\n")
        write("cliother.lua", "return 'cli other ' .. tostring(...)\n")
        r = run([flc, "-f", "-o", "good.img", "climod.lua", "cliother.lua"])
        ok(r.returncode == 0, "flashluac -f builds an image", r.stderr)
        good = open(os.path.join(tmp, "good.img"), "rb").read()

        # ---- install and run
        r = run([fl, "--flash", "t.flash", "--lfs-install", "good.img"])
        ok(r.returncode == 0 and "installed good.img" in r.stdout, "--lfs-install", r.stdout + r.stderr)
        ok(os.path.getsize(os.path.join(tmp, "t.flash")) == 256 * 1024, "default partition 256 KB")
        prog = ("local m = require 'climod' print(m.greeting, m.add(2, 3), require 'cliother', "
                "#node.LFS.list(), node.LFS.config.used > 0, node.LFS.config.reason, "
                "package.loaders[2] ~= nil)")
        r = run([fl, "--flash", "t.flash", "-e", prog])
        ok(r.stdout == "cli_hello_constant\t5\tcli other cliother\t2\ttrue\tnil\ttrue\n",
           "require from the store", r.stdout + r.stderr)
        r = run([fl, "--flash=t.flash", "-e", "print(pcall(require('climod').boom))"])
        ok(r.stdout == "false\tclimod.lua:4: cli boom\n", "error message with flash source", r.stdout + r.stderr)
        r = run([fl, "-e", prog], env={"FLASHLUA_FLASH": "t.flash"})
        ok(r.stdout.startswith("cli_hello_constant"), "FLASHLUA_FLASH", r.stdout + r.stderr)
        shutil.copy(os.path.join(tmp, "t.flash"), os.path.join(tmp, "flashlua.flash"))
        r = run([fl, "-e", "print(#node.LFS.list())"])
        ok(r.stdout == "2\n", "default ./flashlua.flash", r.stdout + r.stderr)
        os.remove(os.path.join(tmp, "flashlua.flash"))
        r = run([fl, "-e", "print(node.LFS.config.reason, #package.loaders)"])
        ok(r.returncode == 0 and "no flash file" in r.stdout and r.stdout.endswith("\t4\n")
           and r.stderr == "", "no flash file: quiet, empty store, 4 loaders", r.stdout + r.stderr)
        r = run([fl, "--flash", "t2.flash", "--flash-size", "64K", "--lfs-install", "good.img",
                 "-e", "print(node.LFS.config.size, require('climod').add(1, 1))"])
        ok(r.stdout == "65536\t2\n", "install then run, --flash-size", r.stdout + r.stderr)
        for addr in ("0x60000000", "0x12340000"):   # absolute images: for this base, and another
            r = run([flc, "-f", "-a", addr, "-o", "abs.img", "climod.lua"])
            r2 = run([fl, "--flash", "a.flash", "--lfs-install", "abs.img", "-e",
                      "print(require('climod').add(1, 2), node.LFS.config.base == 0x60000000)"])
            ok(r.returncode == 0 and r2.stdout == "3\ttrue\n", "absolute image -a %s installs" % addr,
               r.stderr + r2.stdout + r2.stderr)
        # RAM at start: the runtime's strings are in flash
        cnt = "collectgarbage() print(collectgarbage('count'))"
        without = float(run([fl, "-e", cnt]).stdout)
        withs = float(run([fl, "--flash", "t.flash", "-e", cnt]).stdout)
        print("     collectgarbage('count') at start: %.1f KB without a store, %.1f KB with" % (without, withs))
        # FL_ROM builds (fixed strings in the firmware) have nothing left in RAM to save
        rom = run([fl, "-e", "print(#debug.getstrings('ROM'))"]).stdout.strip() != "0"
        ok(withs <= without + 0.05 if rom else withs < without - 4, "a store saves RAM at start")
        r = run([fl, "--flash", "t.flash", "-e",
                 "local s = debug.getstrings('RAM') for _, x in ipairs(s) do "
                 "if x == 'cli_hello_constant' or x == 'print' then print('RAM copy', x) end end "
                 "local m = require 'climod' local b = 'cli_hello_' .. 'constant' "
                 "for _, x in ipairs(debug.getstrings('RAM')) do if x == b then print('RAM copy', x) end end "
                 "print('done')"])
        ok(r.stdout == "done\n", "no RAM copy of flash strings", r.stdout + r.stderr)
        # the store is PROT_READ: collections with flash objects everywhere, no write
        r = run([fl, "--flash", "t.flash", "-e",
                 "local m = require 'climod' local w = setmetatable({}, {__mode='kv'}) "
                 "for i = 1, 2000 do w[m.greeting .. i] = m.add w[i] = m.greeting w[m.add] = {} "
                 "if i % 100 == 0 then collectgarbage() end end collectgarbage() print(w[1])"])
        ok(r.returncode == 0 and r.stdout == "cli_hello_constant\n", "GC over a PROT_READ store",
           "rc=%s %s" % (r.returncode, r.stdout + r.stderr))

        # ---- mismatch messages: install time
        lay = decode.Image(good)
        lay.walk()
        code_off = lay.ptr(lay.h["protos"] + lay.lo.p["code"])   # first proto's code
        str_off = lay.h["strings"]

        def patched(fn, fix=True):
            b = bytearray(good)
            fn(b)
            return fixcrc(b) if fix else b

        def put32(off, v):
            return lambda b: struct.pack_into("<I", b, off, v)

        cases = [
            ("magic", patched(lambda b: b.__setitem__(0, 0x1c), False), "bad magic"),
            ("version", patched(put32(8, 4), False), "image format version 4"),
            ("pointer size", patched(lambda b: b.__setitem__(24, 4), False), "built for 32-bit pointers"),
            ("byte order", patched(lambda b: b.__setitem__(25, 1), False), "big-endian target"),
            ("number type", patched(lambda b: b.__setitem__(26, 2) or b.__setitem__(27, 4), False),
             "image was built for 32-bit int numbers, this flashlua uses double: rebuild it with flashluac -f -T host"),
            ("size_t", patched(lambda b: b.__setitem__(29, 4), False), "another struct layout"),
            ("build id", patched(lambda b: b.__setitem__(32, b[32] ^ 1), False), "incompatible flashluac"),
            ("flags", patched(put32(56, 6), False), "unknown flags"),
            ("seed", patched(put32(36, 7), False), "hash seed 7"),
            ("size", patched(put32(48, len(good) + 4096), False), "truncated"),
            ("in progress", patched(put32(12, 0xFFFFFFFF), False), "did not complete"),
            ("CRC", patched(lambda b: b.__setitem__(200, b[200] ^ 0x40), False), "CRC-32"),
            ("string tag", patched(lambda b: b.__setitem__(str_off + lay.lo.str["tt"], 5)), "bad string tag"),
            ("bytecode", patched(lambda b: struct.pack_into("<I", b, code_off, 63)), "bad code in module"),
        ]
        if lay.h["fixid"]:   # the image refers to the runtime's compiled-in strings (FL_ROM)
            fixoffs = [o for o in lay.sfields if lay.fixref(o) is not None]   # error, tostring
            cases += [
                ("compiled-in strings", patched(put32(112, lay.h["fixid"] ^ 1)),
                 "image refers to another runtime's compiled-in strings (id 0x%08x" % (lay.h["fixid"] ^ 1)),
                ("fixed-string fields", patched(put32(120, 1)), "bad fixed-string fields"),
                ("fixed reference", patched(put32(fixoffs[0], lay.size + lay.h["nfix"])),
                 "corrupt image: bad string constant"),
            ]
        msgs = set()
        for name, img, want in cases:
            p = os.path.join(tmp, "bad.img")
            with open(p, "wb") as f:
                f.write(img)
            r = run([fl, "--flash", "m.flash", "--lfs-install", "bad.img"])
            msg = r.stderr.strip()
            ok(r.returncode != 0 and want in msg, "install refuses: %s" % name, msg)
            msgs.add(msg)
        ok(len(msgs) == len(cases), "each wrong field has its own message")
        # a refused install writes nothing: the flash file is not even created
        ok(not os.path.exists(os.path.join(tmp, "m.flash")) or
           open(os.path.join(tmp, "m.flash"), "rb").read(8) != b"\x1bFLLFS\r\n",
           "nothing written by a refused install")
        for t in ("le32-double",):
            r = run([flc, "-f", "-T", t, "-o", "le32.img", "climod.lua"])
            r2 = run([fl, "--flash", "m.flash", "--lfs-install", "le32.img"])
            ok(r.returncode == 0 and "32-bit pointers" in r2.stderr, "install refuses a %s image" % t, r2.stderr)

        # ---- mismatch at boot: the installed flash patched in place
        flash = os.path.join(tmp, "t.flash")
        orig = open(flash, "rb").read()
        boot = [
            ("number type", lambda b: b.__setitem__(26, 1), False, "built for float numbers"),
            ("in progress", lambda b: struct.pack_into("<I", b, 12, 0xFFFFFFFF), False, "did not complete"),
            ("CRC", lambda b: b.__setitem__(300, b[300] ^ 1), False, "CRC-32"),
            ("base", lambda b: struct.pack_into("<Q", b, 40, struct.unpack_from("<Q", b, 40)[0] + 4096), True,
             "relocated for address"),
            ("position independent", lambda b: (struct.pack_into("<Q", b, 40, 0), struct.pack_into("<I", b, 56, 0)),
             True, "position independent"),
        ]
        if lay.h["fixid"]:   # installed: the addresses of the compiled-in strings, checked
            boot.append(("compiled-in strings moved",
                         lambda b: struct.pack_into("<I", b, 120, struct.unpack_from("<I", b, 120)[0] ^ 1),
                         True, "image was installed by another build of flashlua (its compiled-in "
                               "strings are elsewhere): install it again"))
        for name, fn, fix, want in boot:
            b = bytearray(orig)
            fn(b)
            if fix:
                fixcrc(b)
            with open(flash, "wb") as f:
                f.write(b)
            r = run([fl, "--flash", "t.flash", "-e", "print(node.LFS.config.reason) print(#package.loaders, node.LFS.climod)"])
            ok(r.returncode == 0 and want in r.stdout and "not used" in r.stderr and
               r.stdout.endswith("4\tnil\n"), "boot refuses: %s" % name, r.stdout + r.stderr)
        b = bytearray(orig)
        b[:8] = b"\xff" * 8
        with open(flash, "wb") as f:
            f.write(b)
        r = run([fl, "--flash", "t.flash", "-e", "print(node.LFS.config.reason)"])
        ok("erased" in r.stdout and r.stderr == "", "erased partition: quiet", r.stdout + r.stderr)
        with open(flash, "wb") as f:
            f.write(orig)
        r = run([fl, "--flash", "t.flash", "-e", "print(node.LFS.config.reason)"],
                env={"FLASHLUA_FLASH_BASE": "0xfffffffffffff000"})
        ok("not available" in r.stdout and "not available" in r.stderr, "flash address unavailable",
           r.stdout + r.stderr)
        # (an image over 4K whatever the build: a long string constant)
        write("clibig.lua", "return '" + "b" * 6000 + "'\n")
        run([flc, "-f", "-o", "big.img", "clibig.lua"])
        r = run([fl, "--flash", "small.flash", "--flash-size", "4K", "--lfs-install", "big.img"])
        ok(r.returncode != 0 and "partition only 4096" in r.stderr, "image larger than the partition", r.stderr)

        # ---- flashluac -f inputs and options
        r = run([flc, "-f", "-T", "nowhere", "climod.lua"])
        ok(r.returncode != 0 and "unknown target 'nowhere'" in r.stderr, "unknown target", r.stderr)
        r = run([flc, "-f", "-m", "1K", "-o", "x.img", "climod.lua"])
        ok(r.returncode != 0 and "more than the -m limit of 1024" in r.stderr, "-m limit", r.stderr)
        os.makedirs(os.path.join(tmp, "sub"), exist_ok=True)
        shutil.copy(os.path.join(tmp, "climod.lua"), os.path.join(tmp, "sub", "climod.lua"))
        r = run([flc, "-f", "-o", "x.img", "climod.lua", "sub/climod.lua"])
        ok(r.returncode != 0 and "given twice" in r.stderr, "duplicate module name", r.stderr)
        r = run([flc, "-f"])
        ok(r.returncode != 0 and "no input files" in r.stderr, "no input files", r.stderr)
        r = run([flc, "-f", "-v", "-o", "v.img", "climod.lua"])
        ok(r.returncode == 0 and "luac5.1 -s" in r.stdout and "strings" in r.stdout, "-v summary", r.stdout)
        if a.luac:
            r = run([a.luac, "-o", "lcmod.lc", "climod.lua"])
            r = run([flc, "-f", "-o", "lc.img", "lcmod.lc"])
            r2 = run([fl, "--flash", "lc.flash", "--lfs-install", "lc.img", "-e",
                      "print(require('lcmod').add(20, 22), require('lcmod').greeting)"])
            ok(r.returncode == 0 and r2.stdout == "42\tcli_hello_constant\n", ".lc from luac5.1 included",
               r.stderr + r2.stdout + r2.stderr)
            lc = bytearray(open(os.path.join(tmp, "lcmod.lc"), "rb").read())
            bad = bytearray(lc)
            bad[6] = 0   # big-endian
            with open(os.path.join(tmp, "be.lc"), "wb") as f:
                f.write(bad)
            r = run([flc, "-f", "-o", "x.img", "be.lc"])
            ok(r.returncode != 0 and "another ABI" in r.stderr, ".lc of another ABI refused", r.stderr)
            bad = bytearray(lc[:40])
            with open(os.path.join(tmp, "cut.lc"), "wb") as f:
                f.write(bad)
            r = run([flc, "-f", "-o", "x.img", "cut.lc"])
            ok(r.returncode == 1 and "precompiled chunk" in r.stderr, "truncated .lc refused", r.stderr)
            if os.path.exists(os.path.join(os.path.dirname(flc), "flashluac-int")):
                r = run([flc, "-f", "-T", "le32-int", "-o", "x.img", "lcmod.lc"])
                ok(r.returncode != 0 and "numbers" in r.stderr and ".lua source" in r.stderr,
                   ".lc with double numbers refused for le32-int", r.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("all ok" if ok.failures == 0 else "%d failures" % ok.failures)
    return 1 if ok.failures else 0


if __name__ == "__main__":
    sys.exit(main())
