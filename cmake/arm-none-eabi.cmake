# CMake toolchain file for bare-metal ARM Cortex-M with Debian's gcc-arm-none-eabi.
#   cmake -S ports/lm3s6965 -B build-arm -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake
# FL_ARM_CPU selects the core (default cortex-m3). The C library (picolibc or newlib-nano) is
# chosen by the port, which also supplies the linker script.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(FL_ARM_PREFIX arm-none-eabi- CACHE STRING "prefix of the cross tools")
set(FL_ARM_CPU cortex-m3 CACHE STRING "-mcpu= value")
find_program(FL_ARM_GCC ${FL_ARM_PREFIX}gcc REQUIRED)
set(CMAKE_C_COMPILER ${FL_ARM_GCC})
set(CMAKE_ASM_COMPILER ${FL_ARM_GCC})
find_program(CMAKE_OBJCOPY ${FL_ARM_PREFIX}objcopy)
find_program(CMAKE_SIZE ${FL_ARM_PREFIX}size)
find_program(CMAKE_NM ${FL_ARM_PREFIX}nm)

# There is no OS to run test programs on: check the compiler with a static library only.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(CMAKE_C_FLAGS_INIT "-mcpu=${FL_ARM_CPU} -mthumb")
set(CMAKE_ASM_FLAGS_INIT "-mcpu=${FL_ARM_CPU} -mthumb")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-mcpu=${FL_ARM_CPU} -mthumb")

# Never pick up host libraries or headers.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
