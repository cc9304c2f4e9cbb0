# Builds flashlua with FL_ROM=OFF (RAM library tables and strings) and runs the differential
# cases (mode a), the C unit tests and the flash store tests on it. Invoked by ctest:
# cmake -DSRC=.. -DOUT=.. -DPYTHON=.. -DLUA51=.. -DLUAC51=.. -P rom_off_build.cmake
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${OUT} -DFL_ROM=OFF -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configure failed for FL_ROM=OFF")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${OUT} -j 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0 OR log MATCHES "warning:")
  message(FATAL_ERROR "build failed or warned for FL_ROM=OFF:\n${log}")
endif()
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
message("FL_ROM=OFF: ok")
