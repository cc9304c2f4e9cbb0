local a, b = 10, 3
print(a-b, a- -b, a - - b, a--b
)
print(a..b, a .. b, a.. b)
print(a<b, a>b, a<=b, a>=b, a==b, a~=b)
print(-a^2, - a ^ 2, (-a)^2)
print(#"abc"+1, #"abc".."x")
local t = {a=1,b=2}
print(t.a+t.b, t["a"]*t["b"])
