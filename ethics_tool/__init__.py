"""Ētikas pašnovērtējums: an offline ethics and good-governance self-assessment for municipalities."""

__version__ = "0.1.0"
APP_NAME = "ethics-tool"
APP_AUTHOR = "LPS"
