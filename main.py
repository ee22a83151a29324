"""Launch the complaint-handling trainer desktop app: `uv run main.py`."""

from trainer.ui.app import run

if __name__ == "__main__":
    raise SystemExit(run())
