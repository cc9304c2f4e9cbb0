#!/usr/bin/env python3
"""Out-of-memory harness: runs each script with FLASHLUA_ALLOC_FAIL=N (allocation N and every
later growing allocation fails) for every N up to the script's allocation count (sampled to at
most --max-runs values per script). Every run must end cleanly: exit status 0 (the script did not
need more memory) or 1 with "not enough memory" on stderr; stdout a prefix of the normal output
(or differing only where a caught "not enough memory" is printed);
never a signal, a sanitizer report or a leak (leaks show as sanitizer reports in the ASan build).
Ends with the line "N passed, M failed"."""
import argparse, os, subprocess, sys, glob, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--flashlua", required=True)
ap.add_argument("--max-runs", type=int, default=400)
ap.add_argument("scripts", nargs="*")
a = ap.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
scripts = [os.path.abspath(s) for s in a.scripts] or sorted(glob.glob(os.path.join(here, "*.lua")))

def run(script, env_extra):
    env = dict(os.environ)
    env.update(env_extra)
    with tempfile.TemporaryDirectory() as cwd:   # scripts may write files: keep them here
        p = subprocess.run([a.flashlua, script], capture_output=True, env=env, timeout=60, cwd=cwd)
    return p.returncode, p.stdout.decode("latin-1"), p.stderr.decode("latin-1")

passed = failed = 0
total_runs = 0
for s in scripts:
    rc, out, err = run(s, {"FLASHLUA_ALLOC_COUNT": "1"})
    name = os.path.basename(s)
    if rc != 0 or "allocations:" not in err:
        print("FAIL %s: normal run failed (rc=%d): %s" % (name, rc, err.strip()[:300]))
        failed += 1
        continue
    count = int(err.strip().split("allocations:")[-1].split()[0])
    step = max(1, count // a.max_runs)
    bad = []
    ns = list(range(1, count + 1, step))
    for n in ns:
        rc2, out2, err2 = run(s, {"FLASHLUA_ALLOC_FAIL": str(n)})
        ok = True
        if rc2 not in (0, 1) or "Sanitizer" in err2 or "runtime error" in err2 or "PANIC" in err2:
            ok = False
        elif rc2 == 1 and "not enough memory" not in err2:
            ok = False
        elif not out.startswith(out2):
            # a script may catch the memory error with pcall and print it: then the output may
            # differ from the normal one, but only from the point where the error was reported
            common = os.path.commonprefix([out, out2])
            if "not enough memory" not in out2[len(common):] and "not enough memory" not in out2[len(common) - 200:]:
                ok = False
        if not ok:
            bad.append((n, rc2, err2.strip()[-400:]))
    total_runs += len(ns)
    if bad:
        failed += 1
        n, rc2, e = bad[0]
        print("FAIL %s: %d of %d runs bad; first at N=%d rc=%d: %s" % (name, len(bad), len(ns), n, rc2, e))
    else:
        passed += 1
        print("ok   %s: %d allocations, %d fail points tried" % (name, count, len(ns)))
print("oom runs: %d" % total_runs)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
