-- os.date / os.time / os.difftime; independent of the time zone (UTC "!" formats and
-- round trips through local time)
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v) end
    t[i] = tostring(v)
  end
  print(select('#', ...), table.concat(t, " | "))
end
local function dump(t)
  if type(t) ~= "table" then return show(t) end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local s = {}
  for _, k in ipairs(keys) do s[#s + 1] = k .. "=" .. tostring(t[k]) end
  print(table.concat(s, " "))
end

local times = { 0, 1, 59, 86399, 86400, 951782400, 951868800, 1234567890, 2147483647,
  2147483648, 4102444800, -1, -86400, -2208988800, 1e9 + 0.75 }
local fmts = { "a", "A", "b", "B", "c", "C", "d", "D", "e", "F", "g", "G", "h", "H", "I",
  "j", "k", "l", "m", "M", "n", "p", "P", "r", "R", "S", "t", "T", "u", "U", "V", "w", "W",
  "x", "X", "y", "Y", "z", "Z", "%", "Q", "E", "O", "Ec", "Oy", "+" }
for _, t in ipairs(times) do
  local parts = {}
  for _, f in ipairs(fmts) do parts[#parts + 1] = f .. "=" .. os.date("!%" .. f, t) end
  print(table.concat(parts, "|"))
  dump(os.date("!*t", t))
end
show(os.date("!", 0), os.date("!%", 0), os.date("!abc%", 0), os.date("!%%%%", 0))
show(os.date("!x%Y\0%m", 0))
show(os.date("!%Y-%m-%dT%H:%M:%S", 86400 * 365))
show(os.date("!%c", "12345"))
show(os.date("!%c", nil) == os.date("!%c"))
show(type(os.date()), type(os.date("*t")), type(os.date("%c")), type(os.date(nil)))
show(os.date("!%Y", 2^55))
show(pcall(os.date, "!%Y", "x"))
show(pcall(os.date, "!%Y", {}))
show(pcall(os.date, {}))
show(os.date(12))

-- local time round trips
for _, t in ipairs({ 0, 86400, 951782400, 1234567890, 2000000000 }) do
  local d = os.date("*t", t)
  show(os.time(d) == t, type(d.isdst))
end

-- os.time with tables (normalisation; results compared between themselves)
local base = os.time{ year = 2000, month = 1, day = 1, hour = 0 }
show(os.time{ year = 2000, month = 1, day = 1 } - base)  -- hour defaults to 12
show(os.time{ year = 2000, month = 1, day = 1, hour = 0, min = 0, sec = 0 } - base)
show(os.time{ year = 2000, month = 1, day = 32, hour = 0 } - base)
show(os.time{ year = 2000, month = 13, day = 1, hour = 0 } - base)
show(os.time{ year = 2000, month = 0, day = 1, hour = 0 } - base)
show(os.time{ year = 2000, month = 1, day = 0, hour = 0 } - base)
show(os.time{ year = 2000, month = 1, day = 1, hour = 0, sec = -1 } - base)
show(os.time{ year = 2000, month = 1, day = 1, hour = 0, min = 90 } - base)
show(os.time{ year = "2000", month = "1", day = "1", hour = "0" } - base)
show(os.time{ year = 2000.9, month = 1.5, day = 1.2, hour = 0 } - base)
local t = { year = 2000, month = 14, day = 35, hour = 0 }
os.time(t)
dump(t)  -- 5.1 leaves the table as it was
show(os.date("*t", os.time{ year = 2001, month = 2, day = 29 }).month)
show(type(os.time()), os.time() > 1e9, os.time(nil) > 1e9)

-- errors
show(pcall(os.time, {}))
show(pcall(os.time, { day = 1 }))
show(pcall(os.time, { day = 1, month = 1 }))
show(pcall(os.time, { year = 2000, month = 1 }))
show(pcall(os.time, { year = 2000, day = 1 }))
show(pcall(os.time, { year = 2000, month = 1, day = "x" }))
show(pcall(os.time, { year = 2000, month = 1, day = {} }))
show(pcall(os.time, 12))
show(pcall(os.time, "x"))

-- difftime
show(os.difftime(10, 4), os.difftime(4, 10), os.difftime(5), os.difftime(1.9, 0.5))
show(os.difftime(2^31, -2^31), os.difftime(-7.5))
show(pcall(os.difftime))
show(pcall(os.difftime, 1, "x"))
show(os.difftime("10", "3"))
print("done")
