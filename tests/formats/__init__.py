"""Tests of the file formats against their real clients and real files."""
