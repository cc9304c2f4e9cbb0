#!/usr/bin/env python3
"""Splits a firmware's size by part, from the GNU ld map file (only what was linked in).

    size_split.py flashlua.map

Parts: core (src/core), libs (src/lib), lfs (src/lfs), port (ports/lm3s6965), libc-port (the
port's replacements of C library functions, libc_min.c), libc (picolibc + libm), libgcc.
Columns: text (code + constants in flash), data (initialised RAM, also stored in flash),
bss (zeroed RAM). The stack and the heap are not counted (see the linker script).
"""
import re
import sys

FLASH_END = 0x40000
RAM = (0x20000000, 0x20010000)


def part(origin):
    o = origin.replace("\\", "/")
    if "libfl_core.a" in o:
        return "core"
    if "libfl_libs.a" in o:
        return "libs"
    if "libfl_lfs.a" in o:
        return "lfs"
    if "libc_min.c" in o:
        return "libc-port"      # the port's smaller replacements of C library pieces
    if "flashlua.elf.dir" in o:
        return "port"
    if "libgcc.a" in o:
        return "libgcc"
    if re.search(r"lib(c|m|semihost|g|nosys|rdimon\w*|c_nano|g_nano)\.a|crt|libc", o):
        return "libc"
    return "other"


def main():
    text = open(sys.argv[1], encoding="latin-1").read()
    start = text.find("Linker script and memory map")
    lines = text[start:].splitlines()
    sizes = {}
    pending = None
    rx_full = re.compile(r"^ (\.\S+|COMMON)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
    rx_cont = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
    rx_name = re.compile(r"^ (\.\S+|COMMON)\s*$")
    for ln in lines:
        m = rx_full.match(ln)
        if m:
            name, addr, size, origin = m.group(1), int(m.group(2), 16), int(m.group(3), 16), m.group(4)
        else:
            m = rx_cont.match(ln)
            if m and pending:
                name, addr, size, origin = pending, int(m.group(1), 16), int(m.group(2), 16), m.group(3)
            else:
                mn = rx_name.match(ln)
                pending = mn.group(1) if mn else None
                continue
        pending = None
        if size == 0 or "load address" in origin:
            continue
        if name.startswith((".data", ".tdata")):
            kind = "data"
        elif name.startswith((".bss", ".tbss", "COMMON")):
            kind = "bss"
        elif name.startswith((".text", ".rodata", ".vectors", ".ARM.exidx", ".init", ".fini")) \
                and addr < FLASH_END:
            kind = "text"
        else:
            continue
        if kind != "text" and not (RAM[0] <= addr < RAM[1]):
            continue
        p = part(origin)
        sizes.setdefault(p, {"text": 0, "data": 0, "bss": 0})[kind] += size
    order = ["core", "libs", "lfs", "port", "libc-port", "libc", "libgcc", "other"]
    tot = {"text": 0, "data": 0, "bss": 0}
    print("%-9s %8s %8s %8s" % ("part", "text", "data", "bss"))
    for p in order:
        if p in sizes:
            s = sizes[p]
            print("%-9s %8d %8d %8d" % (p, s["text"], s["data"], s["bss"]))
            for k in tot:
                tot[k] += s[k]
    print("%-9s %8d %8d %8d   (flash: %d bytes)" % ("total", tot["text"], tot["data"], tot["bss"],
                                                  tot["text"] + tot["data"]))


if __name__ == "__main__":
    main()
