local a,b,c,d,e,f,g,h,i,j = "a","b","c","d","e","f","g","h","i","j"
print(a..b..c..d..e..f..g..h..i..j..a..b..c..d..e..f..g..h..i..j..a..b..c..d..e..f..g..h..i..j)
local n = 1
print(n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n..n)
local parts = {}
for k = 1, 100 do parts[#parts+1] = "x" .. k end
local code = "return " .. table.concat(parts, "..")
local env = {}
for k = 1, 100 do env["x" .. k] = k % 10 end
local fn = assert(loadstring(code))
setfenv(fn, env)
local r = fn()
print(#r, r:sub(1, 30))
