# A thin wrapper over CMake: every target installs missing packages first, so both quick-start
# commands work on a fresh Debian machine.
BUILD    ?= build
ASAN     ?= build-asan
FUZZ     ?= build-fuzz
FUZZ_SECONDS ?= 60
PREFIX   ?= /usr/local
JOBS     ?= 2
CMAKE_FLAGS ?=

.PHONY: all deps build demo test asan fuzz tidy install clean format

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DALIGNKIT_WERROR=ON -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@scripts/demo $(BUILD)/alignkit

test: build
	@scripts/install-test-tools
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

asan: deps
	@scripts/install-test-tools
	cmake -S . -B $(ASAN) -DALIGNKIT_WERROR=ON -DALIGNKIT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build $(ASAN) -j$(JOBS)
	ctest --test-dir $(ASAN) --output-on-failure -j$(JOBS)

# libFuzzer targets (clang, ASan, UBSan), each run for FUZZ_SECONDS from its seeds; a crash
# is kept in tests/fuzz/regressions/ and fails the run.
fuzz: deps
	@scripts/install-deps clang
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -DALIGNKIT_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(FUZZ) -j$(JOBS) --target fuzz_config fuzz_criteria fuzz_csv fuzz_survey
	scripts/run-fuzzers $(FUZZ) $(FUZZ_SECONDS)

# clang-tidy 14 over the library and the command line (.clang-tidy); GCC-only warning flags
# are unknown to clang, hence the extra argument.
tidy: build
	run-clang-tidy -p $(BUILD) -j$(JOBS) -quiet -extra-arg=-Wno-unknown-warning-option '$(CURDIR)/(lib|cli)/.*\.cpp$$'

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ)
