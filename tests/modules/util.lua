-- Shared helpers for the module tests: a deterministic printer (sorted keys, no addresses),
-- so that the output does not depend on the table iteration order of the interpreter.
local M = {}

local function keycmp(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

function M.show(v, seen)
  local t = type(v)
  if t == "string" then return string.format("%q", v) end
  if t ~= "table" then
    if t == "number" or t == "boolean" or t == "nil" then return tostring(v) end
    return "<" .. t .. ">"
  end
  seen = seen or {}
  if seen[v] then return "<cycle>" end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, keycmp)
  local parts = {}
  for _, k in ipairs(keys) do
    parts[#parts + 1] = "[" .. M.show(k, seen) .. "]=" .. M.show(v[k], seen)
  end
  seen[v] = nil
  return "{" .. table.concat(parts, ",") .. "}"
end

-- Prints a label and every value (also nils and multiple results) in show() form.
function M.p(label, ...)
  local n = select("#", ...)
  local out = {}
  for i = 1, n do out[i] = M.show((select(i, ...))) end
  print(label .. ": " .. table.concat(out, ", "))
end

-- pcall, printing "ok" + results or the error message.
function M.try(label, f, ...)
  local r = { pcall(f, ...) }
  if r[1] then
    M.p(label .. " ok", unpack(r, 2, table.maxn(r)))
  else
    print(label .. " error: " .. tostring(r[2]))
  end
end

return M
