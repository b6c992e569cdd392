# Thin driver over CMake: one obvious command per task.
BUILD ?= build
JOBS ?= $(shell nproc)
WERROR ?= OFF
CMAKE_FLAGS ?=

.PHONY: all setup configure build test demo bench format clean

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

demo: setup
	@$(MAKE) --no-print-directory build
	@bash scripts/demo $(BUILD)

bench: setup
	@$(MAKE) --no-print-directory build
	@bash scripts/bench $(BUILD)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD)
