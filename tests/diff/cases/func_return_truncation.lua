local function mr() return 1, 2, 3 end
local t = {mr(), mr()}
print(#t)
local u = {(mr())}
print(#u)
print((mr()))
local a = {mr(), nil}
print(#a)
local function ret_paren() return (mr()) end
print(ret_paren())
local function ret_list() return mr(), (mr()) end
print(ret_list())
print(mr(), (mr()))
print(string.rep("x", (mr())))
