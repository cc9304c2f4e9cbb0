#!/usr/bin/env python3
"""node.LFS.reload and node.restart on the LM3S6965 firmware, through ports/lm3s6965/run-qemu.

The store partition is a host file (run-qemu --flash FILE) that qemu loads into the flash at
each boot; the firmware's flash driver programs that file over semihosting (NOR rules) and a
restart ends qemu with status 97, after which run-qemu boots it again on the file as it is now.

  good      a reload of a good image: the device reboots into it (slot, generation), for 1 slot
            and for 2 (A/B); node.restart reboots running --init only
  corrupt   refused images (bit flip, truncated, garbage, built for another address, missing
            file): reload returns the reason, writes nothing, the old store still runs
  powercut  the power cut (qemu ends, status 99) at every flash operation of a reload, then a
            boot on the same file: 2 slots -> the old store runs; 1 slot -> a clean empty store
            that says why; then a reload works again
  nor       the driver refuses to write a 1 over a 0 (exit 98) and a CPU store into the
            reprogrammed store still faults (MPU)

    run_reload.py --firmware build-arm/flashlua.elf --flashluac build/flashluac [--qemu ...]
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
RUN_QEMU = os.path.join(ROOT, "ports", "lm3s6965", "run-qemu")
FAILS = []

BOOT = """local c = node.LFS.config
print("boot", node.LFS.m and node.LFS.m().v, c.slot, c.generation, c.reason)
"""
RELOAD = """print("reload", node.LFS.reload(arg[1]))
print("still", node.LFS.m and node.LFS.m().v, node.LFS.config.slot)
"""


def check(name, ok, detail=""):
    print("%s %s%s" % ("ok  " if ok else "FAIL", name,
                       "" if ok else "\n    " + str(detail).replace("\n", "\n    ")))
    if not ok:
        FAILS.append(name)


class Dev:
    def __init__(self, a, d):
        self.a, self.d = a, d

    def run(self, args, image=None, fault=None, slots=1, fresh=False):
        """run-qemu --flash part.bin [--image] --lfs-slots N --init boot.lua args ->
        (status, stdout, uart)"""
        uart = os.path.join(self.d, "uart.txt")
        if os.path.exists(uart):
            os.unlink(uart)
        if fresh and os.path.exists(os.path.join(self.d, "part.bin")):
            os.unlink(os.path.join(self.d, "part.bin"))
        env = dict(os.environ, FIRMWARE=self.a.firmware, QEMU=self.a.qemu, RUN_QEMU_UART=uart)
        env.pop("FLASHLUA_FLASH_FAULT", None)
        if fault is not None:
            env["FLASHLUA_FLASH_FAULT"] = str(fault)
        cmd = ["sh", RUN_QEMU, "--flash", "part.bin"] + (["--image", image] if image else []) + \
            ["--lfs-slots", str(slots), "--init", "boot.lua"] + list(args)
        try:
            p = subprocess.run(cmd, cwd=self.d, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            rc, out = p.returncode, p.stdout.decode("latin-1")
        except subprocess.TimeoutExpired as e:
            rc, out = "timeout", (e.stdout or b"").decode("latin-1")
        err = ""
        if os.path.exists(uart):
            with open(uart, "rb") as f:
                err = f.read().decode("latin-1").replace("\r\n", "\n")
        return rc, out, err


def image(a, d, name, version, addr, flashluac=None, number=None):
    """An image with one module m returning {v = version}, built for the partition."""
    src = os.path.join(d, "src-" + name)
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(src, "m.lua"), "w") as f:
        f.write("return { v = %r }\n" % version)
    out = os.path.join(d, name)
    subprocess.run([flashluac or a.flashluac, "-f", "-T", "le32-" + (number or a.number), "-a", addr, "-m", "112K",
                    "-o", out, "m.lua"], cwd=src, check=True)
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--firmware", required=True)
    ap.add_argument("--flashluac", required=True)
    ap.add_argument("--qemu", default="qemu-system-arm")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    a.firmware = os.path.abspath(a.firmware)
    a.flashluac = os.path.abspath(a.flashluac)
    env = {}
    with open(os.path.join(os.path.dirname(a.firmware), "firmware.env")) as f:
        for ln in f:
            k, _, v = ln.strip().partition("=")
            env[k] = v
    a.number, base = env["FL_NUMBER"], env["FL_LFS_BASE"]
    d = tempfile.mkdtemp(prefix="fl-reload-")
    dev = Dev(a, d)
    with open(os.path.join(d, "boot.lua"), "w") as f:
        f.write(BOOT)
    with open(os.path.join(d, "reload.lua"), "w") as f:
        f.write(RELOAD)
    one = image(a, d, "one.img", "one", base)
    two = image(a, d, "two.img", "two", base)
    other = "float.img" if a.number != "float" else "int.img"
    image(a, d, other, "other", base, a.flashluac + "-" + other[:-4], other[:-4])
    with open(os.path.join(d, two), "rb") as f:
        good = f.read()
    bad = bytearray(good)
    bad[len(bad) // 2] ^= 0x01
    with open(os.path.join(d, "flip.img"), "wb") as f:
        f.write(bad)
    with open(os.path.join(d, "short.img"), "wb") as f:
        f.write(good[:len(good) - 100])
    with open(os.path.join(d, "junk.img"), "wb") as f:
        f.write(b"not an image at all\n")
    with open(os.path.join(d, "magic.img"), "wb") as f:     # a header that starts right
        f.write(good[:16] + bytes(300))

    # ---- good
    for slots, after in ((1, "A\t1"), (2, "B\t1")):
        rc, out, err = dev.run(["reload.lua", two], image=one, slots=slots, fault=10**6)
        m = re.search(r"flashlua: (\d+) flash operations\n", err)
        check("reload, %d slot(s): reboots into the new image" % slots,
              rc == 0 and out == "boot\tone\tA\t0\tnil\nboot\ttwo\t%s\tnil\n" % after and m,
              (rc, out, err))
        ops = int(m.group(1)) if m else 0
        if slots == 1:
            ops1 = ops
        # no Lua code ran after the reload in the first boot; the reboot ran --init only
        rc, out, err = dev.run(["-e", "print('args ran') node.restart() print('not here')"], slots=slots)
        check("node.restart, %d slot(s): reboots, --init runs again, the command line does not" % slots,
              rc == 0 and out == "boot\ttwo\t%s\tnil\nargs ran\nboot\ttwo\t%s\tnil\n" % (after, after),
              (rc, out, err))
    # 1 slot: the image's sectors, the header, each body sector, the mark: 2 * pages + 2
    pages = (len(good) + 1023) // 1024
    check("a reload is %d flash operations (erase and write each 1 KB page, header, mark)" % (2 * pages + 2),
          ops1 == 2 * pages + 2, ops1)

    # ---- corrupt
    refused = [
        ("flip.img", "reload\timage is corrupt: its CRC-32 is 0x"),
        ("short.img", "reload\timage is truncated"),
        ("junk.img", "reload\timage is too short (20 bytes)"),
        ("magic.img", "reload\timage was built for 0-bit pointers, this flashlua uses 32-bit"),
        (other, "reload\timage was built for %s numbers, this flashlua uses %s" % (other[:-4], a.number)),
        ("missing.img", "reload\tcannot open 'missing.img'"),
    ]
    with open(os.path.join(d, one), "rb") as f:
        factory = f.read()
    factory += b"\xff" * (int(env["FL_LFS_SIZE"], 0) - len(factory))
    for name, want in refused:
        rc, out, err = dev.run(["reload.lua", name], image=one, fresh=True)
        with open(os.path.join(d, "part.bin"), "rb") as f:
            after_bytes = f.read()
        lines = out.split("\n")
        check("reload of %s is refused, the old store runs, the flash is untouched" % name,
              rc == 0 and len(lines) == 4 and lines[0] == "boot\tone\tA\t0\tnil" and
              lines[1].startswith(want) and lines[2] == "still\tone\tA" and err == "" and
              after_bytes == factory,
              (rc, out, err))

    # ---- power cuts at every operation, 2 slots then 1 slot
    for slots in (2, 1):
        bad_cuts = []
        for n in range(1, ops1 + 1):
            rc, out, err = dev.run(["reload.lua", two], image=one, slots=slots, fault=n)
            if rc != 99 or out != "boot\tone\tA\t0\tnil\n" or \
                    err != "flashlua: power cut at flash operation %d\n" % n:
                bad_cuts.append((n, "cut", rc, out, err))
                continue
            rc, out, err = dev.run(["-e", "x=1"], slots=slots)
            if slots == 2:
                ok = rc == 0 and out == "boot\tone\tA\t0\tnil\n" and err == ""
            else:
                ok = rc == 0 and re.fullmatch(
                    r"boot\tnil\tnil\tnil\t(no image installed \(the flash partition is erased\)|"
                    r"an install did not complete \(in-progress mark set\): install the image again)\n",
                    out) is not None
            if not ok:
                bad_cuts.append((n, "boot", rc, out, err))
        check("power cut at each of the %d flash operations, %d slot(s): the next boot runs %s" %
              (ops1, slots, "the old store" if slots == 2 else "a clean empty store"),
              not bad_cuts, bad_cuts[:3])
        rc, out, err = dev.run(["reload.lua", two], slots=slots)
        want = "boot\tone\tA\t0\tnil\n" if slots == 2 else None
        check("after the cut, %d slot(s): a reload works again" % slots,
              rc == 0 and (want is None or out.startswith(want)) and
              out.endswith("boot\ttwo\t%s\tnil\n" % ("B\t1" if slots == 2 else "A\t1")),
              (rc, out, err))

    # ---- NOR rules and the MPU
    rc, out, err = dev.run(["--test-hooks", "-e",
                            "print(fwtest.flashwrite(0, '\\0')) print(fwtest.flashwrite(0, '\\255'))"],
                           image=one, fresh=True)
    check("the driver refuses to write a 1 over a 0 (exit 98)",
          rc == 98 and out == "boot\tone\tA\t0\tnil\ntrue\n" and
          err == "flashlua: NOR rule violated: writing 0xff over 0x00 at flash offset 0x0\n",
          (rc, out, err))
    rc, out, err = dev.run(["reload.lua", two], image=one, fresh=True)
    rc, out, err = dev.run(["--test-hooks", "-e", "fwtest.poke(fwtest.lfs_base + 16, 0)"])
    check("a CPU store into the reprogrammed store is still a MemManage fault",
          rc == 3 and "MemManage fault: write to flash (read-only, MPU)" in err, (rc, out, err))

    if not a.keep:
        shutil.rmtree(d, ignore_errors=True)
    else:
        print("kept", d)
    print("%d failed" % len(FAILS) if FAILS else "all passed")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
