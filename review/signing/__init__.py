"""Signing: leaders' keys, the signed manifest's format, and whether a signature still holds."""
