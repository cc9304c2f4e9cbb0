-- json.lua -- JSON encoder and decoder for sensor reports and configuration (RFC 8259 subset:
-- no \u surrogate pairs on output). Arrays are tables with keys 1..n; objects have string keys.
local json = {}

local concat, format, byte, char, sub = table.concat, string.format, string.byte, string.char, string.sub
local floor, huge = math.floor, math.huge
local type, pairs, ipairs, tostring, tonumber, error, setmetatable =
  type, pairs, ipairs, tostring, tonumber, error, setmetatable

json.null = setmetatable({}, { __tostring = function() return "null" end })

local escapes = {
  ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
}

local function escape_char(c)
  return escapes[c] or format("\\u%04x", byte(c))
end

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', escape_char) .. '"'
end

local function is_array(t)
  local n = 0
  for k in pairs(t) do
    if type(k) ~= "number" or k <= 0 or floor(k) ~= k then return false end
    if k > n then n = k end
  end
  for i = 1, n do
    if t[i] == nil then return false end
  end
  return true, n
end

local function encode_number(x)
  if x ~= x or x == huge or x == -huge then
    error("cannot encode " .. tostring(x) .. " in JSON", 0)
  end
  if floor(x) == x and x > -1e15 and x < 1e15 then
    return format("%d", x)
  end
  return format("%.14g", x)
end

local encode_value

