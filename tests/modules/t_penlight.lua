-- Penlight (pure Lua library, uses lfs): a few pl.* modules.
local U = require "util"
local List = require "pl.List"
local stringx = require "pl.stringx"
local tablex = require "pl.tablex"
local utils = require "pl.utils"
local pretty = require "pl.pretty"
local path = require "pl.path"
local seq = require "pl.seq"
local class = require "pl.class"
local OrderedMap = require "pl.OrderedMap"
local template = require "pl.template"
local Set = require "pl.Set"
local sip = require "pl.sip"
local func = require "pl.func"
local lexer = require "pl.lexer"
local text = require "pl.text"

-- List
local l = List{ 10, 20, 30 }
l:append(40):extend{ 50, 60 }
U.p("List", tostring(l), l:len(), l:index(30), l:contains(99))
U.p("List slice", tostring(l:slice(2, 4)), tostring(l:map(function(x) return x / 10 end)))
U.p("List filter", tostring(l:filter(function(x) return x > 25 end)), l:reduce("+"))
U.p("List sort", tostring(List{ 3, 1, 2 }:sort()), tostring(List{ 3, 1, 2 }:reverse()))
U.p("List split", tostring(List.split("a b  c")))

-- stringx
U.p("split", stringx.split("a,b,,c", ","), stringx.split("  x  y "))
U.p("strip", stringx.strip("  hi  "), stringx.lstrip("xxhixx", "x"), stringx.rstrip("hi\n"))
U.p("startswith", stringx.startswith("flashlua", "flash"), stringx.endswith("flashlua", "lua"))
U.p("replace", stringx.replace("a.b.c", ".", "::"), stringx.count("banana", "an"))
U.p("join/lines", stringx.join("-", { "a", "b" }), List(stringx.splitlines("l1\nl2\r\nl3")):len())
U.p("partition", stringx.partition("key=value=x", "="))
U.p("shorten/center", stringx.shorten("a long sentence here", 10), "[" .. stringx.center("x", 5) .. "]")
U.p("title", stringx.title("hello lua world"), stringx.capitalize and stringx.capitalize("abc"))

-- tablex
U.p("tablex.keys", List(tablex.keys{ a = 1, b = 2, c = 3 }):sort())
U.p("tablex.deepcompare", tablex.deepcompare({ 1, { 2 } }, { 1, { 2 } }), tablex.deepcompare({ 1 }, { 2 }))
U.p("tablex.map", tablex.map(function(x) return x * x end, { 1, 2, 3 }))
U.p("tablex.merge", tablex.merge({ a = 1, b = 2 }, { b = 3, c = 4 }, true))
U.p("tablex.zip", tablex.zip({ 1, 2 }, { "a", "b" }))
U.p("tablex.range", tablex.range(1, 10, 3), tablex.size{ x = 1, y = 2 })
U.p("tablex.find", tablex.find({ "a", "b", "c" }, "c"), tablex.count_map{ "x", "y", "x" })
U.p("tablex.sort", (function() local r = {} for k, v in tablex.sort{ c = 3, a = 1, b = 2 } do r[#r + 1] = k .. v end return table.concat(r, " ") end)())

-- utils, func
U.p("utils.split", utils.split("1 2 3"), utils.escape("a.b*c"))
U.p("utils.memoize", (function() local n = 0 local f = utils.memoize(function(x) n = n + 1 return x * 2 end) f(2) f(2) f(3) return n end)())
U.p("utils.bind1", utils.bind1(math.max, 10)(3))
U.p("func", func.compose(function(x) return x + 1 end, function(x) return x * 2 end)(5))
U.try("utils.assert_arg", utils.assert_arg, 1, 42, "string")

-- pretty
U.p("pretty.write", pretty.write({ 1, 2, { "x", true } }, ""))
U.p("pretty.read", pretty.read("{1,2,a='b'}"))
U.p("pretty.number", pretty.number(123456, "M"), pretty.number(1536, "N"))

-- path (uses lfs)
U.p("path", path.join("a", "b", "c.lua"), { path.splitext("dir/file.tar.gz") }, path.basename("/x/y.z"))
U.p("path.normpath", path.normpath("/a/./b/../c//d"), path.isabs("/x"), path.isabs("x"))
U.p("path.exists", path.exists("t_penlight.lua") ~= false, path.isdir("."), path.isfile("."))

-- seq
U.p("seq", seq.copy(seq.map(function(x) return x * 10 end, seq.range(1, 4))))
U.p("seq.sum", seq.sum(seq.list{ 1, 2, 3, 4 }))
U.p("seq.count", seq.count({ 1, 5, 10, 15 }, function(x) return x > 4 end))

-- class
local Animal = class()
function Animal:_init(name) self.name = name end
function Animal:speak() return self.name .. " makes a sound" end
local Dog = class(Animal)
function Dog:speak() return self.name .. " barks" end
local d = Dog("rex")
U.p("class", d:speak(), Animal("cat"):speak(), d:is_a(Animal), Dog:class_of(d), Animal:class_of(d))

-- OrderedMap, Set
local om = OrderedMap()
om:set("z", 1); om:set("a", 2); om:set("m", 3)
U.p("OrderedMap", List(om:keys()), tostring(om))
local s1, s2 = Set{ 1, 2, 3 }, Set{ 2, 3, 4 }
U.p("Set", List(Set.values(s1 * s2)):sort(), Set.len(s1 + s2), Set.values(s1 - s2))

-- template, sip, data, lexer, text
U.p("template", (template.substitute("Hello $(name)!\n# for i=1,2 do\n$(i)\n# end\n", { name = "lua" })))
local res = {}
U.p("sip", sip.match("$v{name}=$d{value}", "width=42", res), res)
U.p("lexer", (function() local r = {} for t, v in lexer.lua("local x = 1 + y -- c") do r[#r + 1] = t .. ":" .. v end return table.concat(r, " ") end)())
U.p("text", text.indent("a\nb\n", 2), text.wrap("the quick brown fox jumps", 10))
U.p("text.Template", text.Template("x=$x y=${y}"):substitute{ x = 1, y = 2 })
