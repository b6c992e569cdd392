# Thin driver over CMake: one obvious command per task.
BUILD ?= build
JOBS ?= $(shell nproc)
WERROR ?= OFF
CMAKE_FLAGS ?=

.PHONY: all setup configure build test test-sanitize fuzz demo bench format clean python
# The sanitizer build (ASan + UBSan, fuzzers) lives beside the Release build.
SANITIZE_BUILD ?= build-sanitize
# Seconds `make fuzz` runs each fuzz target.
FUZZ_SECONDS ?= 60

all: build

setup:
	@bash scripts/setup

configure:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DRAREFLOW_WERROR=$(WERROR) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test:
	@RAREFLOW_WITH_BROWSER=1 bash scripts/setup
	@$(MAKE) --no-print-directory build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The Python package: builds the extension and installs `import rareflow` into the user
# site-packages of Debian's python3 (no network, no pip).
python: setup configure
	@cmake --build $(BUILD) -j $(JOBS) --target rareflow_python
	@cmake --install $(BUILD) --component python

# The whole test suite under AddressSanitizer and UBSan; any report fails the run.
test-sanitize:
	@cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DRAREFLOW_WERROR=$(WERROR) -DRAREFLOW_SANITIZE=ON -DRAREFLOW_BENCH=OFF \
	  -DRAREFLOW_PYTHON=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	@cd $(SANITIZE_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# Each libFuzzer target for FUZZ_SECONDS on a copy of its corpus (needs the sanitizer build).
fuzz:
	@bash fuzz/run $(SANITIZE_BUILD) $(FUZZ_SECONDS)

demo: setup
	@$(MAKE) --no-print-directory build
	@bash scripts/demo $(BUILD)

bench: setup
	@$(MAKE) --no-print-directory build
	@bash scripts/bench $(BUILD)
	@/usr/bin/python3 bench/python_simulate.py $(BUILD)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD)
