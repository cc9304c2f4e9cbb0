"""Helpers shared by the tests of the LM3S6965 firmware under qemu-system-arm.

The firmware reads its command line over semihosting, writes stdout to the semihosting console
(qemu's stdout here) and stderr to UART0 (a file here), and its exit status is qemu's.
Python 3 standard library only.
"""
import os
import re
import subprocess
import threading
import time

MARK = re.compile(rb"\x01fw-end:(-?\d+)\x01\n")


def read_env(build_dir):
    """firmware.env of a firmware build directory -> dict (FL_LFS_BASE etc.)."""
    env = {}
    with open(os.path.join(build_dir, "firmware.env")) as f:
        for ln in f:
            if "=" in ln:
                k, v = ln.strip().split("=", 1)
                env[k] = v
    return env


def qarg(s):
    """One command-line word for -semihosting-config arg=... : the firmware splits its command
    line at spaces, with \\ escaping the next character; qemu wants commas doubled."""
    return re.sub(r"([\\'\" ])", r"\\\1", s).replace(",", ",,") if s else "''"


def qemu_cmd(qemu, elf, args, uart=None, image=None, lfs_base=None, serial_stdio=False):
    """The qemu command line: semihosting console on stdout, UART0 to the file `uart` (or
    on stdin/stdout with serial_stdio), `image` loaded into flash at lfs_base."""
    sh = "enable=on,target=native," + ("" if serial_stdio else "chardev=shc,") + \
        ",".join("arg=" + qarg(a) for a in ["flashlua"] + list(args))
    cmd = [qemu, "-M", "lm3s6965evb", "-display", "none", "-monitor", "none"]
    if serial_stdio:
        cmd += ["-serial", "stdio"]
    else:
        cmd += ["-chardev", "stdio,id=shc",
                "-serial", ("file:" + uart) if uart else "null"]
    cmd += ["-semihosting-config", sh, "-kernel", elf]
    if image:
        cmd += ["-device", "loader,file=%s,addr=%s" % (image, lfs_base)]
    return cmd


def run(qemu, elf, args, cwd, image=None, lfs_base=None, timeout=60, stdin=None):
    """Runs the firmware once: (status, stdout bytes, uart/stderr bytes). status is qemu's
    exit status, or "timeout"."""
    uart = os.path.join(cwd, ".uart-%d-%d.txt" % (os.getpid(), threading.get_ident()))
    cmd = qemu_cmd(qemu, elf, args, uart, image, lfs_base)
    try:
        p = subprocess.run(cmd, cwd=cwd, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        rc, out = p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        rc, out = "timeout", e.stdout or b""
    err = b""
    if os.path.exists(uart):
        with open(uart, "rb") as f:
            err = f.read()
        os.unlink(uart)
    return rc, out, err


def run_batch(qemu, elf, lines, cwd, image=None, lfs_base=None, case_timeout=20.0,
              extra_args=()):
    """Runs command lines (lists of words) in one boot (--batch). Returns (results, tail):
    results has one (status, stdout, stderr) per line that completed; if the firmware stopped
    early (fault, hang: no progress for case_timeout seconds), tail describes why and
    holds what the unfinished line printed."""
    listname = ".batch-%d-%d.txt" % (os.getpid(), threading.get_ident())
    with open(os.path.join(cwd, listname), "w") as f:
        for words in lines:
            f.write(" ".join(qarg(w) for w in words) + "\n")
    uart = os.path.join(cwd, ".uart-%d-%d.txt" % (os.getpid(), threading.get_ident()))
    cmd = qemu_cmd(qemu, elf, list(extra_args) + ["--batch", listname], uart, image, lfs_base)
    p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    out = bytearray()
    progress = [time.time()]

    def reader():
        while True:
            b = p.stdout.read1(65536) if hasattr(p.stdout, "read1") else p.stdout.read(4096)
            if not b:
                break
            out.extend(b)
            progress[0] = time.time()
    t = threading.Thread(target=reader, daemon=True)
    t.start()
    timed_out = False
    while p.poll() is None:
        time.sleep(0.05)
        if time.time() - progress[0] > case_timeout:
            timed_out = True
            p.kill()
            break
    p.wait()
    t.join(5)
    qerr = p.stderr.read()
    err = b""
    if os.path.exists(uart):
        with open(uart, "rb") as f:
            err = f.read()
        os.unlink(uart)
    os.unlink(os.path.join(cwd, listname))
    outs = MARK.split(bytes(out))       # [out0, st0, out1, st1, ..., rest]
    errs = MARK.split(err)
    results = []
    for i in range(min(len(outs), len(errs)) // 2):
        results.append((int(outs[2 * i + 1]), outs[2 * i], errs[2 * i]))
    tail = None
    if len(results) < len(lines):
        why = "timeout (no output for %gs)" % case_timeout if timed_out else \
            "firmware stopped (qemu exit status %s)" % p.returncode
        tail = (why, outs[-1] if len(outs) % 2 else b"", errs[-1] if len(errs) % 2 else b"",
                qerr)
    return results, tail
