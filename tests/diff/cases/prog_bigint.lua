-- arbitrary precision factorial with base 10^7 limbs
local BASE = 10000000
local function mul(a, m)
  local carry = 0
  for i = 1, #a do
    local v = a[i] * m + carry
    a[i] = v % BASE
    carry = math.floor(v / BASE)
  end
  while carry > 0 do a[#a + 1] = carry % BASE carry = math.floor(carry / BASE) end
end
local function tostr(a)
  local parts = {tostring(a[#a])}
  for i = #a - 1, 1, -1 do parts[#parts + 1] = string.format("%07d", a[i]) end
  return table.concat(parts)
end
local n = {1}
for i = 2, 100 do mul(n, i) end
local s = tostr(n)
print(#s, s:sub(1, 40), s:sub(-30))
