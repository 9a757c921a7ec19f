"""`python -m bot` does what the `citylink` console script does."""

import sys

from bot.cli import main

sys.exit(main())
