"""`python -m site_builder` = `sitebuild`."""

import sys

from .cli import main

sys.exit(main())
