"""`python -m trainer ...`: the headless command line."""

from trainer.cli import main

raise SystemExit(main())
