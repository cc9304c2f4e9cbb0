local t = {}
local function run() t.handler() end
run()
