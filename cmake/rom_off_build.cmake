# Builds flashlua with FL_ROM=OFF (RAM library tables and strings) and runs the differential
# cases (mode a), the C unit tests and the flash store tests on it. Invoked by ctest:
# cmake -DSRC=.. -DOUT=.. -DPYTHON=.. -DLUA51=.. -DLUAC51=.. -P rom_off_build.cmake
include(${CMAKE_CURRENT_LIST_DIR}/fl_subbuild.cmake)
fl_subbuild("FL_ROM=OFF" ${SRC} ${OUT} OPTIONS -DFL_ROM=OFF -DCMAKE_BUILD_TYPE=Release)
execute_process(COMMAND ${PYTHON} ${SRC}/tests/diff/run.py --flashlua ${OUT}/flashlua
                        --flashluac ${OUT}/flashluac --lua ${LUA51} --luac ${LUAC51} --mode a
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FL_ROM=OFF: differential cases failed\n${out}")
endif()
execute_process(COMMAND ${CMAKE_CTEST_COMMAND} -R "^c_test|lfs_store_readonly|lfs_cli"
                WORKING_DIRECTORY ${OUT} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FL_ROM=OFF: C or store tests failed\n${out}")
endif()
# An image that refers to the runtime's compiled-in strings (the default of an FL_ROM flashluac)
# is refused by this runtime, which has none, with its message; the same module stored with -E
# runs (docs/image-format.md, section 6).
if(FLASHLUAC_ROM)
  file(WRITE ${OUT}/romref.lua "return { v = tostring(42) .. type(print) }\n")
  file(REMOVE ${OUT}/romref.flash)
  execute_process(COMMAND ${FLASHLUAC_ROM} -f -o ${OUT}/romref.img ${OUT}/romref.lua)
  execute_process(COMMAND ${OUT}/flashlua --flash ${OUT}/romref.flash --lfs-install ${OUT}/romref.img
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(rc EQUAL 0 OR NOT out MATCHES "image refers to the runtime's compiled-in strings, this flashlua has none \\(built with FL_ROM=OFF\\): rebuild the image with flashluac -f -E")
    message(FATAL_ERROR "FL_ROM=OFF: an image referring to compiled-in strings was not refused as expected:\n${out}")
  endif()
  execute_process(COMMAND ${FLASHLUAC_ROM} -f -E -o ${OUT}/romref.img ${OUT}/romref.lua)
  execute_process(COMMAND ${OUT}/flashlua --flash ${OUT}/romref.flash --lfs-install ${OUT}/romref.img
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  execute_process(COMMAND ${OUT}/flashlua --flash ${OUT}/romref.flash -e "print(require('romref').v)"
                  RESULT_VARIABLE rc2 OUTPUT_VARIABLE out2 ERROR_VARIABLE out2)
  if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT out2 STREQUAL "42function\n")
    message(FATAL_ERROR "FL_ROM=OFF: an image made with -E does not run:\n${out}\n${out2}")
  endif()
endif()
message("FL_ROM=OFF: ok")
