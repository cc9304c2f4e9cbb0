# Installs the build tree into a temporary prefix, builds host.c against that copy with the
# flags pkg-config gives for flashlua, and runs it. Invoked by ctest:
#   cmake -DBUILD=<build dir> -DSRC=<this dir> -DCC=<compiler> [-DEXTRA=<flags>] -P run.cmake
set(prefix ${BUILD}/embed-prefix)
file(REMOVE_RECURSE ${prefix})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix}
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed:\n${log}")
endif()
foreach(f include/flashlua/lua.h include/flashlua/luaconf.h include/flashlua/lauxlib.h
          include/flashlua/lualib.h bin/flashlua)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_LIBDIR} "")
file(GLOB pcdir ${prefix}/lib*/pkgconfig ${prefix}/lib/*/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "${pcdir}")
foreach(q cflags libs "variable=libdir" modversion)
  execute_process(COMMAND pkg-config --${q} flashlua RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config --${q} flashlua failed (PKG_CONFIG_PATH=${pcdir}): ${err}")
  endif()
  string(REGEX REPLACE "[^a-z]" "_" q ${q})
  set(pc_${q} ${out})
endforeach()
message("flashlua ${pc_modversion}: cflags '${pc_cflags}', libs '${pc_libs}'")
if(NOT EXISTS ${pc_variable_libdir}/libflashlua.so)
  message(FATAL_ERROR "no libflashlua.so in ${pc_variable_libdir}")
endif()

separate_arguments(cflags UNIX_COMMAND "${pc_cflags}")
separate_arguments(libs UNIX_COMMAND "${pc_libs}")
separate_arguments(extra UNIX_COMMAND "${EXTRA}")
set(exe ${BUILD}/embed-host)
execute_process(COMMAND ${CC} -std=c99 -Wall -Wextra -Werror ${extra} ${cflags} ${SRC}/host.c
                        -o ${exe} ${libs} -Wl,-rpath,${pc_variable_libdir}
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building host.c against the installed flashlua failed:\n${log}")
endif()

# the program must use the installed shared library, not a static copy
execute_process(COMMAND ldd ${exe} OUTPUT_VARIABLE ldd_out)
if(NOT ldd_out MATCHES "libflashlua\\.so\\.0 => ${prefix}")
  message(FATAL_ERROR "host does not use the installed libflashlua:\n${ldd_out}")
endif()

execute_process(COMMAND ${exe} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "embed ok")
  message(FATAL_ERROR "embedding host failed (status ${rc})")
endif()
