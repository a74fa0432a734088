"""Handover: the leader signs the group's materials and exports the signed package."""
