-- only deterministic uses of os: fixed times in UTC
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))
local t = os.date("!*t", 1000000000)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
print(os.date("!%A %B %j %p %y %%", 1234567890))
print(os.getenv("FLASHLUA_SURELY_UNSET_VARIABLE"))
