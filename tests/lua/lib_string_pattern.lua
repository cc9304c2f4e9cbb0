-- patterns: find, match, gmatch, gsub over many subjects and patterns; error messages
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v) else v = tostring(v) end
    t[#t + 1] = v
  end
  return table.concat(t, ",")
end
local function try(f, ...)
  local r = {pcall(f, ...)}
  if r[1] then return show(unpack(r, 2, table.maxn(r))) end
  return "ERR " .. tostring(r[2])
end

local subjects = {"", "a", "hello world", "  x = 42, y = -3.5e2;  ", "aaa", "abcabcabc",
  "THE (quick) [brown] {fox}", "f(a(b)c)d", "a\0b\0c", "key=val; k2=v2", "\n\t \r",
  "x.y.z", "%%%", "^$^$", "THE END", "ab12CD34_ef", "[[nested]]", "caaab"}

local patterns = {"", "a", "b", ".", "..", "a*", "a+", "a-", "a?", "%a+", "%A+", "%d+", "%D+",
  "%l+", "%L+", "%u+", "%U+", "%s+", "%S+", "%w+", "%W+", "%x+", "%X+", "%p+", "%P+",
  "%c+", "%C+", "%z", "%Z+", "[aeiou]+", "[^aeiou]+", "[a-f]+", "[%a_][%w_]*", "[%d.eE+-]+",
  "[]]", "[^]]+", "[a-]", "[-a]+", "[%]]", "[%%]+", "^a", "^h", "o$", "d$", "^$", "$", "^",
  "(a)", "(a*)", "()a()", "(h)(e)(l)(l)(o)", "((a)(b))", "(%w+)=(%w+)", "(.)%1", "(a+)b",
  "%((.-)%)", "%b()", "%b[]", "%b{}", "%bab", "%b''", "%f[%w]%w+", "%f[%a]", "%f[%A]",
  "%f[%z]", "%f[^%z]", "x-y", ".-", ".-$", "a.-c", "a.*c", "^(%s*)(.-)(%s*)$", "%$",
  "%.", "%^", "%%", "a%-", "[%s%p]+", "()", "(()b)", "(%d+)%.?(%d*)", "[%a%-]+", "[a-c%d]+",
  "%bxy", "c-", "^a-b", "[b-]", "[%w%]]+", "[^%s]+", "%]", "[]", "\0", "a\0b", "%z+",
  "(x)(y)(z)?", "^(.)(.)", "e?", ".?.?.?$", "(a?)(a?)", "[[]+", "[^[]+", "%[", "$^",
  "%D%d", "%s*", "(.-)%s", "[\0-\31]+", "[\128-\255]", "[A-Z][a-z]*"}

for si, s in ipairs(subjects) do
  for _, p in ipairs(patterns) do
    print(si, string.format("%q", p),
      "F", try(string.find, s, p),
      "F3", try(string.find, s, p, 3),
      "F-2", try(string.find, s, p, -2),
      "M", try(string.match, s, p),
      "G", try(string.gsub, s, p, "<%0>"),
      "G2", try(string.gsub, s, p, "[%1]", 2))
    local ok, it = pcall(string.gmatch, s, p)
    local acc, n = {}, 0
    local ok2, err = pcall(function()
      for a, b, c in it do
        n = n + 1
        acc[#acc + 1] = show(a, b, c)
        if n > 50 then break end
      end
    end)
    print("", "GM", ok2 and table.concat(acc, " ") or ("ERR " .. tostring(err)))
  end
end

-- find: init and plain
local s = "a.b.c[d]*"
for i = -12, 12 do
  print("init", i, show(string.find(s, ".", i, true)), show(string.find(s, ".", i)),
        show(string.find(s, "", i)), show(string.match(s, "()", i)), show(string.find(s, "[d]*", i, true)))
end
print(show(string.find("abc", "b", nil, nil)), show(string.find("abc", "[b", 1, true)),
      show(string.find("a+b", "+", 1, 1)), show(string.find("a+b", "a+", 1, false)))
print(show(string.find("abc", "")), show(string.find("abc", "", 4)), show(string.find("abc", "", 5)),
      show(string.find("", "")), show(string.find("", "", 2)), show(string.find("", "a")))
print(show(string.find("a\0(b", "\0(")), show(string.find("abc\0", "%z")), show(string.find(12345, 34)))
print(show(string.match("  trim me  ", "^%s*(.-)%s*$")), show(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)")))
print(show(string.match("hello", "()ll()")), show(string.match("hello", "(h)(e)(l)(l)(o)")))
print(show(string.match("THE (quick) fox", "%((%a+)%)")), show(string.match("[[x]]", "%[(%b[])%]")))

-- gmatch quirks: '^' is not an anchor here, empty matches advance
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()
for w in string.gmatch("^a^b", "^.") do io.write("[", w, "]") end
print()
for p in string.gmatch("abc", "()") do io.write(p, " ") end
print()
for a in string.gmatch("abc", "x*") do io.write("<", a, ">") end
print()
local it = string.gmatch("one two", "%a+")
print(it(), it(), it(), it())

-- gsub: replacement kinds
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "o", "0", 1))
print(string.gsub("hello world", "o", "0", 0))
print(string.gsub("hello world", "o", "0", -1))
print(string.gsub("hello world", "o", "0", 2.7))
print(string.gsub("hello world", "(o)", "%1%1"))
print(string.gsub("hello world", "%w+", "%0 %0"))
print(string.gsub("hello world", "", "-"))
print(string.gsub("hello", "^", ">"))
print(string.gsub("hello", "$", "<"))
print(string.gsub("hello", "^h", "H"))
print(string.gsub("abc", "%w", "%%"))
print(string.gsub("abc", "%w", "%x%y"))
print(string.gsub("abc", "b", 42))
print(string.gsub(12321, 2, 0))
print(string.format("%q", (string.gsub("abc", "b", "%"))))
print(string.gsub("$name is $age", "%$(%w+)", {name = "Bob", age = 42}))
print(string.gsub("$name is $unknown", "%$(%w+)", {name = "Bob"}))
print(string.gsub("a b c", "%w", {a = false, b = "B"}))
print(string.gsub("hello world", "%w+", string.upper))
print(string.gsub("hello world", "(%w)(%w*)", function(a, b) return a:upper() .. b end))
print(string.gsub("abc", "%w", function(c) if c == "b" then return nil end return c .. c end))
print(string.gsub("abc", "%w", function(c) return false end))
print(string.gsub("abc", "%w", function(c) return 1.5 end))
print(string.gsub("abc", "()", function(p) return p end))
print(string.gsub("abc", "()(%w)", "%2%1"))
print(string.gsub("a,b,,c", ",", ";"))
print(string.gsub("x = 1 + 2", "%s", ""))
print(string.gsub("abc", ".", {a = 1, b = 2.5}))
print(string.gsub("\0a\0", "%z", "Z"))
print(string.gsub("abc", "", ""))
local calls = 0
print(string.gsub("aaa", "a", function() calls = calls + 1 end), calls)

-- back-references and position captures
print(show(string.find("abccba", "(.)(.)(.)%3%2%1")), show(string.match("xyzzy", "(z)%1")))
print(show(string.match("say 'hi' or \"bye\"", "([\"'])(.-)%1")), show(string.find("()()", "()%1")))
print(show(string.match("aaa", "(a*)%1")), show(string.match("abab", "((a)b)%1")))

-- frontier
print(string.gsub("THE (quick) fox", "%f[%a]%a+", "W"))
print(string.gsub("hello world", "%f[%w]", "|"))
print(string.gsub("hello world", "%f[%W]", "|"))
print(show(string.find("abc", "%f[%z]")), show(string.find("abc", "%f[^%z]")), show(string.find("", "%f[%z]")))

-- errors
local errpats = {"%", "a%", "[a", "[", "[^", "[a%", "[%", "%f", "%fa", "%f[a", "%b", "%ba", "(",
  "a(", ")", "a)", "(()", "%1", "(a)%2", "(a%1)", "%0", "(a", "((a)", "%g",
  string.rep("()", 32), string.rep("()", 33), string.rep("(", 33) .. string.rep(")", 33),
  "[]", "[^]", "x[]", "[%"}
for _, p in ipairs(errpats) do
  print(string.format("%q", p), try(string.find, "abc", p), try(string.match, "abc", p),
        try(string.gsub, "abc", p, "x"), try(function() local r = {} for a in string.gmatch("abc", p) do r[#r+1] = a end return #r end))
end
for _, r in ipairs({"%2", "%1", "%9", "%0%1", "%a", "%"}) do
  print(r, try(string.gsub, "abc", "b", r), try(string.gsub, "abc", "(b)", r))
end
print(try(string.gsub, "abc", "b", true), try(string.gsub, "abc", "b"), try(string.gsub, "abc", "b", nil, "x"))
print(try(string.gsub, "abc", "b", {b = {}}), try(string.gsub, "abc", "b", function() return {} end))
print(try(string.gsub, "abc", "b", function() return true end), try(string.gsub, "abc", "b", {b = print}))
print(try(string.gsub, "abc", "(", function() end), try(string.gsub, "abc", "(b", {}))
print(try(string.gsub), try(string.gsub, "x"), try(string.gsub, {}, "x", "y"), try(string.gsub, "x", {}, "y"))
print(try(string.find), try(string.find, "x"), try(string.find, "x", "y", "z"), try(string.match, "x", nil))
print(try(string.gmatch, "x"), try(string.gmatch, nil, "x"), try(string.find, "x", "x", {}))
print(try(string.gsub, "abc", "b", "x", "y"), try(string.gsub, "abc", "b", "x", {}))
-- gsub replacement errors raised from inside the function propagate unchanged
print(try(string.gsub, "abc", "b", function() error("boom", 0) end))

-- long subjects
local long = string.rep("ab", 5000) .. "c"
print(string.find(long, "c"), string.find(long, "b*c"), #string.gsub(long, "a", ""), string.find(long, "(ab)*c"))
print(select(2, string.gsub(long, "ab", "")), string.match(long, "^(.-)c$") == string.rep("ab", 5000))
print(string.find(string.rep("a", 10000), ".-$"), string.find(string.rep("a", 10000) .. "b", "a*b"))
