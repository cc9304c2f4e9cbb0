# fl_subbuild(WHAT SRCDIR OUT [OPTIONS -D...] [TARGETS t...]): for the ctest scripts that build
# another configuration of flashlua (cmake -P): configures SRCDIR into OUT with OPTIONS, builds
# TARGETS (all without), and stops the script unless both succeed without a compiler warning.
# The build's output is left in FL_SUBBUILD_LOG.
function(fl_subbuild what srcdir out)
  cmake_parse_arguments(A "" "" "OPTIONS;TARGETS" ${ARGN})
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${srcdir} -B ${out} ${A_OPTIONS}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what}: configure failed\n${log}")
  endif()
  set(targets)
  if(A_TARGETS)
    set(targets --target ${A_TARGETS})
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${out} -j 2 ${targets}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
  if(NOT rc EQUAL 0 OR log MATCHES "warning:")
    message(FATAL_ERROR "${what}: build failed or warned\n${log}")
  endif()
  set(FL_SUBBUILD_LOG "${log}" PARENT_SCOPE)
endfunction()
