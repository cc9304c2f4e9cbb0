# Compiles src/core, src/lib and src/lfs for a Cortex-M3 with -Wall -Wextra -Werror and prints
# the text+data size (arm-none-eabi-size) of each part. Invoked by ctest:
#   cmake -DCC=arm-none-eabi-gcc -DSRC=<source dir> -DOUT=<dir> -P cross_check.cmake
# With -DPYTHON=<python3> (FL_ROM builds) the read-only tables and strings are generated and
# compiled too, with FL_ROM defined, and must be .rodata only (no data, no bss).
file(MAKE_DIRECTORY ${OUT})
string(REGEX REPLACE "gcc$" "size" SIZE ${CC})
set(all_total 0)
set(parts core lib lfs)
if(PYTHON)
  file(MAKE_DIRECTORY ${OUT}/rom)
  execute_process(COMMAND ${PYTHON} ${SRC}/tools/genrom.py ${SRC}/src/lib ${SRC}/tools/romstrings.txt
                          ${OUT}/rom RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "genrom.py failed")
  endif()
  set(EXTRA ${EXTRA} -DFL_ROM -I${OUT}/rom)
  list(APPEND parts rom)
endif()
foreach(part ${parts})
  if(part STREQUAL "rom")
    file(GLOB srcs ${OUT}/rom/*.c)
  else()
    file(GLOB srcs ${SRC}/src/${part}/*.c)
  endif()
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
    list(APPEND objs ${OUT}/${n}.o)
  endforeach()
  if(objs)
    execute_process(COMMAND ${SIZE} -t ${objs} OUTPUT_VARIABLE out)
    string(REGEX MATCH "[ \t]*([0-9]+)[ \t]+([0-9]+)[ \t]+([0-9]+)[^\n]*\\(TOTALS\\)" tot "${out}")
    math(EXPR sum "${CMAKE_MATCH_1} + ${CMAKE_MATCH_2}")
    math(EXPR all_total "${all_total} + ${sum}")
    message("src/${part}: text=${CMAKE_MATCH_1} data=${CMAKE_MATCH_2} bss=${CMAKE_MATCH_3}")
    if(part STREQUAL "rom" AND NOT (CMAKE_MATCH_2 EQUAL 0 AND CMAKE_MATCH_3 EQUAL 0))
      message(FATAL_ERROR "read-only tables or strings not all in .rodata:\n${out}")
    endif()
  endif()
endforeach()
message("cross-compiled with ${CC}: text+data of core+lib+lfs = ${all_total} bytes")
