"""Intake: scanning files into the workspace, mapping them to standards, suggestions, search."""
