"""Qt-free use cases that combine the core and storage: what the GUI and the command line share."""
