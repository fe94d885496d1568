"""`python -m wirecoder` is the `wirecoder` command."""

from wirecoder.cli import main

main()
