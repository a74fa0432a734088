"""The workspace: its folder and database, settings, accounts and roles, the audit chain, groups."""
