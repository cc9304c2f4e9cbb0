-- config.lua -- INI-style device configuration: [sections], key = value, ; and # comments,
-- typed by a schema with defaults, ranges and choices. Errors name the line.
local config = {}

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

local converters = {
  string = function(v) return v end,
  number = function(v) return tonumber(v) end,
  integer = function(v)
    local n = tonumber(v)
    if n and n == math.floor(n) then return n end
  end,
  boolean = function(v)
    v = v:lower()
    if v == "true" or v == "yes" or v == "on" or v == "1" then return true end
    if v == "false" or v == "no" or v == "off" or v == "0" then return false end
  end,
  list = function(v)
    local t = {}
    for item in v:gmatch("[^,]+") do t[#t + 1] = trim(item) end
    return t
  end,
}

function config.parse(text)
  local data, section, n = {}, nil, 0
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do
    n = n + 1
    line = trim(line)
    if line == "" or line:find("^[;#]") then
      -- comment
    elseif line:find("^%[") then
      local name = line:match("^%[([%w_%.]+)%]$")
      if not name then return nil, "line " .. n .. ": bad section header" end
      section = data[name] or {}
      data[name] = section
    else
      local k, v = line:match("^([%w_]+)%s*=%s*(.*)$")
      if not k then return nil, "line " .. n .. ": key = value expected" end
      if not section then return nil, "line " .. n .. ": key outside a section" end
      local q = v:match('^"(.*)"$')
      section[k] = { value = q or v, line = n }
    end
  end
  return data
end

-- schema: { section = { key = { type = "number", default = 1, min = 0, max = 10, choices = {...} } } }
function config.apply(data, schema)
  local out, problems = {}, {}
  for sname, keys in pairs(schema) do
    local sec = data[sname] or {}
    local o = {}
    out[sname] = o
    for key, spec in pairs(keys) do
      local raw = sec[key]
      local v
      if raw then
        v = converters[spec.type or "string"](raw.value)
        if v == nil then
          problems[#problems + 1] = string.format("line %d: %s.%s: %s expected, got '%s'",
            raw.line, sname, key, spec.type, raw.value)
        elseif spec.min and v < spec.min or spec.max and v > spec.max then
          problems[#problems + 1] = string.format("line %d: %s.%s: %s out of range [%s, %s]",
            raw.line, sname, key, tostring(v), tostring(spec.min), tostring(spec.max))
          v = nil
        elseif spec.choices then
          local okc = false
          for _, c in ipairs(spec.choices) do if c == v then okc = true end end
          if not okc then
            problems[#problems + 1] = string.format("line %d: %s.%s: '%s' is not one of %s",
              raw.line, sname, key, tostring(v), table.concat(spec.choices, "|"))
            v = nil
          end
        end
      end
      if v == nil then v = spec.default end
      o[key] = v
    end
    for key, raw in pairs(sec) do
      if not keys[key] then
        problems[#problems + 1] = string.format("line %d: unknown key %s.%s", raw.line, sname, key)
      end
    end
  end
  for sname in pairs(data) do
    if not schema[sname] then problems[#problems + 1] = "unknown section [" .. sname .. "]" end
  end
  table.sort(problems)
  return out, problems
end

return config
