local function f() return string.rep() end
f()
