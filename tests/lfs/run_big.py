#!/usr/bin/env python3
"""A big store: 250 generated modules, an image over 1 MB (host), installed into a 4 MB partition.
Every module is found by require and node.LFS.get (binary search of the index), runs, and the
strings it builds at run time are the flash strings. The le32-double image of the same modules
is checked by the independent decoder.

    run_big.py --flashlua B --flashluac C
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import decode  # noqa: E402

NMOD, NFUNC = 250, 9


def module(i):
    out = ["local M = { id = %d, name = 'bigmod_%03d' }" % (i, i)]
    for j in range(NFUNC):
        out.append("function M.f%d(x)\n  local s = 'bigmod_%03d_string_%02d_' .. tostring(x)\n"
                   "  local t = { s, #s, x, %d.5 }\n  if x > %d then return #t[1] + %d end\n"
                   "  return t[2] * 2 + M.id\nend" % (j, i, j, j, j, j))
    out.append("return M")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--flashluac", required=True)
    a = ap.parse_args()
    fl, flc = os.path.abspath(a.flashlua), os.path.abspath(a.flashluac)
    tmp = tempfile.mkdtemp(prefix="flashlua-lfsbig-")
    env = dict(os.environ)
    env.pop("FLASHLUA_FLASH", None)
    try:
        files = []
        for i in range(NMOD):
            n = "bigmod_%03d.lua" % i
            with open(os.path.join(tmp, n), "w") as f:
                f.write(module(i))
            files.append(n)
        r = subprocess.run([flc, "-f", "-v", "-o", "big.img"] + files, cwd=tmp, env=env,
                           capture_output=True, text=True)
        if r.returncode != 0:
            print("flashluac failed:", r.stderr)
            return 1
        size = os.path.getsize(os.path.join(tmp, "big.img"))
        print("host image: %d bytes, %d modules" % (size, NMOD))
        if size < 1024 * 1024:
            print("FAIL: the image should be over 1 MB")
            return 1
        check = """
local names = node.LFS.list()
assert(#names == %d, #names)
local sum = 0
for i = 0, %d do
  local name = string.format('bigmod_%%03d', i)
  assert(names[i + 1] == name)
  local m = require(name)
  assert(m.id == i and node.LFS.get(name) and node.LFS[name])
  for j = 0, %d do sum = sum + m['f' .. j](j) + m['f' .. j](1000) end
end
for _, s in ipairs(debug.getstrings('RAM')) do
  assert(not s:match('^bigmod_%%d%%d%%d$') and not s:match('^bigmod_%%d+_string_%%d+_$'), s)
end
assert(node.LFS.get('bigmod_') == nil and node.LFS.get('bigmod_9999') == nil)
collectgarbage()
print('ok', sum, node.LFS.config.used, node.LFS.config.modules)
""" % (NMOD, NMOD - 1, NFUNC - 1)
        with open(os.path.join(tmp, "check.lua"), "w") as f:
            f.write(check)
        r = subprocess.run([fl, "--flash", "big.flash", "--flash-size", "4M", "--lfs-install",
                            "big.img", "check.lua"], cwd=tmp, env=env, capture_output=True, text=True)
        print(r.stdout.strip(), r.stderr.strip())
        if r.returncode != 0 or not r.stdout.startswith("ok"):
            print("FAIL: running the big store")
            return 1
        r = subprocess.run([flc, "-f", "-T", "le32-double", "-o", "big32.img"] + files, cwd=tmp,
                           env=env, capture_output=True, text=True)
        img = decode.Image(open(os.path.join(tmp, "big32.img"), "rb").read())
        img.walk()
        print("le32-double image: %d bytes, %d modules, %d strings: decoded" % (
            img.size, img.h["nmodules"], img.h["nstrings"]))
        if img.h["nmodules"] != NMOD:
            print("FAIL: module count")
            return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("all ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
