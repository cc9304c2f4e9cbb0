-- lpeg (compiled C module): patterns, captures, grammars, and the pure-Lua re module on top.
local lpeg = require "lpeg"
local U = require "util"
local P, R, S, V, C, Ct, Cc, Cs, Cg, Cb, Cf, Cp, Carg, Cmt =
  lpeg.P, lpeg.R, lpeg.S, lpeg.V, lpeg.C, lpeg.Ct, lpeg.Cc, lpeg.Cs, lpeg.Cg, lpeg.Cb,
  lpeg.Cf, lpeg.Cp, lpeg.Carg, lpeg.Cmt

print(type(lpeg.version()))
U.p("type", lpeg.type(P"a"), lpeg.type(1), lpeg.type({}))

-- basic patterns
U.p("P string", (P"hello"):match("hello world"), (P"hello"):match("help"))
U.p("P n", (P(3)):match("abcd"), (P(5)):match("abcd"), (P(-2)):match("a"), (P(-2)):match("abc"))
U.p("P bool", (P(true)):match("x"), (P(false)):match("x"))
U.p("R", (R("az", "09")^1):match("abc123XYZ"), (R"AZ"):match("a"))
U.p("S", (S"+-*/"^0):match("+-*/x"), (S""):match("a"))
U.p("seq/alt", (P"a" * P"b" + P"c"):match("ab"), (P"a" * P"b" + P"c"):match("cb"))
U.p("not/and", (-P"a" * 1):match("b"), (-P"a" * 1):match("a"), (#P"a" * 1):match("a"))
U.p("diff", ((1 - P";")^0 * ";"):match("abc;def"))
U.p("rep", (P"a"^2):match("a"), (P"a"^2):match("aaaa"), (P"a"^-2):match("aaaa"))

-- captures
U.p("C", C(R"az"^1):match("hello world"))
U.p("C nested", C(C"a" * C"b"):match("abc"))
U.p("Ct", Ct(C(R"az"^1) * (" " * C(R"az"^1))^0):match("one two three"))
U.p("Cc", (P"x" * Cc(1, "two", true)):match("x"))
U.p("Cp", (P"ab" * Cp()):match("abc"), Ct((Cp() * P"a")^0):match("aaa"))
U.p("Cs", Cs((P"a" / "A" + 1)^0):match("banana"))
U.p("/string", (C"a" * C"b" / "%2%1%0"):match("ab"))
U.p("/table", (C(R"az"^1) / { cat = "CAT", dog = "DOG" }):match("dog"))
U.p("/func", (C(R"09"^1) / tonumber / function(n) return n * 2 end):match("21"))
U.p("Cg/Cb", (Cg(C"a", "x") * Cb("x") * Cb("x")):match("a"))
U.p("Cg table", Ct(Cg(C(R"az"^1), "name") * "=" * Cg(C(R"09"^1) / tonumber, "val")):match("width=42"))
local num = C(R"09"^1) / tonumber
U.p("Cf", Cf(num * ("," * num)^0, function(a, b) return a + b end):match("1,2,3,4"))
U.p("Carg", (P"a" * Carg(1) * Carg(2)):match("a", 1, "extra", { k = 1 }))
U.p("Cmt", Cmt(P"x"^1, function(s, i) return i <= 3, "short" end):match("xx"),
  Cmt(P"x"^1, function(s, i) return i <= 3 end):match("xxxx"))
U.p("init", (P"b"):match("abc", 2), (P"b"):match("abc", -2), C(1):match("abc", 10))

-- search and split helpers built from patterns
local function anywhere(p) return P{ p + 1 * lpeg.V(1) } end
U.p("anywhere", (anywhere(C"needle")):match("haystack with a needle in it"))
local function split(s, sep)
  sep = P(sep)
  local elem = C((1 - sep)^0)
  return lpeg.match(Ct(elem * (sep * elem)^0), s)
end
U.p("split", split("a,b,,c", ","), split("", ","))
local function gsub(s, patt, repl)
  patt = P(patt)
  return lpeg.match(Cs((patt / repl + 1)^0), s)
end
U.p("gsub", gsub("hello world", "o", "0"))

-- grammars: arithmetic evaluator
local space = S" \t\n"^0
local function tok(p) return p * space end
local number = tok(C(P"-"^-1 * R"09"^1 * (P"." * R"09"^1)^-1) / tonumber)
local addop = tok(C(S"+-"))
local mulop = tok(C(S"*/"))
local function fold(t)
  local acc = t[1]
  for i = 2, #t, 2 do
    local op, v = t[i], t[i + 1]
    if op == "+" then acc = acc + v elseif op == "-" then acc = acc - v
    elseif op == "*" then acc = acc * v else acc = acc / v end
  end
  return acc
end
local calc = P{
  "Exp",
  Exp = Ct(V"Term" * (addop * V"Term")^0) / fold,
  Term = Ct(V"Factor" * (mulop * V"Factor")^0) / fold,
  Factor = number + tok(P"(") * V"Exp" * tok(P")"),
}
calc = space * calc * -1
for _, e in ipairs{ "1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", " 2 * (3 + 4) * 5 ", "1 +", "-3*-3" } do
  U.p("calc " .. e, calc:match(e))
end

-- balanced parentheses and a JSON-ish list grammar
local bal = P{ "(" * ((1 - S"()") + V(1))^0 * ")" }
U.p("balanced", bal:match("(a(b)c)d"), bal:match("(a(b c"))
local list = P{
  "List",
  List = Ct("[" * space * (V"Item" * ("," * space * V"Item")^0)^-1 * "]") * space,
  Item = (V"List" + C(R"az"^1) * space),
}
U.p("list", list:match("[a, [b, c], [], [[d]]]"))

-- errors raised by lpeg itself
U.try("bad arg", lpeg.match, P"a")
U.try("bad arg 2", lpeg.match, P"a", {})
U.try("bad range", function() return R("abc") end)
U.try("left rec", function() return P{ V"A", A = V"A" * "a" } end)
U.try("undefined rule", function() return P{ "A", A = V"B" } end)
U.try("loop body", function() return (P(true))^0 end)

-- the re module (pure Lua, compiled into lpeg patterns)
local ok, re = pcall(require, "re")
if ok then
  U.p("re.match", re.match("the number 423 is odd", "({%a+} / .)*"))
  U.p("re.find", re.find("the number 423 is odd", "[0-9]+"))
  U.p("re.gsub", re.gsub("hello world", "'o'", "0"))
  local g = re.compile([[
    list <- {| item (',' item)* |}
    item <- { [a-z]+ } / num
    num  <- [0-9]+ -> tonumber
  ]], { tonumber = tonumber })
  U.p("re.grammar", g:match("a,12,bc,3"))
  U.try("re syntax", re.compile, "a <- (")
end

-- big results: luaL_Buffer growth (Cs over more than LUAL_BUFFERSIZE), many stack values
local long = string.rep("abc", 40000)
local sub = Cs((P"b" / "BB" + 1)^0):match(long)
U.p("big Cs", #sub, sub:sub(1, 8), sub:sub(-8))
U.p("many captures", select("#", (C(1)^0):match(string.rep("x", 5000))))
U.p("big Ct", #Ct(C(1)^0):match(long))
local words = Ct((C(R"az"^1) + 1)^0):match(string.rep("word ", 20000))
U.p("words", #words, words[1], words[20000])
