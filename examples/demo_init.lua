-- demo_init.lua -- the start-up script of the demo (flashlua --init), as small as an init.lua on
-- a device should be: the real work is in the flash store (demo_run.lua, built into the image).
-- At the first start there is no store yet: demo.lua installs it and the VM restarts.
local run = node.LFS.get("demo_run")
if run then run() end
