"""Evaluation sets written for the project (not the sample articles) and their readers."""
