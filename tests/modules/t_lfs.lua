-- lfs (LuaFileSystem, compiled C module): dir, attributes, mkdir/rmdir, touch, locks, in a
-- fresh temporary directory that is removed at the end.
local lfs = require "lfs"
local U = require "util"

U.p("version", type(lfs._VERSION))
local base = os.tmpname()          -- a fresh file: replace it by a directory of the same name
os.remove(base)
assert(lfs.mkdir(base))
local function rel(p) return (p:gsub("^" .. base:gsub("%p", "%%%0"), "<tmp>")) end

U.p("mkdir again", select(2, lfs.mkdir(base)) ~= nil)
U.p("attributes dir", lfs.attributes(base, "mode"), lfs.attributes(base).mode)

local old = lfs.currentdir()
U.p("chdir", lfs.chdir(base))
U.p("currentdir", rel(lfs.currentdir()) == "<tmp>" or lfs.currentdir())

-- files and subdirectories
for i, name in ipairs{ "a.txt", "b.txt", "c.lua" } do
  local f = assert(io.open(name, "w"))
  f:write(string.rep("x", i * 10))
  f:close()
end
assert(lfs.mkdir("sub"))
assert(lfs.mkdir("sub/inner"))
U.p("mkdir nested missing", lfs.mkdir("no/such/dir") == nil)

local function listing(dir)
  local names = {}
  for name in lfs.dir(dir) do names[#names + 1] = name end
  table.sort(names)
  return names
end
U.p("dir", listing("."))
U.p("dir sub", listing("sub"))

-- the object interface of dir
local iter, obj = lfs.dir(".")
local n = 0
while true do
  local name = obj:next()
  if not name then break end
  n = n + 1
end
obj:close()
U.p("dir obj count", n)
U.try("dir missing", function() return lfs.dir("nonexistent") end)

-- attributes
for _, name in ipairs{ "a.txt", "b.txt", "c.lua", "sub" } do
  local a = lfs.attributes(name)
  U.p("attr " .. name, a.mode, a.mode == "file" and a.size or "-", a.nlink >= 1,
      type(a.modification), type(a.permissions), #a.permissions)
end
U.p("attr size", lfs.attributes("b.txt", "size"))
U.p("attr missing", lfs.attributes("missing.txt"))
U.try("attr bad field", lfs.attributes, "a.txt", "nosuchfield")

-- touch sets access and modification times
U.p("touch", lfs.touch("a.txt", 1000000000, 1200000000))
U.p("times", lfs.attributes("a.txt", "access"), lfs.attributes("a.txt", "modification"))
U.p("touch new", lfs.touch("missing.txt") == nil)

-- symlinks
if lfs.link then
  U.p("link", lfs.link("a.txt", "lnk", true))
  U.p("symlinkattributes", lfs.symlinkattributes("lnk", "mode"), lfs.attributes("lnk", "mode"))
  os.remove("lnk")
end

-- locks on an open file
local f = assert(io.open("c.lua", "r+"))
U.p("lock", lfs.lock(f, "w"))
U.p("unlock", lfs.unlock(f))
f:close()
U.try("lock closed file", lfs.lock, f, "w")
if lfs.lock_dir then
  local lk = lfs.lock_dir(".")
  U.p("lock_dir", lk ~= nil)
  if lk then lk:free() end
end
U.p("setmode", lfs.setmode and select("#", lfs.setmode(io.stdout, "binary")) > 0)

-- rmdir: fails on a non-empty directory, then clean everything up
U.p("rmdir non-empty", lfs.rmdir("sub") == nil)
U.p("rmdir inner", lfs.rmdir("sub/inner"))
U.p("rmdir sub", lfs.rmdir("sub"))
for _, name in ipairs{ "a.txt", "b.txt", "c.lua" } do assert(os.remove(name)) end
U.p("dir empty", listing("."))
U.p("chdir back", lfs.chdir(old))
U.p("chdir missing", lfs.chdir(base .. "/nope") == nil)
U.p("rmdir base", lfs.rmdir(base))
U.p("gone", lfs.attributes(base) == nil)
