#!/usr/bin/env python3
"""node.LFS.reload, node.restart and power-cut safety of the flash store (docs/lfs.md, 6).

  - reload of a good image: the VM restarts (--init FILE, LUA_INIT, back to the REPL when the
    first run was interactive), the new modules are used, the slots alternate A/B, pcall
    cannot stop the restart; node.restart() without a new image;
  - refused images (missing file, truncated, bad CRC, wrong ABI from -T le32-int, wrong number
    type, bad offsets, a JMP patched to leave its function, too big for a slot): the exact
    message is returned to Lua, the running store keeps working, the flash file is unchanged;
  - the NOR simulator: a write that sets a bit (erase skipped) ends the run with status 98;
  - power cuts: the flash operations of a reload are counted (FLASHLUA_FLASH_OPS), then the
    reload is cut at every operation N (FLASHLUA_FLASH_FAULT=N) and the partition booted:
    with 2 slots the old store runs every time (and the new one once nothing was cut), with 1
    slot the store is the new one or cleanly empty with a reason. Also cuts of a first
    --lfs-install, and of reloads in both directions (A->B, B->A).

    run_reload.py --flashlua B --flashluac C
"""
import argparse
import concurrent.futures
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
cuts_tried = 0
OP_JMP = 22


MOD_V1 = """local M = { version = 'one' }
function M.pick(x) if x > 2 then return 'big' else return 'small' end end
return M
"""
MOD_V2 = MOD_V1.replace("'one'", "'two'")
OTHER = "return 'other module'\n"
# printed at every boot: what the store holds
SHOW = ("local c = node.LFS.config "
        "print('store', c.slot, c.generation, c.reason, node.LFS.mod and node.LFS.mod().version)")


