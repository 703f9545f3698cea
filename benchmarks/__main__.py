"""``python -m benchmarks [--quick]``: run the suite, print the table, write results.md."""

from benchmarks.suite import main

if __name__ == "__main__":  # worker processes (spawn) import this module again
    main()
