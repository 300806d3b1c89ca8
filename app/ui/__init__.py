"""The PySide6 interface: the only package that imports Qt. Screens reach the data through
`app.services` and `app.ui.worker.run_with_database`, never `app.db` (except `launch.py`)."""
