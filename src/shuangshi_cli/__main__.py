"""Entry point for ``python -m shuangshi_cli``."""

from shuangshi_cli.cli import main

main()
