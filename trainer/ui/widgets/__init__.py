"""Small widgets of the play page and shared helpers."""
