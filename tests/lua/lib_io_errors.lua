-- io: error results and error messages
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v) end
    t[i] = tostring(v)
  end
  print(select('#', ...), table.concat(t, " | "))
end

show(io.open("/nonexistent/dir/file"))
show(io.open("/nonexistent/dir/file", "w"))
show(io.open("/", "w"))
show(io.open("/nonexistent/dir/file", "r+"))
show(pcall(io.open))
show(pcall(io.open, {}))
show(pcall(io.open, "x", {}))
show(pcall(io.open, nil, "r"))
show(pcall(io.lines, "/nonexistent/dir/file"))
show(pcall(io.lines, {}))
show(pcall(io.lines, nil))
show(pcall(io.lines, false))
show(pcall(io.input, "/nonexistent/dir/file"))
show(pcall(io.output, "/nonexistent/dir/file"))
show(pcall(io.input, {}))
show(pcall(io.output, true))
show(pcall(io.type))
show(io.type(io.stdin), io.type(io.stderr), io.type({}), io.type("file"))
show(pcall(io.read, "x"))
show(pcall(io.read, "*x"))
show(pcall(io.read, {}))
show(pcall(io.write, {}))
show(pcall(io.write, "a", nil))
show(pcall(io.stdout.write, 1))
show(pcall(io.stdout.write))
show(pcall(io.stdout.read, "x"))
show(pcall(io.stdin.close))

-- the standard files cannot be closed
show(io.stdin:close())
show(io.stdout:close())
show(io.stderr:close())
show(io.close(io.stderr))
show(io.close())
show(io.type(io.stdout), io.type(io.stdin))

-- reading a write-only file and writing a read-only one
local name = os.tmpname()
local f = assert(io.open(name, "w"))
show(f:read("*a"))
show(f:read())
f:close()
f = assert(io.open(name, "r"))
show(f:write("x"))
show(f:write(1, 2))
show(f:flush())
f:close()

-- a directory opens for reading on Linux, but reading fails
f = io.open("/", "r")
if f then show(f:read("*l")) show(f:read("*a")) show(f:read(1)) f:close() end
show(type(select(2, pcall(io.lines, "/"))))
local ok, it = pcall(io.lines, "/")
if ok then show(pcall(it)) end

-- methods called on wrong objects
local mt = getmetatable(io.stdout)
show(pcall(mt.read, {}))
show(pcall(mt.write, "x"))
show(pcall(mt.close, 1))
show(pcall(mt.__tostring, {}))
show(pcall(mt.__gc, {}))
show(pcall(mt.seek))
show(pcall(mt.lines, nil))
show(mt.__index == mt, mt.__name)
local names = {}
for k in pairs(mt) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
names = {}
for k in pairs(io) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
show(debug.getregistry()["FILE*"] == mt)

-- environment of the handles (5.1 layout): __close and default files
local env = debug.getfenv(io.stdout)
show(type(env), type(env.__close), env[1], env[2])
show(env.__close(io.stdout))
local f2 = io.open(name)
local env2 = debug.getfenv(f2)
-- (the io functions' own environment is not compared: read-only C functions have none)
show(env2[1] == io.stdin, env2[2] == io.stdout, type(env2.__close))
show(debug.getfenv(io.popen) ~= env2, debug.getfenv(io.popen).__close ~= env2.__close)
f2:close()

-- use after closing via io.close(f)
f = assert(io.open(name))
show(io.close(f))
show(pcall(io.close, f))
show(pcall(f.read, f))
show(io.type(f))

-- lines iterator after explicit close
f = assert(io.open(name))
local it2 = f:lines()
f:close()
show(pcall(it2))

os.remove(name)
print("done")