def main():
    global cuts_tried
    ap = argparse.ArgumentParser()
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--flashluac", required=True)
    a = ap.parse_args()
    fl, flc = os.path.abspath(a.flashlua), os.path.abspath(a.flashluac)
    tmp = tempfile.mkdtemp(prefix="flashlua-reload-")
    env = dict(os.environ)
    for k in ("LUA_INIT", "LUA_PATH", "LUA_CPATH", "FLASHLUA_FLASH", "FLASHLUA_FLASH_BASE",
              "FLASHLUA_FLASH_FAULT", "FLASHLUA_FLASH_OPS", "FLASHLUA_FLASH_NOERASE"):
        env.pop(k, None)
    env["LUA_PATH"] = os.path.join(tmp, "nowhere", "?.lua")   # modules only from the store

    def run(args, extra=None, stdin=None):
        e = dict(env)
        e.update(extra or {})
        return subprocess.run(args, cwd=tmp, env=e, capture_output=True, text=True,
                              input=stdin if stdin is not None else "", timeout=120)

    def write(name, text):
        with open(os.path.join(tmp, name), "w") as f:
            f.write(text)

    def read(name):
        with open(os.path.join(tmp, name), "rb") as f:
            return f.read()

    def put(name, data):
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(data)

    try:
        os.makedirs(os.path.join(tmp, "v1"))
        os.makedirs(os.path.join(tmp, "v2"))
        write("v1/mod.lua", MOD_V1)
        write("v2/mod.lua", MOD_V2)
        write("v2/other.lua", OTHER)
        r1 = run([flc, "-f", "-s", "-o", "one.img", "v1/mod.lua"])
        r2 = run([flc, "-f", "-s", "-o", "two.img", "v2/mod.lua", "v2/other.lua"])
        ok(r1.returncode == 0 and r2.returncode == 0, "images built", r1.stderr + r2.stderr)
        one, two = read("one.img"), read("two.img")
        print("     images: %d and %d bytes" % (len(one), len(two)))
        write("init.lua", SHOW + "\n")

        # ---- reload of a good image, restart, --init
        r = run([fl, "--flash", "t.flash", "--lfs-install", "one.img"])
        ok(r.returncode == 0 and "slot A" in r.stdout, "install into slot A", r.stdout + r.stderr)
        base_flash = read("t.flash")
        r = run([fl, "--flash", "t.flash", "--init", "init.lua", "-e",
                 "print(node.LFS.reload('two.img')) print('not reached')"])
        ok(r.returncode == 0 and r.stdout == "store\tA\t1\tnil\tone\nstore\tB\t2\tnil\ttwo\n"
           and r.stderr == "", "reload: restart, --init runs again, new module, exit 0",
           "rc=%d %r %r" % (r.returncode, r.stdout, r.stderr))
        r = run([fl, "--flash", "t.flash", "-e",
                 "print(require('mod').version, require('other'), node.LFS.config.slots,"
                 " node.LFS.config.slotsize, node.LFS.config.slotbase - node.LFS.config.base)"])
        ok(r.stdout == "two\tother module\t2\t131072\t131072\n", "the new store at the next boot, slot B",
           r.stdout + r.stderr)
        # the installed slot decodes (docs/image-format.md): GEN 2, CRCPI still that of two.img
        try:
            img = decode.Image(read("t.flash")[131072:])
            img.walk()
            pi = decode.Image(two)   # tells which compiled-in string each address is
            pi.walk()
            ok(img.h["gen"] == 2 and img.h["base"] == 0x60000000 + 131072 and img.crcpi_check(pi) and
               img.h["crcpi"] == struct.unpack_from("<I", two, 20)[0], "slot B decodes: GEN 2, CRCPI")
        except decode.Bad as e:
            ok(False, "slot B decodes", str(e))
        r = run([fl, "--flash", "t.flash", "-e", "print(pcall(node.LFS.reload, 'one.img')) print('no')"],
                extra={"LUA_INIT": SHOW})
        ok(r.returncode == 0 and r.stdout == "store\tB\t2\tnil\ttwo\nstore\tA\t3\tnil\tone\n",
           "pcall cannot stop the restart; LUA_INIT as the start-up code", r.stdout + r.stderr)
        r = run([fl, "--flash", "t.flash", "--init", "init.lua", "-e",
                 "local co = coroutine.wrap(function() node.restart() end) print(pcall(co)) print('no')"])
        ok(r.returncode == 0 and r.stdout == "store\tA\t3\tnil\tone\n" * 2,
           "node.restart() from a coroutine: same store, init again", r.stdout + r.stderr)
        # the coroutine that resumed the restarting one runs no more Lua code either (the hook
        # was only on the running thread and the main one: 'middle' went on printing)
        write("nested.lua", "local middle = coroutine.wrap(function()\n"
              "  local inner = coroutine.create(function() node.restart() end)\n"
              "  print('middle', coroutine.resume(inner))\n  print('middle goes on')\n"
              "end)\nmiddle()\nprint('main goes on')\n")
        r = run([fl, "--flash", "t.flash", "--init", "init.lua", "nested.lua"])
        ok(r.returncode == 0 and r.stdout == "store\tA\t3\tnil\tone\n" * 2 and r.stderr == "",
           "node.restart() two coroutines deep: no Lua code runs after it", r.stdout + r.stderr)
        r = run([fl, "-i", "--flash", "t.flash", "--init", "init.lua"],
                stdin="x = 1\nnode.LFS.reload('two.img')\nprint(x, require('mod').version)\n")
        # (line editing may echo the input lines: only the output lines are compared)
        lines = [l for l in r.stdout.replace("> ", "").splitlines() if l.startswith(("store", "nil"))]
        ok(r.returncode == 0 and lines == ["store\tA\t3\tnil\tone", "store\tB\t4\tnil\ttwo", "nil\ttwo"],
           "from the REPL: fresh state, back to the REPL", repr(r.stdout) + r.stderr)
        write("init2.lua", SHOW + "\nif node.LFS.config.generation == 5 then error('second boot fails') end\n")
        r = run([fl, "--flash", "t.flash", "--init", "init2.lua", "-e", "node.LFS.reload('one.img')"])
        ok(r.returncode == 1 and r.stdout == "store\tB\t4\tnil\ttwo\nstore\tA\t5\tnil\tone\n" and
           r.stderr.startswith("%s: init2.lua:2: second boot fails\n" % fl),
           "init failing after the restart: lua5.1's report, status 1", r.stdout + r.stderr)

        # ---- refused images: exact message, the store keeps working, flash unchanged
        put("t.flash", base_flash)
        hdr = decode.Image(two)
        hdr.walk()
        lo = hdr.lo
        hostptr = two[24]
        numtype = {0: "double", 1: "float", 2: "32-bit int"}[two[26]]
        first = hdr.h["protos"]
        code_field = first + lo.p["code"]

        def patched(fn, fix=True):
            b = bytearray(two)
            fn(b)
            return bytes(fixcrc(b, pi=True) if fix else b)

        def jump_out(b):   # the first JMP of the image jumps 1000 instructions forward
            for i in range(hdr.h["nprotos"]):
                o = hdr.h["protos"] + i * lo.p_size
                code, n = hdr.ptr(o + lo.p["code"]), hdr.un(o + lo.p["sizecode"], 4)
                for j in range(n):
                    ins = struct.unpack_from("<I", b, code + 4 * j)[0]
                    if ins & 63 == OP_JMP:
                        struct.pack_into("<I", b, code + 4 * j, OP_JMP | ((131071 + 1000) << 14))
                        return
            raise RuntimeError("no JMP in the image")

        bad_crc = bytearray(two)
        bad_crc[300] ^= 0x10
        r = run([flc, "-f", "-T", "le32-int", "-o", "int.img", "v2/mod.lua"])
        ok(r.returncode == 0, "le32-int image built (flashluac-int)", r.stderr)
        hint = "rebuild it with flashluac -f -T host"
        other_num = "float" if numtype != "float" else "double"
        cases = [
            ("missing file", None, "cannot read 'missing.img': No such file or directory"),
            ("truncated", two[:len(two) // 2],
             "image is truncated or larger than the partition (%d bytes, %d available)" % (len(two), len(two) // 2)),
            ("bad CRC", bytes(bad_crc), "image is corrupt: its CRC-32 is 0x%08x, the header says 0x%08x"
             % (crc(bad_crc), struct.unpack_from("<I", two, 16)[0])),
            ("wrong ABI", read("int.img") if r.returncode == 0 else b"",
             "image was built for 32-bit pointers, this flashlua uses %d-bit: %s" % (hostptr * 8, hint)
             if hostptr == 8 else "image was built for 32-bit int numbers, this flashlua uses %s: %s" % (numtype, hint)),
            ("wrong number type", patched(lambda b: (b.__setitem__(26, 1 if numtype != "float" else 0),
                                                     b.__setitem__(27, 4 if numtype != "float" else 8)), False),
             "image was built for %s numbers, this flashlua uses %s: %s" % (other_num, numtype, hint)),
            ("bad index offset", patched(lambda b: struct.pack_into("<I", b, 80, len(two) + 8)),
             "corrupt image: bad proto offset (at offset 0x58)"),
            ("bad ROstrt offset", patched(lambda b: struct.pack_into("<I", b, 72, 3)),
             "corrupt image: bad ROstrt offset (at offset 0x48)"),
            ("code pointer out of the image", patched(lambda b: struct.pack_into(
                "<Q" if hostptr == 8 else "<I", b, code_field, len(two) + 64)),
             "corrupt image: bad code vector (at offset 0x%x)" % code_field),
            ("JMP out of its function", patched(jump_out), "corrupt image: bad code in module 'mod'"),
        ]
        prog = ("print(node.LFS.reload(...)) print(require('mod').version, require('mod').pick(3), "
                "node.LFS.config.slot, node.LFS.config.generation)")
        write("refuse.lua", prog + "\n")
        for name, img, want in cases:
            path = "missing.img" if img is None else "bad.img"
            if img is not None:
                put(path, img)
            r = run([fl, "--flash", "t.flash", "refuse.lua", path])
            ok(r.returncode == 0 and r.stdout == want + "\none\tbig\tA\t1\n" and r.stderr == "",
               "refused: %s" % name, "rc=%d %r %r" % (r.returncode, r.stdout, r.stderr))
            ok(read("t.flash") == base_flash, "  ... flash untouched")
        # too big for a slot: a 32 KB partition holds two 16 KB slots
        write("big.lua", "return {" + ",".join("'s%05d'" % i for i in range(400)) + "}\n")
        run([flc, "-f", "-s", "-o", "big.img", "big.lua"])
        bigsize = len(read("big.img"))
        ok(16384 < bigsize <= 32768, "an image between 16 and 32 KB (%d bytes)" % bigsize)
        r = run([fl, "--flash", "s.flash", "--flash-size", "32K", "--lfs-install", "one.img",
                 "-e", "print(node.LFS.reload('big.img')) print(require('mod').version)"])
        ok(r.stdout == "image is %d bytes, a flash slot only 16384 (the partition of 32768 bytes holds 2 "
           "slots)\none\n" % bigsize, "refused: too big for a slot", r.stdout + r.stderr)
        r = run([fl, "--flash", "s1.flash", "--flash-size", "32K", "--flash-slots", "1", "--lfs-install",
                 "one.img", "-e", "print(node.LFS.config.slots) node.LFS.reload('big.img')"],
                extra={"LUA_INIT": "print(#node.LFS.list(), node.LFS.config.generation)"})
        ok(r.stdout == "1\t1\n1\n1\t2\n", "1 slot: the same image fits the whole partition", r.stdout + r.stderr)

        # an erased partition: reload installs generation 1 into slot A
        put("e.flash", b"\xff" * 65536)
        r = run([fl, "--flash", "e.flash", "--init", "init.lua", "-e", "node.LFS.reload('two.img')"])
        ok(r.stdout == "store\tnil\tnil\tno image installed (the flash partition is erased)\tnil\n"
           "store\tA\t1\tnil\ttwo\n" and r.stderr == "", "reload into an erased partition", r.stdout + r.stderr)
        # boot with a damaged slot: the other one runs; none left: each slot's reason
        b = bytearray(read("e.flash"))
        b[300] ^= 1
        put("e.flash", bytes(b))
        r = run([fl, "--flash", "e.flash", "-e", SHOW])
        ok(r.stdout.startswith("store\tnil\tnil\tslot A: image is corrupt: its CRC-32 is 0x") and
           "flashlua: flash store 'e.flash' not used: slot A: image is corrupt" in r.stderr,
           "a damaged slot A alone: empty store, the reason names the slot", r.stdout + r.stderr)
        r = run([fl, "--flash", "e.flash", "--init", "init.lua", "-e", "node.LFS.reload('one.img')"])
        ok(r.stdout.endswith("store\tA\t1\tnil\tone\n"), "  ... no slot runs: reload writes slot A",
           r.stdout + r.stderr)
        r = run([fl, "--flash", "e.flash", "--init", "init.lua", "-e", "node.LFS.reload('two.img')"])
        ok(r.stdout == "store\tA\t1\tnil\tone\nstore\tB\t2\tnil\ttwo\n", "  ... then slot B",
           r.stdout + r.stderr)
        b = bytearray(read("e.flash"))
        b[300] ^= 1
        b[32768 + 300] ^= 1
        put("e.flash", bytes(b))
        r = run([fl, "--flash", "e.flash", "-e", SHOW])
        ok(r.stdout.startswith("store\tnil\tnil\tslot B: image is corrupt") and "; slot A: image is corrupt"
           in r.stdout, "both slots damaged: both reasons, newest first", r.stdout + r.stderr)

        # generations compare modulo 2^32: A at 0xFFFFFFFF, a reload writes B with 0, which wins
        # (compared as plain numbers, A won again and the reload was silently lost)
        def with_gen(flash, off, gen):
            b = bytearray(flash)
            s = bytearray(b[off:off + 131072])
            struct.pack_into("<I", s, 108, gen)
            struct.pack_into("<I", s, 16, crc(s))   # CRC only: CRCPI stays that of the image
            b[off:off + 131072] = s
            return bytes(b)
        put("g.flash", with_gen(base_flash, 0, 0xFFFFFFFF))
        r = run([fl, "--flash", "g.flash", "--init", "init.lua", "-e", "node.LFS.reload('two.img')"])
        ok(r.stdout.startswith("store\tA\t") and r.stdout.endswith("\tnil\tone\nstore\tB\t0\tnil\ttwo\n")
           and r.stderr == "", "generation wrap: 0xFFFFFFFF -> 0, the new slot B runs", r.stdout + r.stderr)
        r = run([fl, "--flash", "g.flash", "--init", "init.lua", "-e", "node.LFS.reload('one.img')"])
        ok(r.stdout == "store\tB\t0\tnil\ttwo\nstore\tA\t1\tnil\tone\n", "  ... and at the next boot, then A with 1",
           r.stdout + r.stderr)
        # equal generations (only a copied or doctored partition has them): slot A runs
        put("g.flash", with_gen(with_gen(read("g.flash"), 0, 7), 131072, 7))   # A: one, B: two
        r = run([fl, "--flash", "g.flash", "--init", "init.lua", "-e", "node.LFS.reload('two.img')"])
        ok(r.stdout == "store\tA\t7\tnil\tone\nstore\tB\t8\tnil\ttwo\n", "equal generations: slot A runs",
           r.stdout + r.stderr)
        # a directory is not an image (ftell said LONG_MAX: 'Cannot allocate memory')
        r = run([fl, "--flash", "t.flash", "-e", "print(node.LFS.reload('.'))"])
        ok(r.stdout == "cannot read '.': Is a directory\n", "refused: a directory", r.stdout + r.stderr)
        # an odd number of sectors (2k+1 of 1 KB, k the sectors of the larger image): two slots
        # of k KB, the last sector never written
        odd = ["--flash-sector", "1024"]
        k = max(2, (max(len(one), len(two)) + 1023) // 1024)   # a partition has 4 KB at least
        if os.path.exists(os.path.join(tmp, "o.flash")):
            os.remove(os.path.join(tmp, "o.flash"))
        run([fl, "--flash", "o.flash", "--flash-size", str((2 * k + 1) * 1024)] + odd +
            ["--lfs-install", "one.img"])
        r = run([fl, "--flash", "o.flash"] + odd + ["--init", "init.lua", "-e", "node.LFS.reload('two.img')"])
        b = read("o.flash")
        ok(r.stdout == "store\tA\t1\tnil\tone\nstore\tB\t2\tnil\ttwo\n" and len(b) == (2 * k + 1) * 1024 and
           b[k * 1024:k * 1024 + 8] == two[:8] and b[2 * k * 1024:] == b"\xff" * 1024,
           "%d sectors: slot B at %d KB, sector %d untouched" % (2 * k + 1, k, 2 * k + 1), r.stdout + r.stderr)

        # ---- NOR rules: a write over unerased flash is a hard error
        put("t.flash", base_flash)
        r = run([fl, "--flash", "t.flash", "--flash-slots", "1", "-e", "node.LFS.reload('two.img')"],
                extra={"FLASHLUA_FLASH_NOERASE": "1"})
        ok(r.returncode == 98 and "flashlua: NOR rule violated: writing 0x" in r.stderr,
           "NOR violation ends the run (status 98)", "rc=%d %s" % (r.returncode, r.stderr))

        # ---- power cuts at every flash operation
        def count_ops(flash, opts, args):
            r = run([fl, "--flash", flash] + opts + args, extra={"FLASHLUA_FLASH_OPS": "1"})
            n = [int(l.split()[1]) for l in r.stderr.splitlines() if l.endswith(" flash operations")]
            return n[-1] if n else 0

        def cut_run(job):
            n, start, opts, args = job
            name = "cut%d-%s.flash" % (n, "-".join(o.strip("-") for o in opts) or "x")
            if start is None:
                if os.path.exists(os.path.join(tmp, name)):
                    os.remove(os.path.join(tmp, name))
            else:
                put(name, start)
            r = run([fl, "--flash", name] + opts + args, extra={"FLASHLUA_FLASH_FAULT": str(n)})
            b = run([fl, "--flash", name] + opts + ["-e", SHOW])
            os.remove(os.path.join(tmp, name))
            return n, r, b

        def sequence(title, start, opts, args, expect_cut, expect_done):
            """every N from 1 to the total, then total+1 (nothing cut)"""
            global cuts_tried
            if start is not None:
                put("count.flash", start)
            elif os.path.exists(os.path.join(tmp, "count.flash")):
                os.remove(os.path.join(tmp, "count.flash"))
            total = count_ops("count.flash", opts, args)
            ok(total > 2, "%s: %d flash operations" % (title, total))
            jobs = [(n, start, opts, args) for n in range(1, total + 2)]
            bad = []
            with concurrent.futures.ThreadPoolExecutor(4) as ex:
                for n, r, b in ex.map(cut_run, jobs):
                    if n <= total:
                        cut_ok = (r.returncode == 99 and
                                  r.stderr.endswith("flashlua: power cut at flash operation %d\n" % n))
                        boot_ok = b.returncode == 0 and expect_cut(b.stdout, b.stderr)
                    else:
                        cut_ok, boot_ok = r.returncode == 0, expect_done(b.stdout)
                    if not (cut_ok and boot_ok):
                        bad.append("N=%d: cut rc=%d %r; boot rc=%d %r %r" % (
                            n, r.returncode, r.stderr[-200:], b.returncode, b.stdout, b.stderr))
            cuts_tried += total
            ok(not bad, "%s: cut at each of the %d operations, then booted" % (title, total),
               "\n     ".join(bad[:5]))

        put("t.flash", base_flash)
        ab = ["--flash-sector", "512"]
        reload_two = ["-e", "node.LFS.reload('two.img')"]
        # A/B, A runs (generation 1), B is written: the old store every time
        sequence("A/B, A->B", base_flash, ab, reload_two,
                 lambda out, err: out == "store\tA\t1\tnil\tone\n" and err == "",
                 lambda out: out == "store\tB\t2\tnil\ttwo\n")
        # B runs (generation 2, A holds an older image): A is written
        r = run([fl, "--flash", "t.flash"] + ab + reload_two)
        ab_b = read("t.flash")
        ab1k = ["--flash-sector", "1024"]   # (fewer cut points: the test stays fast under ASan)
        sequence("A/B, B->A, 1 KB sectors", ab_b, ab1k, ["-e", "node.LFS.reload('one.img')"],
                 lambda out, err: out == "store\tB\t2\tnil\ttwo\n" and err == "",
                 lambda out: out == "store\tA\t3\tnil\tone\n")
        # the default 4 KB sectors
        sequence("A/B, 4 KB sectors", base_flash, [], reload_two,
                 lambda out, err: out == "store\tA\t1\tnil\tone\n" and err == "",
                 lambda out: out == "store\tB\t2\tnil\ttwo\n")
        # 1 slot: new, or empty with a reason (never the half-written image)
        reasons = ("no image installed (the flash partition is erased)",
                   "an install did not complete (in-progress mark set): install the image again")
        put("t1.flash", b"")
        r = run([fl, "--flash", "t1.flash", "--flash-slots", "1", "--flash-sector", "512",
                 "--lfs-install", "one.img"])
        one_slot = read("t1.flash")

        def empty_with_reason(out, err):
            return any(out == "store\tnil\tnil\t%s\tnil\n" % w for w in reasons) and \
                ("erased" in out or "not used: an install did not complete" in err)
        sequence("1 slot", one_slot, ["--flash-slots", "1", "--flash-sector", "512"], reload_two,
                 empty_with_reason, lambda out: out == "store\tA\t2\tnil\ttwo\n")
        # a first install into a new partition: A/B and 1 slot
        sequence("first --lfs-install, A/B", None, ab1k, ["--lfs-install", "one.img"],
                 lambda out, err: out == "store\tnil\tnil\t%s\tnil\n" % reasons[0] or
                 out.startswith("store\tnil\tnil\tslot A: ") and "not used: slot A: " in err,
                 lambda out: out == "store\tA\t1\tnil\tone\n")
        print("     cut points tried: %d" % cuts_tried)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failures" % ok.failures)
    return 1 if ok.failures else 0


if __name__ == "__main__":
    sys.exit(main())
