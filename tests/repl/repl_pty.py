#!/usr/bin/env python3
"""The interactive mode through a real terminal: runs the same scripted session in
`lua5.1 -i` and in `flashlua -i`, each on its own pseudo-terminal, and compares what the
terminal shows (after removing carriage returns and escape sequences, and replacing the
banner line, which names the interpreter).

  repl_pty.py --lua lua5.1 --flashlua build/flashlua [--line-editing]

--line-editing adds keystrokes that only a readline build understands (Ctrl-A, Ctrl-E,
history with Ctrl-P); give it when flashlua was built with GNU readline, like Debian's lua5.1.
Each line is typed once the interpreter waits for input again (prompt shown, output quiet),
so both sessions are fed at the same points. Python 3 standard library only.
"""
import argparse
import difflib
import os
import pty
import re
import select
import signal
import sys
import tempfile
import time

PROMPTS = (b"> ", b">> ", b"lua> ", b"...> ")

# The session: strings are typed followed by Enter; ("raw", bytes) is typed as is;
# ("intr",) sends Ctrl-C while the previous line runs; ("eof",) types Ctrl-D.
SESSION = [
    'print("hello from the repl")',
    '=1+1',
    '= "a", nil, true',
    '=nil',
    'x = {',
    '  10, 20,',
    '}',
    '=#x',
    'local y = 5',
    '=y',
    'error("boom")',
    'error({code = 1})',
    'error(setmetatable({}, {__tostring = function() return "custom" end}))',
    'error()',
    'nosuch()',
    'for i = 1, 3 do',
    '  io.write(i, " ")',
    'end',
    'print()',
    'function f(n)',
    '  if n == 0 then error("deep") end',
    '  return f(n - 1)',
    'end',
    'f(3)',
    'function g(n)',
    '  if n == 0 then error("rec") end',
    '  local r = g(n - 1) return r',
    'end',
    'g(30)',
    'x = = 1',
    's = "unfinished',
    's = [[',
    'multi',
    'line]]',
    '=s',
    '=[[a',
    'b]]',
    'if true then',
    '  if false then',
    '  else print("nested")',
    '  end',
    'end',
    'return 1, 2',
    '=type(print)',
    '=...',
    '_PROMPT = "lua> "',
    '_PROMPT2 = "...> "',
    'do',
    'print("custom prompts")',
    'end',
    '_PROMPT = nil _PROMPT2 = nil',
    'print(("x"):rep(3))',
    'io.write("no newline")',
    'print(string.format("%5.2f|%q", 3.14159, "q"))',
    '-- a comment only',
    '',
    '   ',
    'while true do end',
    ("intr",),
    'print("after interrupt")',
    'local mt = {__index = function(t, k) return k .. "!" end}',
    'local t = setmetatable({}, {__index = string}) print(t.rep("ab", 2))',
    '=os.getenv("FL_REPL_TEST")',
    'oldprint = print',
    'print = function() error("no print today") end',
    '=1',
    'print = 42',
    '=2',
    'print = oldprint',
    '=select("#", 1, nil, nil)',
    ("eof",),
]

LINE_EDITING = [
    ('raw', b'(40 + 2)\x01print\n'),            # Ctrl-A: start of line, then insert
    ('raw', b'print("ab\x02X\x05")\n'),          # Ctrl-B one left, insert, Ctrl-E end of line
    ('raw', b'\x10\n'),                         # Ctrl-P: the previous line again
]

# Without options on a terminal the interpreter also enters the REPL (after its banner);
# -e then -i runs the statement first; -i after a script keeps the script's globals.
OTHER_SESSIONS = [
    ([], ['print("no options")', '=arg', ("eof",)]),
    (["-e", "x = 42", "-i"], ['=x', ("eof",)]),
    (["-i", "script.lua", "a1"], ['=from_script, ...', '=arg[1], arg[0]', ("eof",)]),
]

ANSI = re.compile(rb"\x1b(\[[0-9;?]*[A-Za-z]|[()][A-Z0-9]|[=>]|\][^\x07]*\x07)")