local function encode_table(t, indent, depth, seen, out)
  if seen[t] then error("circular reference in JSON encode", 0) end
  if depth > 64 then error("JSON nesting too deep", 0) end
  seen[t] = true
  local arr, n = is_array(t)
  local nl, pad, pad2 = "", "", ""
  if indent then
    nl = "\n"
    pad = string.rep(indent, depth)
    pad2 = string.rep(indent, depth + 1)
  end
  if arr and (n > 0 or next(t) == nil) then
    if n == 0 then
      out[#out + 1] = "[]"
    else
      out[#out + 1] = "[" .. nl
      for i = 1, n do
        out[#out + 1] = pad2
        encode_value(t[i], indent, depth + 1, seen, out)
        if i < n then out[#out + 1] = "," end
        out[#out + 1] = nl
      end
      out[#out + 1] = pad .. "]"
    end
  else
    local keys = {}
    for k in pairs(t) do
      if type(k) ~= "string" then
        error("JSON object keys must be strings, got " .. type(k), 0)
      end
      keys[#keys + 1] = k
    end
    table.sort(keys)
    out[#out + 1] = "{" .. nl
    for i, k in ipairs(keys) do
      out[#out + 1] = pad2 .. encode_string(k) .. (indent and ": " or ":")
      encode_value(t[k], indent, depth + 1, seen, out)
      if i < #keys then out[#out + 1] = "," end
      out[#out + 1] = nl
    end
    out[#out + 1] = pad .. "}"
  end
  seen[t] = nil
end

encode_value = function(v, indent, depth, seen, out)
  local tv = type(v)
  if v == nil or v == json.null then
    out[#out + 1] = "null"
  elseif tv == "boolean" then
    out[#out + 1] = v and "true" or "false"
  elseif tv == "number" then
    out[#out + 1] = encode_number(v)
  elseif tv == "string" then
    out[#out + 1] = encode_string(v)
  elseif tv == "table" then
    encode_table(v, indent, depth, seen, out)
  else
    error("cannot encode a " .. tv .. " in JSON", 0)
  end
end

-- json.encode(value [, indent]) -> string
function json.encode(v, indent)
  local out = {}
  encode_value(v, indent, 0, {}, out)
  return concat(out)
end

-- ---------------------------------------------------------------- decoder

local Decoder = {}
Decoder.__index = Decoder

local function decode_error(d, msg)
  local line, col = 1, 1
  for i = 1, d.pos - 1 do
    if byte(d.s, i) == 10 then line = line + 1; col = 1 else col = col + 1 end
  end
  error(format("JSON error at line %d column %d: %s", line, col, msg), 0)
end

function Decoder:skip()
  local _, e = self.s:find("^[ \n\r\t]*", self.pos)
  self.pos = e + 1
end

function Decoder:peek()
  self:skip()
  return sub(self.s, self.pos, self.pos)
end

function Decoder:expect(c)
  if self:peek() ~= c then decode_error(self, "'" .. c .. "' expected") end
  self.pos = self.pos + 1
end

local unescape = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }

local function utf8char(cp)
  if cp < 0x80 then return char(cp) end
  if cp < 0x800 then return char(0xC0 + floor(cp / 64), 0x80 + cp % 64) end
  return char(0xE0 + floor(cp / 4096), 0x80 + floor(cp / 64) % 64, 0x80 + cp % 64)
end

function Decoder:string()
  self:expect('"')
  local s, pos, buf = self.s, self.pos, {}
  while true do
    local a, b = s:find('["\\%c]', pos)
    if not a then self.pos = #s + 1; decode_error(self, "unterminated string") end
    buf[#buf + 1] = sub(s, pos, a - 1)
    local c = sub(s, a, a)
    if c == '"' then
      self.pos = a + 1
      return concat(buf)
    elseif c == "\\" then
      local e = sub(s, a + 1, a + 1)
      if e == "u" then
        local hex = sub(s, a + 2, a + 5)
        if not hex:find("^%x%x%x%x$") then self.pos = a; decode_error(self, "bad \\u escape") end
        buf[#buf + 1] = utf8char(tonumber(hex, 16))
        pos = a + 6
      elseif unescape[e] then
        buf[#buf + 1] = unescape[e]
        pos = a + 2
      else
        self.pos = a
        decode_error(self, "bad escape \\" .. e)
      end
    else
      self.pos = a
      decode_error(self, "control character in string")
    end
    b = b
  end
end

function Decoder:number()
  local s, e = self.s:find("^-?%d+%.?%d*[eE]?[-+]?%d*", self.pos)
  if not s then decode_error(self, "bad number") end
  local n = tonumber(sub(self.s, s, e))
  if not n then decode_error(self, "bad number") end
  self.pos = e + 1
  return n
end

function Decoder:literal(word, value)
  if sub(self.s, self.pos, self.pos + #word - 1) ~= word then
    decode_error(self, "unexpected '" .. sub(self.s, self.pos, self.pos) .. "'")
  end
  self.pos = self.pos + #word
  return value
end

function Decoder:value(depth)
  if depth > 64 then decode_error(self, "nesting too deep") end
  local c = self:peek()
  if c == "{" then
    local obj = {}
    self.pos = self.pos + 1
    if self:peek() == "}" then self.pos = self.pos + 1; return obj end
    repeat
      local k = self:string()
      self:expect(":")
      obj[k] = self:value(depth + 1)
      local sep = self:peek()
      self.pos = self.pos + 1
      if sep ~= "," and sep ~= "}" then self.pos = self.pos - 1; decode_error(self, "',' or '}' expected") end
    until sep == "}"
    return obj
  elseif c == "[" then
    local arr, n = {}, 0
    self.pos = self.pos + 1
    if self:peek() == "]" then self.pos = self.pos + 1; return arr end
    repeat
      n = n + 1
      arr[n] = self:value(depth + 1)
      local sep = self:peek()
      self.pos = self.pos + 1
      if sep ~= "," and sep ~= "]" then self.pos = self.pos - 1; decode_error(self, "',' or ']' expected") end
    until sep == "]"
    return arr
  elseif c == '"' then
    return self:string()
  elseif c == "t" then
    return self:literal("true", true)
  elseif c == "f" then
    return self:literal("false", false)
  elseif c == "n" then
    return self:literal("null", json.null)
  elseif c == "" then
    decode_error(self, "unexpected end of input")
  else
    return self:number()
  end
end

-- json.decode(text) -> value (json.null for null); raises "JSON error at line L column C: ..."
function json.decode(s)
  local d = setmetatable({ s = s, pos = 1 }, Decoder)
  local v = d:value(0)
  if d:peek() ~= "" then decode_error(d, "trailing garbage") end
  return v
end

return json
