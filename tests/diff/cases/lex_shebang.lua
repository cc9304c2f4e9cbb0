#!/usr/bin/env lua this first line is skipped
print("shebang skipped")
