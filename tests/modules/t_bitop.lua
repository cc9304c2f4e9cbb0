-- LuaBitOp (compiled C module "bit"): every function, edge values, argument errors.
local bit = require "bit"
local U = require "util"

local vals = { 0, 1, -1, 2, 0x7fffffff, -0x80000000, 0x80000000, 0xffffffff, 0x12345678,
               0x87654321, 2^32 + 5, -2^32 - 5, 1.5, -1.5, 2.5, 1e9, 0.0 }
for _, v in ipairs(vals) do
  U.p("tobit " .. string.format("%.17g", v), bit.tobit(v), bit.bnot(v), bit.bswap(v),
      bit.tohex(v), bit.tohex(v, 4), bit.tohex(v, -3))
end
for _, a in ipairs{ 0, 1, 0x0f0f0f0f, -1, 0x12345678 } do
  for _, b in ipairs{ 0, 0xff, -1, 0x55555555 } do
    U.p("ops " .. a .. " " .. b, bit.band(a, b), bit.bor(a, b), bit.bxor(a, b))
  end
end
U.p("multi", bit.band(0xff, 0x0f, 0x3), bit.bor(1, 2, 4, 8), bit.bxor(1, 3, 7, 15))
for _, n in ipairs{ 0, 1, 4, 31, 32, 33, -1 } do
  U.p("shift " .. n, bit.lshift(1, n), bit.rshift(0x80000000, n), bit.arshift(0x80000000, n),
      bit.rol(0x12345678, n), bit.ror(0x12345678, n))
end
U.p("tohex big n", bit.tohex(0x1234, 8), bit.tohex(0x1234, 1), bit.tohex(-1, -8))
-- a small checksum loop
local crc = 0xffffffff
for i = 1, 200 do
  crc = bit.bxor(crc, i)
  for _ = 1, 8 do
    local mask = -bit.band(crc, 1)
    crc = bit.bxor(bit.rshift(crc, 1), bit.band(0xedb88320, mask))
  end
end
U.p("crc", bit.tohex(bit.bnot(crc)))
-- errors
U.try("no arg", bit.band)
U.try("string arg", bit.bor, "x")
U.try("numeric string", bit.bor, "12", 1)
U.try("table arg", bit.tobit, {})
U.try("nil arg", bit.lshift, 1)
