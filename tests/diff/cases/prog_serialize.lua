local function ser(v, indent)
  indent = indent or ""
  local t = type(v)
  if t == "string" then return string.format("%q", v)
  elseif t == "number" or t == "boolean" or t == "nil" then return tostring(v)
  elseif t == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) then return a < b end
      return type(a) < type(b)
    end)
    local parts = {}
    for _, k in ipairs(keys) do
      local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. ser(k) .. "]"
      parts[#parts + 1] = indent .. "  " .. ks .. " = " .. ser(v[k], indent .. "  ")
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  end
  return "<" .. t .. ">"
end
print(ser({1, 2, "three", x = {y = {z = true}}, ["key with space"] = 1.5, [10] = false}))
local back = loadstring("return " .. ser({a = {1, 2}, b = "q\"uote"}))()
print(back.a[2], back.b)
