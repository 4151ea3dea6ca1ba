"""The package version, single-sourced for pyproject.toml and libdoc."""

__version__ = "0.1.0"
