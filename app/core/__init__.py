"""Qt-free domain: instruments, scoring, exchange format, roll-up. Never imports PySide6."""
