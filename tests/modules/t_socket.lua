-- luasocket (compiled C modules socket.core and mime.core, plus its Lua parts): a TCP echo
-- server and client on 127.0.0.1 in one process (coroutines + select), bounded in time and
-- rounds; also a few pure functions (url, mime, ltn12).
local socket = require "socket"
local U = require "util"

U.p("version", type(socket._VERSION))
U.p("dns", (socket.dns.toip("127.0.0.1")))
local t0 = socket.gettime()
U.p("gettime", type(t0), t0 > 1e9)

-- server on an ephemeral port of the loopback interface only
local server = assert(socket.bind("127.0.0.1", 0))
local host, port = server:getsockname()
port = tonumber(port)
U.p("bound", host, type(port), port > 0)
server:settimeout(0)

local client = assert(socket.tcp())
client:settimeout(5)
U.p("connect", client:connect("127.0.0.1", port))

-- accept (bounded)
local conn
local deadline = socket.gettime() + 5
repeat
  socket.select({ server }, nil, 0.1)
  conn = server:accept()
until conn or socket.gettime() > deadline
assert(conn, "accept timed out")
conn:settimeout(5)
U.p("peer", (conn:getpeername()))

-- echo: the server side sends back each line it receives, in upper case
local messages = { "hello", "", "flashlua " .. string.rep("x", 3000), "last" }
for _, m in ipairs(messages) do
  assert(client:send(m .. "\n"))
  local line = assert(conn:receive("*l"))
  assert(conn:send(line:upper() .. "\n"))
  local back, err = client:receive("*l")
  U.p("echo", #m, back and #back, back == m:upper(), err)
end

-- byte counts and partial reads
client:send("abcdef")
U.p("receive n", conn:receive(4), conn:receive(2))
conn:settimeout(0.05)
U.p("timeout", conn:receive(1))
local rcv, snt = client:getstats()
U.p("stats", rcv, snt)

-- closing: the reader sees "closed"
client:close()
conn:settimeout(5)
U.p("after close", conn:receive("*a"))
conn:close()
server:close()
U.p("closed server", tostring(server):match("^tcp{closed}") ~= nil)
U.try("use closed", function() return client:send("x") end)

-- connection refused on a port just released
local c2 = socket.tcp()
c2:settimeout(2)
U.p("refused", c2:connect("127.0.0.1", port))
c2:close()

-- UDP to self
local udp = assert(socket.udp())
assert(udp:setsockname("127.0.0.1", 0))
local _, uport = udp:getsockname()
uport = tonumber(uport)
udp:settimeout(2)
U.p("udp send", udp:sendto("datagram", "127.0.0.1", uport))
local dgram, from = udp:receivefrom()
U.p("udp recv", dgram, from)
udp:close()

-- pure helpers
local url = require "socket.url"
local parsed = url.parse("http://user:pw@example.com:8080/a/b?q=1#frag")
U.p("url.parse", parsed)
U.p("url.build", url.build(parsed))
U.p("url.escape", url.escape("a b&c=d/é"), url.unescape("a%20b%26"))
U.p("url.absolute", url.absolute("http://a/b/c/d;p?q", "../g"))
local mime = require "mime"
U.p("b64", (mime.b64("flashlua!")), (mime.unb64("Zmxhc2hsdWEh")))
U.p("qp", (mime.qp("caf\233=")))
local ltn12 = require "ltn12"
local out = {}
ltn12.pump.all(ltn12.source.string("abc def"), (ltn12.sink.table(out)))
U.p("ltn12", table.concat(out))
U.p("elapsed bounded", socket.gettime() - t0 < 30)
