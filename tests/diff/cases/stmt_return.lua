local function f() return end
local function g() return nil end
local function h() return 1, 2, 3 end
print(select("#", f()), select("#", g()), select("#", h()))
local function early(x)
  if x then return "early" end
  return "late"
end
print(early(true), early(false))
local function tail() do return "from do" end end
print(tail())
local function wrapped() return (h()) end
print(wrapped())
local function multi() return h(), h() end
print(multi())
local function onlyf() return f() end
print(select("#", onlyf()))
