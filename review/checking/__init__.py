"""Checking: the rules that find what loses points, the engine that keeps findings current, waivers."""
