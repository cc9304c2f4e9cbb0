-- base64.lua -- RFC 4648 base64 (standard alphabet, '=' padding) without a bit library.
local base64 = {}

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local floor, byte, char, sub, concat = math.floor, string.byte, string.char, string.sub, table.concat

local enc, dec = {}, {}
for i = 1, 64 do
  local c = sub(alphabet, i, i)
  enc[i - 1] = c
  dec[byte(c)] = i - 1
end

function base64.encode(s)
  local out, n = {}, #s
  for i = 1, n, 3 do
    local a, b, c = byte(s, i, i + 2)
    local v = a * 65536 + (b or 0) * 256 + (c or 0)
    local c1 = floor(v / 262144)
    local c2 = floor(v / 4096) % 64
    local c3 = floor(v / 64) % 64
    local c4 = v % 64
    out[#out + 1] = enc[c1] .. enc[c2] .. (b and enc[c3] or "=") .. (c and enc[c4] or "=")
  end
  return concat(out)
end

function base64.decode(s)
  s = s:gsub("[%s]", "")
  if #s % 4 ~= 0 then return nil, "base64 length must be a multiple of 4" end
  local out = {}
  for i = 1, #s, 4 do
    local v, pad = 0, 0
    for j = i, i + 3 do
      local c = byte(s, j)
      if c == 61 then -- '='
        pad = pad + 1
        v = v * 64
      else
        local d = dec[c]
        if not d or pad > 0 then return nil, "invalid base64 character at " .. j end
        v = v * 64 + d
      end
    end
    local a = floor(v / 65536)
    local b = floor(v / 256) % 256
    local c = v % 256
    if pad == 0 then out[#out + 1] = char(a, b, c)
    elseif pad == 1 then out[#out + 1] = char(a, b)
    elseif pad == 2 then out[#out + 1] = char(a)
    else return nil, "bad padding" end
  end
  return concat(out)
end

return base64
