"""``python -m benchmarks [--quick]``: run the suite, print the table, write results.md."""

from benchmarks.suite import main

main()
