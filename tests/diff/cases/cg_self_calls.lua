local obj = {v = 1}
function obj:add(n) self.v = self.v + n return self end
function obj:get() return self.v end
print(obj:add(1):add(2):add(3):get())
local s = "hello"
print(s:upper():lower():rep(2):sub(3, 7):len())
local t = {inner = {val = "deep"}}
function t.inner:show(pre) return pre .. self.val end
print(t.inner:show("-> "), t["inner"]:show("=> "))
local key = "show"
print(t.inner[key](t.inner, "# "))
local arr = {obj}
print(arr[1]:get())
