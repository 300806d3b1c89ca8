"""The exchange file (`.smsoat`), its import, and the state coordinator's roll-up. No Qt.

- `format`: names, members and limits of the format (docs/exchange-format.md);
- `export`: a round as an exchange file; `reader`: reading one without trusting it, with
  `validate` (hand-written checks mirroring `schema/*.schema.json`) and `errors` (one typed error
  per reason a file is refused);
- `importer`: preview and transactional import of files and folders;
- `rollup`: state statistics over agencies; `rollup_xlsx`: the workbook and CSV exports (the PDF
  is `app.reports.rollup`).
"""
