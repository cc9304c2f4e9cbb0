# Thin wrapper over CMake/ctest. See README.md.
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
PREFIX ?= /usr/local

.PHONY: all build build-m32 demo bench-lfs test test-sanitize test-numbers install clean firmware qemu

all: build

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# 32-bit pointers, like a device (needs gcc-multilib; no readline: no 32-bit libreadline).
M32 ?= build-m32
build-m32:
	cmake -S . -B $(M32) -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-m32 -DFL_READLINE=OFF $(CMAKE_FLAGS) >/dev/null
	cmake --build $(M32) -j $(JOBS)

# The flash store demo (examples/demo.sh): the example app in a small heap, from source and from LFS.
# It uses a 32-bit build (pointers as on a device: the app then fits in an ESP8266's 44 KB) when
# gcc-multilib is there, through qemu-i386 if the kernel cannot run it; else the 64-bit build.
demo: build
	@if $(MAKE) -s build-m32 >/dev/null 2>&1 && \
	    ( $(M32)/flashlua -e "" 2>/dev/null || qemu-i386 $(M32)/flashlua -e "" 2>/dev/null ); then \
	  examples/demo.sh $(M32); else examples/demo.sh $(BUILD); fi

# RAM and speed of the example app from source, .lc and LFS, 64-bit and 32-bit (docs/lfs.md).
bench-lfs: build build-m32
	bench/lfs-ram --build $(BUILD)
	bench/lfs-ram --build $(M32)

# Every test: the default build, then the sanitizer build.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-sanitize

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-sanitize:
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFL_SANITIZE=ON >/dev/null
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

# flashlua, flashluac, libflashlua.so, the headers (PREFIX/include/flashlua) and flashlua.pc.
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# The LM3S6965 firmware (Cortex-M3, qemu-system-arm -M lm3s6965evb): see docs/porting.md.
# `make qemu` starts its REPL on the emulated UART (Ctrl-D ends it, Ctrl-A X quits qemu);
# `make qemu ARGS="script.lua"` runs a script, `IMAGE=app.img` adds a flash store image.
FW_BUILD ?= build-arm
firmware:
	cmake -S ports/lm3s6965 -B $(FW_BUILD) -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/cmake/arm-none-eabi.cmake >/dev/null
	cmake --build $(FW_BUILD) -j $(JOBS)

qemu: firmware
	ports/lm3s6965/run-qemu --fw $(FW_BUILD)/flashlua.elf $(if $(IMAGE),--image $(IMAGE)) $(ARGS)

clean:
	rm -rf $(BUILD) build-asan $(M32) $(FW_BUILD)
