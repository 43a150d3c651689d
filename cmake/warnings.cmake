# Strict warnings for every target of ours. They are errors for developers and CI
# (ALIGNKIT_WERROR=ON, which the Makefile sets) but not for someone building a release
# with a newer compiler that grew a new warning.
option(ALIGNKIT_WERROR "Treat compiler warnings as errors" OFF)

add_library(alignkit_warnings INTERFACE)
target_compile_options(alignkit_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
  -Wimplicit-fallthrough -Wformat=2)
# GCC 12 reports -Wrestrict falsely inside libstdc++ for `"text" + std::string`
# (GCC bug 105329); the warning finds nothing real in our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(alignkit_warnings INTERFACE -Wno-restrict)
endif()
if(ALIGNKIT_WERROR)
  target_compile_options(alignkit_warnings INTERFACE -Werror)
endif()
