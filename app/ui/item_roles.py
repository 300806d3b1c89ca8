"""Item data roles as plain ints.

`Qt.ItemDataRole.UserRole` is 256. The pages built at start-up use this constant instead because
the first touch of PySide6's `Qt` namespace creates all of its enums at once (about 17 ms of the
cold start); item views take the role as an int either way.
"""

USER_ROLE = 256
