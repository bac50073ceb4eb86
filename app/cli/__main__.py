"""``python -m app.cli``: the same as the ``tsunagu`` command without the window."""

import sys

from app.cli import main

sys.exit(main())
