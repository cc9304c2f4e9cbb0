-- cjson (compiled C module): encode/decode round trips, options, errors.
local cjson = require "cjson"
local U = require "util"

U.p("null", cjson.null == cjson.null, type(cjson.null))

-- encoding scalars and arrays (objects with one key only: the key order of bigger objects
-- follows the table traversal order, which is not part of the 5.1 contract)
for _, v in ipairs{ 0, 1, -1, 0.5, 1e10, 123456789012, -2.5e-7, "", "abc", "quote\"back\\slash",
                    "ctl\1\31\127", "tab\tnl\nret\r", "utf8 \226\130\172", true, false } do
  print(cjson.encode(v))
end
print(cjson.encode(cjson.null))
print(cjson.encode({}))
print(cjson.encode({ 1, 2, 3, "x", false }))
print(cjson.encode({ { 1 }, { { 2 } }, { a = { b = "c" } } }))
print(cjson.encode({ key = "value" }))
print(cjson.encode({ [1] = "a", [2] = cjson.null, [3] = "c" }))

-- decoding
local docs = {
  '{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":-1.5e3}',
  '[1, 2.5, "three", {"four": 4}, [], {}]',
  '"\\u0041\\u00e9\\u20ac\\ud83d\\ude00 \\n\\t\\"\\\\\\/"',
  '  123  ', 'true', 'null', '[[[[[]]]]]', '{"":""}', '0.1', '-0', '1E2', '[1,2,3,4,5,6,7,8,9,10,11]',
}
for _, d in ipairs(docs) do
  local v = cjson.decode(d)
  U.p("decode " .. d, v == cjson.null and "<null>" or v)
end

-- round trips: decode(encode(v)) == v, encode(decode(s)) == s for canonical s
local function same(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do if not same(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
local values = {
  { 1, 2, { 3, { 4, { 5 } } } },
  { name = "flashlua", version = 5.1, tags = { "lua", "mcu" }, nested = { deep = { deeper = true } } },
  { list = {}, num = -0.25, big = 2 ^ 52, str = string.rep("xy", 100) },
}
for i, v in ipairs(values) do
  local s = cjson.encode(v)
  U.p("roundtrip " .. i, same(cjson.decode(s), v), #s)
end
for _, s in ipairs{ '[1,2,3]', '{"a":[1,{"b":null}]}', '"x\\ny"', '[true,false]' } do
  U.p("canonical " .. s, cjson.encode(cjson.decode(s)) == s)
end

-- a large array and a long string
local big = {}
for i = 1, 2000 do big[i] = i * 3 end
local s = cjson.encode(big)
U.p("big", #s, cjson.decode(s)[2000], #cjson.decode(s))

-- errors
local bad = { '', '{', '[1,2', '{"a" 1}', '[1,]', 'nul', '"unterminated', '{"a":1}x', '01',
              '[-]', '"\\u12"', '"\\q"', '{1:2}', '\1' }
for _, d in ipairs(bad) do U.try("decode " .. string.format("%q", d), cjson.decode, d) end
U.try("encode function", cjson.encode, { f = print })
U.try("encode sparse", cjson.encode, { [1] = 1, [1000] = 2 })
U.try("encode mixed", function() return cjson.decode(cjson.encode({ 1, 2, x = 3 })) end)
local cyc = {}; cyc[1] = cyc
U.try("encode cycle", cjson.encode, cyc)
U.try("encode nan", cjson.encode, 0 / 0)
U.try("encode inf", cjson.encode, 1 / 0)
U.try("decode number arg", cjson.decode, 42)
U.try("decode no arg", cjson.decode)

-- configuration and independent instances
local c2 = cjson.new()
c2.encode_sparse_array(true)
U.try("sparse allowed", c2.encode, { [1] = 1, [5] = 2 })
U.p("keep buffer", c2.encode_keep_buffer(false))
U.p("max depth", c2.encode_max_depth(3))
U.try("too deep", c2.encode, { { { { 1 } } } })
c2.decode_max_depth(2)
U.try("decode too deep", c2.decode, "[[[1]]]")
U.p("number precision", c2.encode_number_precision(3), c2.encode(math.pi))
U.p("default unaffected", cjson.encode(math.pi))
local ok, safe = pcall(require, "cjson.safe")
if ok then U.p("safe", safe.decode("[1,"), safe.encode({ 1 })) end
