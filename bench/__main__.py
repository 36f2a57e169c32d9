"""`python -m bench [options]` from the repository root: the same as `newsqa bench`."""

from newsqa.cli_bench import main

main()
