"""The `materials-review` command line: the same services the desktop app uses."""
