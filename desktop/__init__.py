"""The PySide6 desktop application; depends on `review` and `index`, never the other way."""
