"""``python -m partnerdata``: the command line."""

import sys

from partnerdata._cli.main import main

if __name__ == "__main__":
    sys.exit(main())
