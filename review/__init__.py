"""The domain of 申报材料审核台, in rooms along the work (see README.md): workspace, manual,
checking, intake, signing, assessment, handover, office, cli.

Nothing here imports Qt; every service is usable from the command line and from tests.

Two kinds of function, told apart by what they take:

- an *action* a person takes (scan, file, waive, decide, sign off, export, import …) takes the
  `Workspace`, is one unit of work of its own, checks who may do it, and says what it changed
  (`review.changes.Changes`) where a screen shows it;
- a *query* or a building block of actions takes a SQLAlchemy `Session` from its caller, so that
  several compose into one unit of work.
"""
