"""The desktop GUI (PySide6 widgets): thin pages over :mod:`ethics_tool.services`."""
