"""`python -m app` behaves exactly like the `smsoat` console script."""

import sys

if sys.argv[1:] == ["--exchange-reader"]:  # a child reading files for an import
    from app.exchange.reader_process import serve

    sys.exit(serve())

from app.cli import main

sys.exit(main())
