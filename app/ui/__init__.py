"""The PySide6 interface. Only this package (and app.services' Qt glue) imports Qt."""
