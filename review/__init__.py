"""The domain of 申报材料审核台: workspace, manual, groups, checks, review, sign-off, packages.

Nothing here imports Qt; every service is usable from the command line and from tests.
"""
