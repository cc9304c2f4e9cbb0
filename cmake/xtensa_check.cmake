# Compiles src/core, src/lib and src/lfs for the ESP8266 (xtensa-lx106-elf-gcc, Debian's
# gcc-xtensa-lx106, with picolibc-xtensa-lx106-elf's headers) with -Os -Wall -Wextra -Werror,
# for the number types in NUMS (default: double; e.g. -DNUMS="double;float;int"), and prints the text size (xtensa-lx106-elf-size; the image writer
# lfs_writer.c, a host tool, is not counted). Invoked by ctest:
#   cmake -DCC=<xtensa-lx106-elf-gcc> -DSRC=<root> -DOUT=<dir> -P xtensa_check.cmake
# Without picolibc's specs the headers of the compiler alone are tried.
file(GLOB srcs ${SRC}/src/core/*.c ${SRC}/src/lib/*.c ${SRC}/src/lfs/*.c)
file(MAKE_DIRECTORY ${OUT})
set(specs)
foreach(s /usr/lib/xtensa-lx106-elf/picolibc.specs /usr/lib/picolibc/xtensa-lx106-elf/picolibc.specs)
  if(EXISTS ${s})
    set(specs --specs=${s})
    break()
  endif()
endforeach()
string(REGEX REPLACE "gcc$" "size" SIZE ${CC})
if(NOT NUMS)
  set(NUMS double)
endif()
foreach(num ${NUMS})
  set(def)
  if(num STREQUAL "float")
    set(def -DFL_NUMBER_FLOAT)
  elseif(num STREQUAL "int")
    set(def -DFL_NUMBER_INT)
  endif()
  set(objs)
  foreach(s ${srcs})
    get_filename_component(n ${s} NAME_WE)
    execute_process(COMMAND ${CC} ${specs} -std=c99 -Wall -Wextra -Werror -Os -mlongcalls
                            -ffunction-sections -fdata-sections ${def}
                            -I${SRC}/include -I${SRC}/src/core -I${SRC}/src/lib -I${SRC}/src/lfs
                            -c ${s} -o ${OUT}/${num}-${n}.o
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "xtensa-lx106 compile failed (${num} numbers): ${s}")
    endif()
    if(NOT n STREQUAL "lfs_writer")
      list(APPEND objs ${OUT}/${num}-${n}.o)
    endif()
  endforeach()
  execute_process(COMMAND ${SIZE} -t ${objs} OUTPUT_VARIABLE out)
  string(REGEX MATCH "[ \t]*([0-9]+)[ \t]+([0-9]+)[ \t]+([0-9]+)[^\n]*\\(TOTALS\\)" tot "${out}")
  message("xtensa-lx106-elf-gcc -Os, ${num} numbers: core+libs+lfs text=${CMAKE_MATCH_1} data=${CMAKE_MATCH_2} bss=${CMAKE_MATCH_3} bytes (objects, before linking)")
endforeach()
