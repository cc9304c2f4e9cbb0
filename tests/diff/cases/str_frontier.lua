local s = "THE (quick) fox jumps OVER lazy dogs"
for w in s:gmatch("%f[%a]%a+") do io.write(w, ",") end print()
for w in s:gmatch("%f[%u]%u+%f[%U]") do io.write(w, ",") end print()
print(("hello world"):gsub("%f[%w]%w+", function(w) return w:sub(1, 1):upper() .. w:sub(2) end))
print(("aaa bbb"):find("%f[b]"), ("x"):find("%f[x]"), ("x"):find("%f[%z]"))
print(("foo.bar"):gsub("%f[%a]", "<"))
print(("ab12cd"):gsub("%f[%d]", "["))
print(("ab12cd"):gsub("%f[%D]", "]"))
