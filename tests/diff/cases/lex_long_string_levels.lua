-- long strings of several levels
local s0 = [[hello]]
local s1 = [=[a]]b]=]
local s2 = [==[x]=]y]]z]==]
local s3 = [===[]==]]===]
print(s0, s1, s2, s3)
print(#s0, #s1, #s2, #s3)
-- first newline is skipped
local s4 = [[
line1
line2]]
print(s4, #s4)
local s5 = [==[

two newlines]==]
print(#s5, s5)
-- no escapes interpreted
print([[a\nb\t\\]])
print([==[[[nested]]]==])
-- CR LF handling inside long strings
local s6 = loadstring("return [[a\r\nb]]")()
print(#s6, s6 == "a\nb")
local s7 = loadstring("return [[a\n\rb]]")()
print(#s7)
local s8 = loadstring("return [[a\r\rb]]")()
print(#s8, (s8:gsub("\n", "N")))
