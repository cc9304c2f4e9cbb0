#!/bin/sh
# The flash store demo (make demo): the example application (examples/app) in a small heap,
# loaded from source and from the Lua Flash Store. usage: examples/demo.sh [BUILD_DIR]
#   HEAP=64K examples/demo.sh build    another heap size (default: 44K with a 32-bit build such
#                                      as make build-m32's, 96K with a 64-bit one; flashlua
#                                      --heap, see docs/lfs.md)
# A 32-bit build that the kernel cannot run itself is run through qemu-i386 (qemu-user).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=$(cd "${1:-$ROOT/build}" && pwd)
RUN=""
if ! "$B/flashlua" -e "" 2>/dev/null && command -v qemu-i386 >/dev/null; then RUN=qemu-i386; fi
flua() { $RUN "$B/flashlua" "$@"; }
fluac() { $RUN "$B/flashluac" "$@"; }
T=$(mktemp -d "${TMPDIR:-/tmp}/flashlua-demo.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
unset LUA_INIT LUA_PATH LUA_CPATH FLASHLUA_FLASH
BITS=$(( $(flua -e 'io.write(string.dump(function() end):byte(9))') * 8 ))
if [ "$BITS" = 64 ]; then HEAP=${HEAP:-96K}; else HEAP=${HEAP:-44K}; fi

# smallest heap in KB in which "$@" (run with --heap NK prepended) gives the same output as
# without a cap (the app catches some out-of-memory errors itself and goes on: the exit
# status alone would not tell), by bisection
minheap() {
  flua "$@" > "$T/ref" 2>&1 || true
  lo=4 hi=1024
  while [ $((hi - lo)) -gt 1 ]; do
    mid=$(( (lo + hi) / 2 ))
    if flua --heap ${mid}K "$@" > "$T/got" 2>&1 && cmp -s "$T/got" "$T/ref"; then hi=$mid
    else lo=$mid; fi
  done
  echo $hi
}

cd "$ROOT/examples/app"
KB=$(cat ./*.lua | wc -c)
echo "== The example application: $(ls ./*.lua | wc -l) modules, $((KB / 1024)) KB of Lua (examples/app), $BITS-bit flashlua"
fluac -f -s -o "$T/app.img" ./*.lua ../demo_run.lua
echo "   image: flashluac -f -s -o app.img *.lua ../demo_run.lua -> $(wc -c < "$T/app.img") bytes"
echo
echo "== 1. From source, heap capped at $HEAP: flashlua --heap $HEAP app.lua"
if flua --heap "$HEAP" app.lua > "$T/out" 2> "$T/err"; then
  echo "   it ran (the heap is big enough for the source)"
else
  echo "   $(head -n 2 "$T/err" | tr '\n\t' '  ' | sed "s|$B/flashlua|flashlua|; s/  */ /g")"
fi
echo
echo "== 2. Install the image from Lua: node.LFS.reload (examples/demo.lua), restart, the --init"
echo "      script (examples/demo_init.lua) runs the app from the store (examples/demo_run.lua,
      built into the image), same $HEAP heap"
head -c 262144 /dev/zero | tr '\0' '\377' > "$T/dev.flash"      # an erased 256 KB partition
flua --heap "$HEAP" --flash "$T/dev.flash" --init "$ROOT/examples/demo_init.lua" \
  "$ROOT/examples/demo.lua" "$T/app.img" | sed 's/^/   /'
echo
echo "== 3. The smallest heap the app runs in (flashlua --heap, bisection):"
SRC=$(minheap app.lua)
LFS=$(minheap --flash "$T/dev.flash" -e 'require "app"')
CAPK=$(echo "$HEAP" | sed 's/[Kk]$//')
verdict() { if [ "$1" -le "$CAPK" ]; then echo "runs"; else echo "not enough memory"; fi; }
printf '   %-28s %18s %18s\n' "" "from source" "from the store"
printf '   %-28s %15s KB %15s KB\n' "heap needed" "$SRC" "$LFS"
printf '   %-28s %18s %18s\n' "in a $HEAP heap" "$(verdict "$SRC")" "$(verdict "$LFS")"
CAPK=44
printf '   %-28s %18s %18s\n' "in 44K (an ESP8266's heap)" "$(verdict "$SRC")" "$(verdict "$LFS")"
echo "   (a 32-bit build, the RAM of each module, speed: bench/lfs-ram, docs/lfs.md section 8)"
