#!/usr/bin/env python3
"""The example application (examples/app) from the flash store: same output as from files
(and as lua5.1 when given), and the figures of docs/lfs.md: image size against luac5.1 -s, RAM
at start and after requiring the modules, with and without a store.

    run_example.py --flashlua B --flashluac C [--lua lua5.1] [--luac luac5.1]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
APP = os.path.join(os.path.dirname(os.path.dirname(HERE)), "examples", "app")

RAM = """collectgarbage() collectgarbage()
local start = collectgarbage('count')
for _, m in ipairs{'json','base64','mqtt','httpd','sched','config','logger','sensors','fsm','template'} do require(m) end
collectgarbage() collectgarbage()
print(string.format('%.1f %.1f', start, collectgarbage('count')))
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--flashluac", required=True)
    ap.add_argument("--lua", default="")
    ap.add_argument("--luac", default="")
    a = ap.parse_args()
    fl, flc = os.path.abspath(a.flashlua), os.path.abspath(a.flashluac)
    tmp = tempfile.mkdtemp(prefix="flashlua-lfsapp-")
    env = dict(os.environ)
    for k in ("LUA_INIT", "LUA_PATH", "LUA_CPATH", "FLASHLUA_FLASH"):
        env.pop(k, None)
    fails = 0

    def run(cmd, cwd=None):
        return subprocess.run(cmd, cwd=cwd or tmp, env=env, capture_output=True, text=True)

    try:
        mods = sorted(f for f in os.listdir(APP) if f.endswith(".lua"))
        for f in mods:
            shutil.copy(os.path.join(APP, f), tmp)
        src = sum(os.path.getsize(os.path.join(tmp, f)) for f in mods)
        files = run([fl, "app.lua"])
        r = run([flc, "-f", "-s", "-o", "app.img"] + mods)
        assert r.returncode == 0, r.stderr
        r = run([fl, "--flash", "app.flash", "--lfs-install", "app.img"])
        assert r.returncode == 0, r.stderr
        os.mkdir(os.path.join(tmp, "run"))
        shutil.copy(os.path.join(tmp, "app.lua"), os.path.join(tmp, "run"))   # modules only in flash
        lfs = run([fl, "--flash", "../app.flash", "app.lua"], cwd=os.path.join(tmp, "run"))
        ok = files.returncode == 0 and lfs.stdout == files.stdout and lfs.stderr == files.stderr
        print("%s app from the store == app from files" % ("ok  " if ok else "FAIL"))
        fails += not ok
        if a.lua:
            ref = run([a.lua, "app.lua"])
            ok = ref.stdout == lfs.stdout
            print("%s app from the store == lua5.1" % ("ok  " if ok else "FAIL"))
            fails += not ok
        # figures
        print("source: %d modules, %d bytes" % (len(mods), src))
        if a.luac:
            tot = 0
            for f in mods:
                run([a.luac, "-s", "-o", "x.luac", f])
                tot += os.path.getsize(os.path.join(tmp, "x.luac"))
            print("luac5.1 -s: %d bytes" % tot)
        for t in ("host", "le32-double", "le32-float"):
            r = run([flc, "-f", "-s", "-v", "-T", t, "-o", "t.img"] + mods)
            if r.returncode != 0:
                print("%-11s (not built: %s)" % (t, r.stderr.strip().splitlines()[-1] if r.stderr else "?"))
                continue
            last = [l for l in r.stdout.splitlines() if "luac5.1 -s" in l][0].strip()
            print("%-11s image %d bytes; %s" % (t, os.path.getsize(os.path.join(tmp, "t.img")), last))
        with open(os.path.join(tmp, "run", "ram.lua"), "w") as f:
            f.write(RAM)
        for f in mods:
            shutil.copy(os.path.join(APP, f), os.path.join(tmp, "run"))
        without = run([fl, "ram.lua"], cwd=os.path.join(tmp, "run")).stdout.split()
        withs = run([fl, "--flash", "../app.flash", "ram.lua"], cwd=os.path.join(tmp, "run")).stdout.split()
        print("collectgarbage('count'): at start %s KB without a store, %s KB with; after requiring "
              "10 modules %s KB from files, %s KB from the store" % (without[0], withs[0], without[1], withs[1]))
        ok = float(withs[0]) < float(without[0]) and float(withs[1]) < float(without[1]) / 2
        print("%s the store saves RAM" % ("ok  " if ok else "FAIL"))
        fails += not ok
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
