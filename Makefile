# verdict: the two entry points of the README. `make demo` and `make test` do all set-up
# on a fresh Debian 12 machine (they install the Debian packages below when missing).

DEB_PACKAGES = cmake make g++ gcc ccache python3 llvm-14-dev libclang-14-dev libclang-cpp14-dev \
               libclang-common-14-dev libz3-dev libcvc5-dev libcli11-dev nlohmann-json3-dev \
               libyaml-cpp-dev libssl-dev libgtest-dev python3-dev
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# ccache hits across checkouts in different folders (CI clones elsewhere).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: all deps build build-asan demo test test-unit test-asan bench bench-generated bench-tools fuzz fuzz-build clean format

all: build

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Warnings are errors in these builds (and so in CI); CMAKE_FLAGS=-DVERDICT_WERROR=OFF relaxes it.
CMAKE_FLAGS ?= -DVERDICT_WERROR=ON

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DVERDICT_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)

demo: build
	@./examples/demo.sh $(BUILD)/verdict

test-unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: build-asan
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

test: test-unit test-asan

bench: build
	$(BUILD)/verdict bench ../shared/benchmarks/manifest.csv --timeout 10 --jobs 2

# Generated programs with exact answers (test/generated/): GEN_N safety and GEN_M termination
# programs, one at a time; any wrong answer or crash fails the target.
GEN_N ?= 1000
GEN_M ?= 200
GEN_SEED ?= 1
bench-generated: build
	bench/generated.sh $(GEN_N) $(GEN_M) $(GEN_SEED) 5 $(BUILD)/verdict

# Measurement tools of bench/ (not built by default): `build/verdict_unroll_bench FILE.c DEPTH`.
bench-tools: build
	cmake --build $(BUILD) -j $(JOBS) --target verdict_unroll_bench

# libFuzzer campaigns (test/fuzz/, docs/fuzzing.md): a clang 14 build with ASan + UBSan, then
# each target in turn for FUZZ_SECONDS at nice 19; fails if one finds a bug. Not part of `test`
# (its replay of the committed crash inputs is).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= policy cfront network prp manifest
FUZZ_PACKAGES = clang-14 libclang-rt-14-dev
fuzz-build: deps
	@for p in $(FUZZ_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(FUZZ_PACKAGES); break; }; done
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERDICT_FUZZ=ON -DVERDICT_TESTS=OFF >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))

fuzz: fuzz-build
	test/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

format:
	find src include tools test -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
