"""The case editor's window: the Cases page, the editor forms, live lint and the map."""
