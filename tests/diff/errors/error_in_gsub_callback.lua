print(("abc"):gsub(".", function(c) if c == "b" then error("bad char " .. c) end end))
