# Compiles src/core and src/lib for a Cortex-M3 with -Wall -Wextra -Werror, archives them, and
# prints the text+data size (arm-none-eabi-size). Invoked by ctest: cmake -DCC=.. -DSRC=.. -DOUT=.. -P
file(GLOB srcs ${SRC}/src/core/*.c ${SRC}/src/lib/*.c ${SRC}/src/lfs/*.c)
file(MAKE_DIRECTORY ${OUT})
set(objs)
foreach(s ${srcs})
  get_filename_component(n ${s} NAME_WE)
  execute_process(COMMAND ${CC} -std=c99 -Wall -Wextra -Werror -mcpu=cortex-m3 -mthumb -Os
                          -ffunction-sections -fdata-sections
                          -I${SRC}/include -I${SRC}/src/core -I${SRC}/src/lib -I${SRC}/src/lfs
                          ${EXTRA} -c ${s} -o ${OUT}/${n}.o
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cross-compile failed: ${s}")
  endif()
  if(NOT n STREQUAL "lfs_writer")   # the image writer is a host tool (flashluac -f): not counted
    list(APPEND objs ${OUT}/${n}.o)
  endif()
endforeach()
string(REGEX REPLACE "gcc$" "size" SIZE ${CC})
execute_process(COMMAND ${SIZE} -t ${objs} OUTPUT_VARIABLE out)
string(REGEX MATCH "[ \t]*([0-9]+)[ \t]+([0-9]+)[ \t]+([0-9]+)[^\n]*\\(TOTALS\\)" tot "${out}")
message("cross-compiled ${CC}: text=${CMAKE_MATCH_1} data=${CMAKE_MATCH_2} bss=${CMAKE_MATCH_3} bytes")
