local M = {}
function M.field_fn() error("deep error") end
function M:method_fn() M.field_fn() end
local function local_fn() M:method_fn() end
function global_fn() local_fn() end
local up = function() global_fn() end
local function uses_up() up() end
uses_up()
