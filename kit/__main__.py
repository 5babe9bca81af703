"""Run kit as `python -m kit`."""

from kit.cli import main

raise SystemExit(main())
