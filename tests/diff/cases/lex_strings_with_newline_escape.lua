local s = "first\
second\
third"
print(s)
print(#s)
local t = 'single\
quoted'
print(t)
print("tab\tnewline\\n literal")
print("crlf escaped: \r\n" == "\13\10")
