# The two commands a newcomer needs (see README.md):
#   make demo   installs what is missing, builds pybpfc, compiles and verifies an example
#   make test   installs what is missing and runs every test (kernel tests need root)
#   make bench  compiles bench/programs with pybpfc and their C twins, loads and times
#               them (root), and writes bench/out/bench.{md,json,svg}

GO ?= go
EXAMPLE ?= examples/hello_openat.py

.PHONY: setup build demo test vet bench clean

setup:
	@./scripts/setup.sh

build:
	$(GO) build -o bin/pybpfc ./cmd/pybpfc

demo: setup build
	./bin/pybpfc version
	./bin/pybpfc build -O2 -v $(EXAMPLE) -o bin/example.o
	./bin/pybpfc build --emit=ssa-opt $(EXAMPLE)
	./bin/pybpfc check $(EXAMPLE)

test: setup
	$(GO) vet ./...
	$(GO) test -count=1 ./...

bench: setup build
	./bin/pybpfc bench -o bench/out

clean:
	rm -rf bin
