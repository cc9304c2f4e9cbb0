# Builds flashlua with another number type and runs tests/numbers/<type>.lua against its
# .expected output. Invoked by ctest: cmake -DSRC=.. -DOUT=.. -DNUM=float|int -P number_build.cmake
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${OUT} -DFL_NUMBER=${NUM} -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configure failed for FL_NUMBER=${NUM}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${OUT} --target flashlua flashluac -j 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0 OR log MATCHES "warning:")
  message(FATAL_ERROR "build failed or warned for FL_NUMBER=${NUM}:\n${log}")
endif()
execute_process(COMMAND ${OUT}/flashlua ${NUM}.lua WORKING_DIRECTORY ${SRC}/tests/numbers
                OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
file(READ ${SRC}/tests/numbers/${NUM}.expected expected)
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "FL_NUMBER=${NUM}: output differs\n--- got\n${out}--- expected\n${expected}")
endif()
# the compiler of this build round-trips its own chunks
execute_process(COMMAND ${OUT}/flashluac -o ${OUT}/${NUM}.luac ${NUM}.lua WORKING_DIRECTORY ${SRC}/tests/numbers
                RESULT_VARIABLE rc)
execute_process(COMMAND ${OUT}/flashlua ${OUT}/${NUM}.luac WORKING_DIRECTORY ${SRC}/tests/numbers
                OUTPUT_VARIABLE out2 ERROR_VARIABLE out2)
if(NOT rc EQUAL 0 OR NOT out2 STREQUAL expected)
  message(FATAL_ERROR "FL_NUMBER=${NUM}: compiled chunk output differs\n${out2}")
endif()
message("FL_NUMBER=${NUM}: ok")
