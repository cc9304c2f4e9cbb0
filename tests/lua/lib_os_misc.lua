-- os: getenv, remove, rename, tmpname, clock, execute, setlocale
local a, b = os.tmpname(), os.tmpname()
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then
      v = string.format("%q", (v:gsub(a, "TMPA"):gsub(b, "TMPB")))
    end
    t[i] = tostring(v)
  end
  print(select('#', ...), table.concat(t, " | "))
end

local names = {}
for k in pairs(os) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))

show(os.getenv("FLASHLUA_SURELY_NOT_SET_42"))
show(type(os.getenv("PATH")))
show(pcall(os.getenv))
show(pcall(os.getenv, {}))
show(os.getenv(12))

-- tmpname gives a fresh, existing (empty) file on POSIX hosts
show(type(a), a ~= b)
local f = io.open(a, "w")
show(io.type(f))
f:write("data")
f:close()

-- rename and remove with their error triples
show(os.rename(a, b))
show(io.open(a))
show(io.open(b):read("*a"))
show(os.remove(b))
show(os.remove(b))
show(os.remove("/nonexistent/dir/file"))
show(os.rename("/nonexistent/dir/file", "/nonexistent/dir/other"))
show(os.rename(b, a))
show(pcall(os.remove))
show(pcall(os.rename, "x"))
show(pcall(os.rename, nil, "x"))
os.remove(a)

-- clock
local c = os.clock()
show(type(c), c >= 0)
local x = 0
for i = 1, 100000 do x = x + i end
show(os.clock() >= c)

-- execute: raw status as from system()
show(os.execute())
show(os.execute("exit 0"))
show(os.execute("exit 3"))
show(os.execute("true"))
show(pcall(os.execute, {}))

-- setlocale
show(os.setlocale())
show(os.setlocale("C"))
show(os.setlocale(nil, "numeric"))
show(os.setlocale("C", "collate"), os.setlocale("C", "ctype"), os.setlocale("C", "monetary"))
show(os.setlocale("C", "time"), os.setlocale("POSIX", "all"))
show(os.setlocale("no_such_LOCALE.xyz"))
show(os.setlocale("no_such_LOCALE.xyz", "time"))
show(pcall(os.setlocale, "C", "bogus"))
show(pcall(os.setlocale, {}))
show(os.setlocale())
print("done")