def run_session(prog, session, timeout, args=("-i",), cwd=None):
    env = dict(os.environ)
    for k in ("LUA_INIT", "LUA_PATH", "LUA_CPATH", "INPUTRC"):
        env.pop(k, None)
    env["TERM"] = "dumb"
    env["INPUTRC"] = "/dev/null"        # no user/system key bindings
    env["FL_REPL_TEST"] = "set"
    env["LC_ALL"] = "C"
    pid, fd = pty.fork()
    if pid == 0:
        try:
            if cwd:
                os.chdir(cwd)
            os.execvpe(prog, ["lua"] + list(args), env)
        finally:
            os._exit(127)
    out = bytearray()

    def pump(wait_prompt, limit):
        """Reads until the output ends with a prompt and stays quiet, or the limit."""
        end = time.time() + limit
        quiet_since = None
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    return False            # the child has gone (EIO)
                if not data:
                    return False
                out.extend(data)
                quiet_since = None
            else:
                if quiet_since is None:
                    quiet_since = time.time()
                if wait_prompt and out.endswith(PROMPTS) and time.time() - quiet_since > 0.15:
                    return True
        return not wait_prompt

    pump(True, timeout)
    for step in session:
        if isinstance(step, str):
            os.write(fd, step.encode() + b"\n")
        elif step[0] == "raw":
            os.write(fd, step[1])
        elif step[0] == "intr":
            time.sleep(0.3)
            os.write(fd, b"\x03")
        elif step[0] == "eof":
            os.write(fd, b"\x04")
            pump(False, 2.0)
            break
        # a line that starts an endless loop is interrupted by the next step
        wait = not (isinstance(step, str) and step.startswith("while true"))
        if wait and not pump(True, timeout):
            out.extend(b"<no prompt after %r>" % (step,))
    status = None
    for _ in range(100):
        wpid, st = os.waitpid(pid, os.WNOHANG)
        if wpid:
            status = os.waitstatus_to_exitcode(st)
            break
        time.sleep(0.05)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        status = "killed (did not exit at end of input)"
    try:
        while True:
            r, _, _ = select.select([fd], [], [], 0.05)
            if not r:
                break
            data = os.read(fd, 4096)
            if not data:
                break
            out.extend(data)
    except OSError:
        pass
    os.close(fd)
    return bytes(out), status


def normalise(raw):
    text = ANSI.sub(b"", raw).replace(b"\r", b"")
    lines = text.decode("latin-1").split("\n")
    if lines and (lines[0].startswith("Lua 5.1") or lines[0].startswith("flashlua")):
        lines[0] = "<banner>"
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lua", required=True)
    ap.add_argument("--flashlua", required=True)
    ap.add_argument("--line-editing", action="store_true")
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("-v", action="store_true", help="print the flashlua session")
    a = ap.parse_args()
    session = list(SESSION)
    if a.line_editing:
        session[-1:-1] = LINE_EDITING
    failed = 0
    with tempfile.TemporaryDirectory(prefix="flrepl") as tmp:
        with open(os.path.join(tmp, "script.lua"), "w") as f:
            f.write("from_script = 'kept'\nprint('script ran', ...)\n")
        for args, steps in [(["-i"], session)] + OTHER_SESSIONS:
            ref, ref_status = run_session(a.lua, steps, a.timeout, args, tmp)
            got, got_status = run_session(a.flashlua, steps, a.timeout, args, tmp)
            ref_l, got_l = normalise(ref), normalise(got)
            name = " ".join(["lua"] + args)
            if a.v:
                print("\n".join(got_l))
            if ref_l == got_l and ref_status == got_status:
                print("%s: identical sessions (%d lines, %d steps, exit status %s)" %
                      (name, len(ref_l), len(steps), ref_status))
                continue
            failed += 1
            print("%s: flashlua differs from lua5.1 on a terminal:" % name)
            print("\n".join(difflib.unified_diff(ref_l, got_l, "lua5.1", "flashlua", lineterm="")))
            print("exit status: lua5.1 %s, flashlua %s" % (ref_status, got_status))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
