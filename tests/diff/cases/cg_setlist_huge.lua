-- constructors with so many items that SETLIST needs its extended form
local items = {}
for i = 1, 30000 do items[i] = tostring(i % 97) end
local f = assert(loadstring("return {" .. table.concat(items, ",") .. "}"))
local t = f()
local s = 0
for i = 1, #t do s = s + t[i] end
print(#t, s, t[25550], t[25551], t[30000])
local g = assert(loadstring("local function v(...) return ... end return {" ..
  table.concat(items, ",", 1, 26000) .. ", v(1, 2, 3)}"))
local u = g()
print(#u, u[26001], u[26003])
