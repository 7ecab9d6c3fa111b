"""The installed crosscheck's version.

A module of its own so that any module (the pipeline, the ledger, the SARIF
renderer, the CLI) can import it at top level without importing the
package's ``__init__``, which imports the pipeline.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crosscheck")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
