# Thin driver over CMake: one obvious command per task.
BUILD ?= build
JOBS ?= $(shell nproc)
WERROR ?= OFF
CMAKE_FLAGS ?=

.PHONY: all setup configure build test demo bench format clean python

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
