"""The main window's parts: its actions, menus and toolbar, and the loading page."""
