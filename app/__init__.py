"""SMS OAT Studio: an offline organizational self-assessment studio for self-management support."""

from importlib import metadata

APP_NAME = "SMS OAT Studio"
APP_ID = "smsoat-studio"

try:
    __version__ = metadata.version(APP_ID)
except metadata.PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
