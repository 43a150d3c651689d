# ALIGNKIT_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer;
# `make asan` runs the whole suite that way.
option(ALIGNKIT_SANITIZE "Build with ASan and UBSan" OFF)
if(ALIGNKIT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
