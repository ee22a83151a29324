"""The pages of the main window (one QStackedWidget page each)."""
