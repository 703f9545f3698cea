"""The Qt-free library: text, schema, store, importers, exporters, review and checks."""
