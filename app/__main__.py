"""`python -m app` behaves exactly like the `smsoat` console script."""

import sys

from app.cli import main

sys.exit(main())
