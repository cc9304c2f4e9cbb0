# Configures and builds the LM3S6965 firmware (ports/lm3s6965) with the arm-none-eabi toolchain
# file into OUT, warning-free, and prints its size split by part. Invoked by ctest:
#   cmake -DSRC=<root> -DOUT=<dir> -P build_firmware.cmake
include(${SRC}/cmake/fl_subbuild.cmake)
fl_subbuild("firmware" ${SRC}/ports/lm3s6965 ${OUT}
            OPTIONS -DCMAKE_TOOLCHAIN_FILE=${SRC}/cmake/arm-none-eabi.cmake)
string(REGEX MATCH "part +text.*\\(flash: [0-9]+ bytes\\)" split "${FL_SUBBUILD_LOG}")
string(REGEX MATCH "RAM: +[0-9]+ B" ram "${FL_SUBBUILD_LOG}")
message("firmware ${OUT}/flashlua.elf built; static ${ram} (stack + data + bss) of the 64 KB\n${split}")
