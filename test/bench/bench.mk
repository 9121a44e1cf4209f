# placeholder, replaced by the benchmark harness
.PHONY: bench bench-check
