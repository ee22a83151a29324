"""A worker for test_leftovers: reads its job like the real workers, then sleeps."""

from __future__ import annotations

import time

from trainer.exchange.child import read_job

if __name__ == "__main__":
    read_job()
    print("ready", flush=True)
    time.sleep(60)
