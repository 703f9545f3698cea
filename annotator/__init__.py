"""Annotate and review Arabic news about public administration."""

__version__ = "0.1.0"
