# The standard libraries as read-only tables and the runtime's fixed strings as constant objects
# (docs/ram-at-rest.md), generated at build time by tools/genrom.py. Included by the host build
# and by the firmware's (ports/lm3s6965) after FL_ROOT (the repository) and FL_CORE_SRC are set.
# With FL_ROM on it defines FL_ROM_DIR and FL_ROM_OUT (the generated files), adds -DFL_ROM and
# the include directory, and appends FL_ROM_OUT to FL_CORE_SRC. The library sources that carry
# read-only tables are listed here, once.
set(FL_ROM_LIBSRC fl_strlib fl_tablib fl_mathlib fl_oslib fl_dblib fl_baselib fl_iolib fl_loadlib
                  fl_nodelib)
if(FL_ROM)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(FL_ROM_DIR ${CMAKE_BINARY_DIR}/rom)
  file(MAKE_DIRECTORY ${FL_ROM_DIR})
  set(FL_ROM_OUT ${FL_ROM_DIR}/fl_rom.h ${FL_ROM_DIR}/fl_romstr.c ${FL_ROM_DIR}/fl_romtab.c)
  set(FL_ROM_IN ${FL_ROOT}/tools/genrom.py ${FL_ROOT}/tools/romstrings.txt)
  foreach(l ${FL_ROM_LIBSRC})
    list(APPEND FL_ROM_OUT ${FL_ROM_DIR}/rom_${l}.inc)
    list(APPEND FL_ROM_IN ${FL_ROOT}/src/lib/${l}.c)
  endforeach()
  add_custom_command(OUTPUT ${FL_ROM_OUT}
    COMMAND ${Python3_EXECUTABLE} ${FL_ROOT}/tools/genrom.py ${FL_ROOT}/src/lib
            ${FL_ROOT}/tools/romstrings.txt ${FL_ROM_DIR}
    DEPENDS ${FL_ROM_IN} WORKING_DIRECTORY ${FL_ROOT} COMMENT "Generating ROM tables and strings")
  add_compile_definitions(FL_ROM)
  include_directories(${FL_ROM_DIR})
  list(APPEND FL_CORE_SRC ${FL_ROM_OUT})
endif()
