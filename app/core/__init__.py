"""Qt-free domain: instruments (and the catalog of installed ones), scoring, priorities, records,
limits and typed errors. Imports nothing else from `app` (tests/test_architecture.py); the
exchange file is `app.exchange`, the roll-up `app.services.rollup`."""
