"""The exchange file (`.smsoat`) and its import. No Qt.

- `format`: names, members and limits of the format (docs/exchange-format.md);
- `export`: a round as an exchange file; `reader`: reading one without trusting it, with
  `validate` (hand-written checks mirroring `schema/*.schema.json`) and `errors` (one typed error
  per reason a file is refused);
- `importer`: preview and transactional import of files and folders.

The state roll-up's statistics are `app.services.rollup`; its PDF, XLSX and CSV are built in
`app.reports` (through `app.reports.outputs`).
"""
