"""The PySide6 desktop application; depends on `review` and `index`, never the other way."""
from desktop.refcounts import make_singletons_immortal

make_singletons_immortal()
