local t = {"a", "b", "c"}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
for i in range(4) do io.write(i, " ") end print()
-- stateless iterator with state and control
local function iter(s, c) if c < s then return c + 1, c * c end end
for a, b in iter, 5, 0 do io.write(a, ":", b, " ") end print()
-- extra values are nil
for a, b, c in ipairs({"x"}) do print(a, b, c) end
-- loop variable is a fresh local per iteration
local fns = {}
for i, v in ipairs({10, 20, 30}) do fns[i] = function() return v end end
print(fns[1](), fns[2](), fns[3]())
-- pairs over an array part in order
local sum = 0
for k, v in pairs({1, 2, 3, 4}) do sum = sum + k * v end
print(sum)
-- next directly
local k, v = next({}, nil)
print(k, v)
for k, v in next, {5} do print(k, v) end
print(pcall(function() for x in nil do end end))
print(pcall(function() for x in 5 do end end))
