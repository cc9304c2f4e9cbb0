-- string.format: every conversion with flags, width and precision; %q; errors
local function try(...)
  local ok, r = pcall(function(...) return string.format(...) end, ...)
  local f = ...
  print(type(f) == "string" and f or type(f), ok, ok and string.format("%q", r) or r)
end

local flagsets = {"", "-", "+", " ", "#", "0", "-+", "+0", " 0", "#0", "-#", "- ", "-+ #0"}
local sizes = {"", "1", "7", "15", ".0", ".1", ".3", "8.3", "12.10", "20.15", "1.0"}

local numvalues = {0, 1, -1, 7, -42, 255, 3.7, -3.7, 0.5, 123456789, -987654321,
                   2^31, -2^31, 2^32 + 5, 1e15, 1/3, -2/3, 1e-5, 1e100, -1e-300}
local special = {1/0, -1/0}

for _, conv in ipairs({"d", "i", "o", "u", "x", "X", "c"}) do
  for _, fl in ipairs(flagsets) do
    for _, sz in ipairs(sizes) do
      local spec = "%" .. fl .. sz .. conv
      local row = {}
      for _, v in ipairs(numvalues) do
        if conv ~= "c" or (v >= 32 and v < 127) then
          row[#row + 1] = "[" .. string.format(spec, v) .. "]"
        end
      end
      print(spec, table.concat(row))
    end
  end
end
for _, conv in ipairs({"e", "E", "f", "g", "G"}) do
  for _, fl in ipairs(flagsets) do
    for _, sz in ipairs(sizes) do
      local spec = "%" .. fl .. sz .. conv
      local row = {}
      for _, v in ipairs(numvalues) do row[#row + 1] = "[" .. string.format(spec, v) .. "]" end
      for _, v in ipairs(special) do row[#row + 1] = "[" .. string.format(spec, v) .. "]" end
      print(spec, table.concat(row))
    end
  end
end
print(string.format("%.99f", 1/3))
print(string.format("%99.99f", -1e308))
print(string.format("%99.99e|%-99.2g|", 1e-308, 2^-1074))
print(string.format("%5.2f%%|%%|%-8.3e|%+.0f", 3.14159, 12345.678, 2.5))

-- integer conversions of out-of-range numbers (lua5.1 casts to long; defined here as on x86-64)
for _, v in ipairs({2^53, -2^53, 2^62, -2^62, 2^63 - 1024, 2^63 + 2048, 2^64 - 2048}) do
  print(string.format("%d %x %u %o %X %i", v, v, v, v, v, v))
end

-- %c
local row = {}
for i = 0, 255 do row[#row + 1] = string.format("%c", i) end
print(#table.concat(row), string.format("%q", table.concat(row)))
print(string.format("[%5c][%-5c][%c%c%c]", 65, 66, 76, 117, 97), #string.format("%5c", 0))

-- %s
local strs = {"", "a", "hello", "hello world, a longer string", "a\0b", string.rep("x", 99),
              string.rep("y", 100), string.rep("z\0", 60)}
for _, fl in ipairs({"", "-", "0", "#", " "}) do
  for _, sz in ipairs({"", "3", "10", "40", ".0", ".2", ".5", "10.3", "-20.10", "99.99"}) do
    local spec = "%" .. fl .. sz .. "s"
    local row = {}
    for _, v in ipairs(strs) do
      local r = string.format(spec, v)
      row[#row + 1] = #r .. ":" .. string.format("%q", r:sub(1, 20))
    end
    print(spec, table.concat(row, " "))
  end
end
print(string.format("%s %s %s", 1, 2.5, -0.125), string.format("%10s|%-10s|", 12, 3.5))
print(string.format("%s", 1e100), string.format("%s", 2^53), string.format("%.3s", 1/3))

-- %q
print(string.format("%q", "a\nb\rc\0d\"e\\f\1\2\t\127\200\255'"))
print(string.format("%q", ""), string.format("%q", 12), string.format("%q", 1.5))
print(string.format("%q%q", "\0001", "\r\n"))
print(string.format("%10q|%-3q", "ab", "cd"))
print(loadstring("return " .. string.format("%q", "x\n\0y\"\\z\r"))() == "x\n\0y\"\\z\r")
print(string.format("%q", allchars or ""))
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
print(string.format("%q", table.concat(t)))

-- plain text, %% and argument handling
print(string.format(""), string.format("no conversions"), string.format("%%"), string.format("a%%b%%"))
print(string.format("%d %s", 1, "x", "extra", "args"))
print(string.format("a\0b%dc\0", 5) == "a\0b5c\0")
print(string.format("%s", "10") + 1, string.format("%d", "0x10"), string.format("%5.1f", " 2.25 "))
print(string.format("%-----5d|", 1), string.format("%-+ #0d|", 1), string.format("%99d", 1) == string.rep(" ", 98) .. "1")

-- errors
try()
try("%d")
try("%d", nil)
try("%d", "x")
try("%d", {})
try("%s", nil)
try("%s", {})
try("%s", true)
try("%q", nil)
try("%c", "x")
try("%f", false)
try("%d %d", 1)
try("%s %s %s", "a", "b")
try("%", 1)
try("abc%")
try("%y", 1)
try("%5%", 1)
try("%-5%", 1)
try("%a", 1)
try("%l", 1)
try("%ld", 1)
try("%hd", 1)
try("%n", 1)
try("%p", 1)
try("%*d", 1, 2)
try("%------5d", 1)
try("%-+ #0-d", 1)
try("%100d", 1)
try("%.100f", 1)
try("%1.123f", 1)
try("%123.1f", 1)
try("%99.99d", 1)
try("%.d", 1)
try("%5.s", "abc")
try("%.f", 2.5)
try("%#.e", 2)
try(5)
try({})
try(nil)
