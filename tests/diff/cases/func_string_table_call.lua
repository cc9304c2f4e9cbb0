local function show(x)
  if type(x) == "table" then return "table " .. #x end
  return "string " .. x
end
print(show"abc", show{1, 2, 3}, show[[long]])
local o = {}
function o:m(t) return type(t) end
print(o:m{}, o:m"s")
local chain = function(a) return function(b) return a .. b end end
print(chain"x""y")
print(string.format"%%", #string.format"abc")
