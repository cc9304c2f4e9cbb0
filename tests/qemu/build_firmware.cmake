# Configures and builds the LM3S6965 firmware (ports/lm3s6965) with the arm-none-eabi toolchain
# file into OUT, warning-free, and prints its size split by part. Invoked by ctest:
#   cmake -DSRC=<root> -DOUT=<dir> -P build_firmware.cmake
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC}/ports/lm3s6965 -B ${OUT}
                        -DCMAKE_TOOLCHAIN_FILE=${SRC}/cmake/arm-none-eabi.cmake
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "firmware: configure failed\n${log}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${OUT} -j 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0 OR log MATCHES "warning:")
  message(FATAL_ERROR "firmware: build failed or warned\n${log}")
endif()
string(REGEX MATCH "part +text.*\\(flash: [0-9]+ bytes\\)" split "${log}")
string(REGEX MATCH "RAM: +[0-9]+ B" ram "${log}")
message("firmware ${OUT}/flashlua.elf built; static ${ram} (stack + data + bss) of the 64 KB\n${split}")
