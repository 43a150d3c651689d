# Every dependency is a Debian package (scripts/install-deps installs what is missing).
find_package(fmt REQUIRED)
# libyaml parses the configs (lib/src/yaml_tree.cpp): the reference C implementation of YAML,
# several times faster than yaml-cpp on our configs (bench/validate).
find_package(PkgConfig REQUIRED)
pkg_check_modules(libyaml REQUIRED IMPORTED_TARGET yaml-0.1)
# utf8proc (Debian libutf8proc-dev): the display width of text, for wrapping and table columns.
pkg_check_modules(utf8proc REQUIRED IMPORTED_TARGET libutf8proc)
# nettle (Debian nettle-dev): SHA-256 of the inputs a report names.
pkg_check_modules(nettle REQUIRED IMPORTED_TARGET nettle)
# libpq (Debian libpq-dev): `sla audit` run in a PostgreSQL server (lib/src/warehouse).
pkg_check_modules(libpq REQUIRED IMPORTED_TARGET libpq)
# yaml-cpp is only the floor the validation benchmark compares with (bench/validate/parse_only):
# the product never links it, so it is looked for but not required (bench/validate/run.sh
# installs it).
find_package(yaml-cpp QUIET)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
# Howard Hinnant's date/tz (Debian libhowardhinnant-date-dev): time zones from the system's tz database.
find_package(date REQUIRED)
find_package(Threads REQUIRED)

# yaml-cpp 0.7 exports a plain `yaml-cpp` target; later releases call it yaml-cpp::yaml-cpp.
if(yaml-cpp_FOUND AND NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()

# doctest is only needed for the tests.
find_package(doctest QUIET)
