"""Plain, Qt-free state that the GUI's pages edit and show (an import contract keeps Qt out).

Tests drive these objects directly; a page holds one, forwards the user's intent to the services,
and draws what the state says.
"""
