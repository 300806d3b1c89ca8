"""SMS OAT Studio: an offline organizational self-assessment studio for self-management support."""

APP_NAME = "SMS OAT Studio"
APP_ID = "smsoat-studio"
# Kept equal to pyproject.toml's version by a test; a constant, because importlib.metadata
# costs a noticeable part of the start-up time and is absent in a frozen bundle anyway.
__version__ = "0.2.0"
