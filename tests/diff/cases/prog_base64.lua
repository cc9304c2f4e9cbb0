local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function enc(data)
  local out = {}
  for i = 1, #data, 3 do
    local a, b, c = data:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local c1 = math.floor(n / 262144) % 64
    local c2 = math.floor(n / 4096) % 64
    local c3 = math.floor(n / 64) % 64
    local c4 = n % 64
    out[#out + 1] = chars:sub(c1 + 1, c1 + 1) .. chars:sub(c2 + 1, c2 + 1) ..
      (b and chars:sub(c3 + 1, c3 + 1) or "=") .. (c and chars:sub(c4 + 1, c4 + 1) or "=")
  end
  return table.concat(out)
end
local function dec(s)
  local map = {}
  for i = 1, #chars do map[chars:sub(i, i)] = i - 1 end
  local out = {}
  for i = 1, #s, 4 do
    local q = {s:byte(i, i + 3)}
    local n, pad = 0, 0
    for j = 1, 4 do
      local ch = string.char(q[j])
      if ch == "=" then pad = pad + 1 n = n * 64 else n = n * 64 + map[ch] end
    end
    local bytes = string.char(math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
    out[#out + 1] = bytes:sub(1, 3 - pad)
  end
  return table.concat(out)
end
for _, s in ipairs({"", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!\0\255"}) do
  local e = enc(s)
  print(e, dec(e) == s)
end
