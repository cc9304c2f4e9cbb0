local t = {[[a]], [=[b]=], [==[c]==]}
print(table.concat(t, ","))
print(#[[]], #[==[]==])
print([[x]] .. [[y]])
print(("%s"):format[[fmt]])
local function id(...) return ... end
print(id[[call with long string]])
print(id"call with string", id{1} ~= nil)
