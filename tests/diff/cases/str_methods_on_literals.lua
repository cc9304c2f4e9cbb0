print(("abc"):upper(), ("%d"):format(5), ("x"):rep(3), ("a,b"):find(","))
local s = "Hello"
print(s:byte(), s:byte(-1), s:sub(2):lower())
print(#s:rep(3), s:len() * 2)
print(("  pad  "):match("^%s*(.-)%s*$"))
print(("k=v"):gsub("(%w)=(%w)", "%2=%1"))
print(string.format("%s", ("x"):rep(2)))
