-- io: default input/output files (io.input, io.output, io.read, io.write, io.lines, io.close)
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v) end
    t[i] = tostring(v)
  end
  io.stdout:write(select('#', ...), "\t", table.concat(t, " | "), "\n")
end

local name = os.tmpname()
local stdout = io.output()
show(io.output() == io.stdout, io.input() == io.stdin)
show(io.write("written ", 1, " ", 2.5, "\n"))

-- redirect output to a file by name
local out = io.output(name)
show(io.type(out), out == io.output(), out ~= io.stdout)
show(io.write("first line\n", 42, "\n", "3 4 5\n", "last"))
show(io.flush())
show(io.close())
show(io.type(out))
show(pcall(io.write, "x"))
show(pcall(io.flush))
show(pcall(io.close))
show(io.output(io.stdout) == io.stdout)

-- input by name, by handle
local inp = io.input(name)
show(io.type(inp), io.input() == inp)
show(io.read())
show(io.read("*n", "*l"))
show(io.read("*n", "*n", "*n"))
show(io.read(2), io.read(0), io.read("*a"), io.read(0), io.read("*a"), io.read())
show(io.read("*l"))
show(io.read("*n"))
show(io.read(1))
inp:close()
show(pcall(io.read))
show(pcall(io.read, "*a"))
show(pcall(io.lines))
local h = assert(io.open(name))
show(io.input(h) == h)
for l in io.lines() do show(l) end
show(io.type(h))  -- io.lines() does not close the default input
h:close()
show(pcall(io.input, h))
show(pcall(io.output, h))
show(io.input(io.stdin) == io.stdin)

-- io.lines(name) closes its file at the end
local n = 0
for l in io.lines(name) do n = n + 1 end
show(n)

-- io.output with a name truncates; io.input(nil) and io.output(nil) only query
io.output(name)
show(io.input(nil) == io.stdin, io.output(nil) ~= io.stdout)
io.write("replaced")
io.close()
io.output(io.stdout)
io.input(name)
show(io.read("*a"))
io.close(io.input())
io.input(io.stdin)

-- numbers as file names
show(pcall(io.input, 123456789))

-- closed io.stdout via environment trick is impossible: still a standard file
show(io.close(io.output()))
show(io.write("still works\n"))

-- popen (host only)
local p = io.popen("echo hello; echo world")
show(io.type(p))
show(p:read("*l"), p:read("*a"))
show(p:close())
show(pcall(p.read, p))
p = io.popen("cat > " .. name, "w")
p:write("through a pipe\n")
show(p:close())
show(io.open(name):read("*a"))
for l in io.popen("printf 'a\\nb\\n'"):lines() do show(l) end
show(pcall(io.popen))
show(select('#', io.popen("true", "r")))

os.remove(name)
local ok, msg = pcall(io.input, name)
show(ok, (msg:gsub(name, "TMP", 1, true)))
print("done")
