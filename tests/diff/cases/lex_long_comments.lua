--[[ a long
comment ]] print("after long comment")
--[==[ level 2 ]] still comment
]==] print("after level 2")
--[=[]=] print("empty long comment")
-- [[ this is a line comment ]] print("not printed")
print("x") --[[ trailing ]] print("y")
---[[ line comment starting with three dashes
print("three dashes")
--]]
--[[
print("inside")
--]]
print("end")
--[ not long
print("bracket line comment")
