"""The PySide6 window over annotator.core: widgets, models and actions, thin by design."""
