-- io: open/read/write/seek/lines on a temporary file (no addresses or names printed)
local name = os.tmpname()
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v):gsub(name, "TMP") end
    t[i] = tostring(v)
  end
  print(select('#', ...), table.concat(t, " | "))
end

-- write: strings and numbers (LUA_NUMBER_FMT), returns true
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdout), io.type(42), io.type(nil))
show(f:write("line one\n", 2, " ", 3.25, " ", -0.5, " ", 1e100, " ", 2^53, "\n"))
show(f:write())
show(f:write("third\n\n", "fifth without newline"))
show(f:close())
print(io.type(f), tostring(f))
show(pcall(f.write, f, "x"))
show(pcall(f.read, f))
show(pcall(f.lines, f))
show(pcall(f.seek, f))
show(pcall(f.flush, f))
show(pcall(f.close, f))
show(pcall(f.setvbuf, f, "no"))

-- read formats
f = assert(io.open(name, "r"))
print(tostring(f):match("^file %(.+%)$") ~= nil)
show(f:read())
show(f:read("*n", "*n", "*n"))
show(f:read("*n"))
show(f:read("*l"))
show(f:read(0))
show(f:read(3, 2, 0))
show(f:read("*l", "*l", "*l"))
show(f:read("*l"))
show(f:read(0))
show(f:read("*a"))
show(f:read("*a", "*a"))
show(f:read(5))
show(f:read("*n"))
show(f:read())
show(f:seek("set"))
show(f:read("*all"))
show(f:seek("set", 5), f:read(3))
show(f:seek("cur"), f:seek(), f:seek("cur", -2), f:read(2))
show(f:seek("end"), f:seek("end", -6), f:read("*a"))
show(f:seek("set", -1))
show(pcall(f.seek, f, "bad"))
show(pcall(f.seek, f, "set", "x"))
show(f:seek("set", 0), f:read(-1))
show(f:seek("set", 0), f:read(1.9), pcall(f.read, f, "5"))
show(pcall(f.read, f, "x"))
show(pcall(f.read, f, "*x"))
show(pcall(f.read, f, {}))
show(pcall(f.read, f, "*l", "*z"))
show(f:close())

-- lines
f = assert(io.open(name))
for l in f:lines() do show(l) end
show(f:read())
show(io.type(f), f:close())
for l in io.lines(name) do show(l) end
local it = io.lines(name)
show(it()) show(it()) show(it()) show(it()) show(it()) show(it())
show(pcall(it))

-- numbers in various shapes
f = assert(io.open(name, "w"))
f:write("  12  -3.5e2 0x1F\n.5 inf nan- +7 abc 9")
f:close()
f = assert(io.open(name))
show(f:read("*n", "*n"))
show(f:read("*n"))
show(f:read("*l"))
show(f:read("*n"))
show(f:read("*n"))
show(f:read("*l"))
f:close()

-- modes: append, update, binary
f = assert(io.open(name, "w")); f:write("abc"); f:close()
f = assert(io.open(name, "a")); f:write("def"); f:close()
f = assert(io.open(name, "r+")); f:write("X"); f:seek("set", 0); show(f:read("*a")); f:close()
f = assert(io.open(name, "rb")); show(f:read("*a")); f:close()
f = assert(io.open(name, "a+")); f:write("!"); f:seek("set"); show(f:read("*a")); f:close()
f = assert(io.open(name, "w+")); f:write("new"); f:seek("set"); show(f:read("*a")); f:close()
f = assert(io.open(name, "wb")); show(f:read("*a")); f:close()

-- large content, longer than any buffer, and embedded zeros
f = assert(io.open(name, "wb"))
local big = string.rep("0123456789", 3000)
f:write(big, "\n", "a\0b", "\n", big)
f:close()
f = assert(io.open(name, "rb"))
local l1 = f:read("*l"); show(#l1, l1 == big)
show(f:read(3))
show(#f:read("*a"))
f:seek("set")
show(#f:read(20000), #f:read(20000), f:read(1))
f:seek("set", 30001)
local l2 = f:read("*l")  -- 5.1 reads lines with fgets: the '\0' ends the text kept of a chunk
show(#l2, l2:sub(1, 3))
show(f:read("*l"))
f:close()

-- setvbuf and flush
f = assert(io.open(name, "w"))
show(f:setvbuf("no"), f:setvbuf("full", 1024), f:setvbuf("line"))
show(pcall(f.setvbuf, f))
show(pcall(f.setvbuf, f, "huge"))
show(f:flush(), f:write("z"), f:close())

-- gc of an unclosed handle, tostring of closed one
do local g = io.open(name) end
collectgarbage(); collectgarbage()
print(tostring(io.tmpfile and "tmpfile ok"))

-- tmpfile
local t = io.tmpfile()
show(io.type(t), t:write("tmp data"), t:seek("set"), t:read("*a"), t:close())

show(os.remove(name))
print("done")
