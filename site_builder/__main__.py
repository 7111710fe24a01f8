"""`python -m site_builder` = `sitebuild`."""

import sys

from .cli import main

if __name__ == "__main__":  # worker processes import the main module: never run it there
    sys.exit(main())
