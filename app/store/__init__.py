"""The encrypted case store: SQLCipher file, staff key slots, schema, audit log."""
