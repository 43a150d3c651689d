# ALIGNKIT_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer;
# `make asan` runs the whole suite that way.
option(ALIGNKIT_SANITIZE "Build with ASan and UBSan" OFF)
# ALIGNKIT_FUZZ=ON (with clang; `make fuzz`) builds the fuzz targets for libFuzzer, the whole
# library instrumented for coverage and under ASan and UBSan.
option(ALIGNKIT_FUZZ "Build the libFuzzer targets (clang)" OFF)
if(ALIGNKIT_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(ALIGNKIT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
