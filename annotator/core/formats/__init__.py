"""File formats: readers and writers of every format, the records they share, article bundles."""
