#!/usr/bin/env python3
"""The interactive REPL of the firmware on the emulated UART against lua5.1 -i on a terminal.

The session of tests/repl/repl_pty.py (multi-line statements, =expr, errors with tracebacks,
_PROMPT/_PROMPT2, Ctrl-C interrupting a running loop, end of input with Ctrl-D) is typed into
UART0 (qemu -serial stdio, the device echoes like a serial console) and into lua5.1 -i on a
pseudo-terminal; what the two screens show must be the same once carriage returns are removed
and the banner is replaced (the device's second banner line, with its free heap, is printed).

    run_repl.py --firmware build-arm/flashlua.elf [--lua lua5.1] [-v]
"""
import argparse
import concurrent.futures as cf
import difflib
import os
import select
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "repl"))
import qemu_fw      # noqa: E402
import repl_pty     # noqa: E402  (the session and lua5.1 on a pseudo-terminal)

# what a device cannot show like a host: its environment
SESSION = [s for s in repl_pty.SESSION if not (isinstance(s, str) and "getenv" in s)]


def run_device(qemu, elf, session, timeout):
    cmd = qemu_fw.qemu_cmd(qemu, elf, [], serial_stdio=True)
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    fd = p.stdout.fileno()
    out = bytearray()

    def pump(wait_prompt, limit):
        end = time.time() + limit
        quiet_since = None
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                data = os.read(fd, 4096)
                if not data:
                    return False
                out.extend(data)
                quiet_since = None
            else:
                if quiet_since is None:
                    quiet_since = time.time()
                if wait_prompt and out.endswith(repl_pty.PROMPTS) and \
                        time.time() - quiet_since > 0.15:
                    return True
        return not wait_prompt

    def send(b):
        p.stdin.write(b)
        p.stdin.flush()

    pump(True, timeout)
    for step in session:
        if isinstance(step, str):
            send(step.encode() + b"\n")
        elif step[0] == "raw":
            send(step[1])
        elif step[0] == "intr":
            time.sleep(0.3)
            send(b"\x03")
        elif step[0] == "eof":
            send(b"\x04")
            pump(False, 2.0)
            break
        wait = not (isinstance(step, str) and step.startswith("while true"))
        if wait and not pump(True, timeout):
            out.extend(b"<no prompt after %r>" % (step,))
    try:
        status = p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        status = "killed (did not exit at end of input)"
    out.extend(p.stdout.read())
    return bytes(out), status


def normalise(raw, device):
    lines = repl_pty.normalise(raw)
    if device and len(lines) > 1 and lines[1].startswith("LM3S6965:"):
        del lines[1]
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--firmware", required=True)
    ap.add_argument("--qemu", default=shutil.which("qemu-system-arm") or "qemu-system-arm")
    ap.add_argument("--lua", default=shutil.which("lua5.1") or "lua5.1")
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    with cf.ThreadPoolExecutor(max_workers=2) as ex:     # both sessions at once
        fref = ex.submit(repl_pty.run_session, a.lua, SESSION, a.timeout, ("-i",))
        fgot = ex.submit(run_device, a.qemu, os.path.abspath(a.firmware), SESSION, a.timeout)
        (ref, ref_status), (got, got_status) = fref.result(), fgot.result()
    ref_l, got_l = normalise(ref, False), normalise(got, True)
    if a.v:
        print("\n".join(got_l))
    if ref_l == got_l and ref_status == got_status:
        print("REPL on the UART == lua5.1 -i on a terminal (%d lines, %d steps, exit status %s)"
              % (len(ref_l), len(SESSION), ref_status))
        return 0
    print("the device's REPL differs from lua5.1 -i on a terminal:")
    print("\n".join(difflib.unified_diff(ref_l, got_l, "lua5.1", "device", lineterm="")))
    print("exit status: lua5.1 %s, device %s" % (ref_status, got_status))
    return 1


if __name__ == "__main__":
    sys.exit(main())
