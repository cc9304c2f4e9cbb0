# Builds flashlua with 32-bit pointers (-m32: NaN-boxed 8-byte values, as on a device) and runs
# make demo's script in an ESP8266-sized heap, then the RAM benchmark's ratio bound. Invoked by
# ctest: cmake -DSRC=.. -DOUT=.. -DPYTHON=.. -DRUNNER=qemu-i386|"" -P m32_build.cmake
include(${CMAKE_CURRENT_LIST_DIR}/fl_subbuild.cmake)
fl_subbuild("-m32" ${SRC} ${OUT} OPTIONS -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-m32 -DFL_READLINE=OFF
            TARGETS flashlua flashluac test_api test_gc_readonly test_chunk_mutate test_lfs_store
                    test_lfs_mutate)
# the C unit tests with NaN-boxed values: the API, read-only objects under the collector, the
# store, mutated chunks and mutated images (fewer than the 64-bit run: qemu-i386 is slower)
foreach(t tests/test_api tests/test_gc_readonly tests/test_chunk_mutate tests/lfs/test_lfs_store
          "tests/lfs/test_lfs_mutate\;20000")
  string(REPLACE "\;" ";" cmd "${t}")
  list(GET cmd 0 exe)
  list(REMOVE_AT cmd 0)
  execute_process(COMMAND ${RUNNER} ${OUT}/${exe} ${cmd}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "-m32: ${exe} failed\n${out}")
  endif()
  string(REGEX REPLACE "\n$" "" out "${out}")
  string(REGEX REPLACE "^.*\n" "" out "${out}")
  message("-m32: ${exe} ${cmd}: ${out}")
endforeach()
# the demo: from source "not enough memory" in 44 KB, from the store the app runs
set(ENV{HEAP} 44K)
execute_process(COMMAND sh ${SRC}/examples/demo.sh ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "the app ran from the store" OR
   NOT out MATCHES "in a 44K heap +not enough memory +runs")
  message(FATAL_ERROR "-m32: the demo did not run the app from the store in a 44K heap")
endif()
# RAM of the modules from the store vs from source, 32-bit (docs/lfs.md section 8)
set(runner)
if(RUNNER)
  set(runner --runner ${RUNNER})
endif()
execute_process(COMMAND ${PYTHON} ${SRC}/bench/lfs-ram --build ${OUT} ${runner} --quick
                        --max-ratio 0.19
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "-m32: bench/lfs-ram failed or went above its bound")
endif()
message("-m32: ok")
