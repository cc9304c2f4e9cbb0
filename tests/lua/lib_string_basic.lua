-- string library: len, sub, byte, char, rep, reverse, lower, upper, dump, metatable
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v) else v = tostring(v) end
    t[#t + 1] = v
  end
  return table.concat(t, " ")
end
local function try(name, f, ...)
  print(name, show(pcall(f, ...)))
end

-- sub with every combination of small indices
local s = "hello"
for i = -7, 7 do
  local row = {}
  for j = -7, 7 do row[#row + 1] = string.sub(s, i, j) .. "|" end
  print("sub", i, table.concat(row), string.sub(s, i))
end
print(string.sub("", 1), string.sub("", 0, 0), string.sub("abc", 2.9, 3.1))
print(("abc"):sub(-2^40, 2^40), ("abc"):sub(2^40))
try("sub noarg", function() return string.sub("x") end)
try("sub badarg", function() return string.sub("x", "y") end)
try("sub nil", function() return string.sub() end)
try("sub num", function() return string.sub(12345, 2, 3) end)

-- byte
for i = -6, 6 do
  print("byte", i, show(string.byte("abcd", i)), show(string.byte("abcd", i, i + 2)),
        show(string.byte("abcd", 1, i)))
end
print(show(string.byte("")), show(string.byte("\0\255\128")), show(string.byte("\0\255\128", 1, -1)))
print(show(string.byte("xyz", 0, 0)), show(string.byte("xyz", 10, 20)), show(string.byte(987)))
try("byte bad", function() return string.byte("x", {}) end)

-- char
print(show(string.char()), show(string.char(0, 1, 65, 255)), show(string.char("65", 66.0)))
for _, v in ipairs({-1, 256, 1e10, 300}) do
  try("char " .. v, function() return string.char(65, v) end)
end
try("char nil", function() return string.char(65, nil) end)
try("char str", function() return string.char("a") end)
local all = {}
for i = 0, 255 do all[#all + 1] = i end
local allc = string.char(unpack(all))
print(#allc, show(string.byte(allc, 1, -1)) == show(unpack(all)))

-- rep
for _, n in ipairs({-5, -1, 0, 1, 2, 3, 7, 2.5}) do
  print("rep", n, show(string.rep("ab", n)), show(string.rep("", n)), show(string.rep("\0x", n)))
end
print(#string.rep("abc", 1000), #string.rep("", 100000))
try("rep nonum", function() return string.rep("x") end)
try("rep str", function() return string.rep("x", "y") end)
try("rep nil", function() return string.rep(nil, 2) end)
print(string.rep(12, 2))

-- reverse, lower, upper, len
print(show(string.reverse("")), show(string.reverse("a")), show(string.reverse("abc\0d")))
print(string.lower("HeLLo WoRLD 123 \0 ÀÉ"), string.upper("HeLLo WoRLD 123 \0 àé"))
local lo, up = string.lower(allc), string.upper(allc)
print(#lo, #up, show(string.byte(lo, 60, 100)))
print(show(string.byte(up, 90, 130)))
print(string.len(""), string.len("abc"), string.len("a\0b\0"), string.len(123), #allc)
try("len nil", function() return string.len() end)
try("len table", function() return string.len({}) end)
try("lower nil", function() return string.lower() end)
try("upper bool", function() return string.upper(true) end)
try("reverse nil", function() return string.reverse() end)

-- methods via the string metatable
local str = "Hello"
print(str:len(), str:upper(), str:lower(), str:rep(2, 3), str:sub(2, 3), str:byte(-1), str:reverse())
print(("%d-%s"):format(4, "x"), ("abc"):find("b"), ("key=val"):match("(%w+)=(%w+)"))
print(getmetatable("").__index == string, getmetatable("abc") == getmetatable(""))
print(#("x"):rep(10), ("x").len == string.len)
try("method on nil", function() local n; return n:len() end)
print(string.gfind == string.gmatch, type(string.gfind))
for w in string.gfind("one two three", "%a+") do io.write(w, ";") end
print()

-- the library's functions
local names = {}
for k, v in pairs(string) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))

-- dump
local function twice(a) return a * 2 end
local d = string.dump(twice)
print(type(d), loadstring(d)(21), string.sub(d, 1, 4) == "\027Lua")
print(loadstring(string.dump(function(...) return select('#', ...), ... end))(1, nil, 3))
try("dump C", function() return string.dump(print) end)
try("dump nil", function() return string.dump() end)
try("dump str", function() return string.dump("x") end)
