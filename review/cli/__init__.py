"""The command line: one module of commands per area, registered in review.cli.main.

Every command module is imported when the program starts, so a handler imports the services it
runs inside itself: a command pays only for what it uses, not for every other command's modules
(SQLAlchemy models, the check rules, PyMuPDF …). That is the one reason for the function-level
imports in this package.
"""
