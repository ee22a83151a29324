"""`python -m trainer bench`: measure the trainer on synthetic data in a temp folder.

Every figure is measured next to a baseline taken in the same run (a bare Qt window,
a bare durable sqlite3 insert, plain csv.writer), so ratios stay comparable on noisy
machines. Nothing here touches the user's data: every child process gets its own
TRAINER_DATA_DIR inside the bench's temporary folder. See docs/performance.md.
"""
