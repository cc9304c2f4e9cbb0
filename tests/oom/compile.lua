-- the compiler under memory pressure
local src = {}
for i = 1, 40 do
  src[#src + 1] = ("local function f%d(a, b, ...) local t = {a, b, ...; x = %d} return #t + t.x end"):format(i, i)
end
src[#src + 1] = "return f1(1, 2, 3)"
local f = assert(loadstring(table.concat(src, "\n")))
print(f())
print(pcall(loadstring, "x = = 1"))
