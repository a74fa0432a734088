"""Assessment: the leader's review decisions and the group read model every screen, report and package reads."""
