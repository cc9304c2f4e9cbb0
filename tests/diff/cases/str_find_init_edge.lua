local s = "abcabc"
for _, init in ipairs({-10, -6, -3, -1, 0, 1, 3, 6, 7, 8, 100}) do
  io.write(tostring(init), ":", tostring((s:find("c", init))), ",", tostring((s:find("", init))), " ")
end
print()
print(s:match("()", 7), s:match("()", 8), s:match("()", -100))
print(("abc"):gmatch("()")(), #("x"):rep(0))
