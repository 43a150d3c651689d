# Every dependency is a Debian package (scripts/install-deps installs what is missing).
find_package(fmt REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)

# yaml-cpp 0.7 exports a plain `yaml-cpp` target; later releases call it yaml-cpp::yaml-cpp.
if(NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()

# doctest is only needed for the tests.
find_package(doctest QUIET)
