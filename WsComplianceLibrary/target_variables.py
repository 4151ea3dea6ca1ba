"""A Robot variable file that hands one target's settings from ``wscompliance`` to its ``robot`` run.

``wscompliance`` passes a target's headers, subprotocols, TLS and proxy
settings in the environment variable :data:`ENVIRONMENT` (JSON), and this
file turns them into the suites' variables (``WS_HEADERS``,
``WS_SUBPROTOCOL``, ``CA_BUNDLE``, ...). So no setting, and no secret in
one, sits on the ``robot`` command line, where ``ps`` would show it, or in a
file under the output directory.
"""

from __future__ import annotations

import json
import os

__all__ = ["ENVIRONMENT", "get_variables"]

ENVIRONMENT = "WSCOMPLIANCE_TARGET_SETTINGS"
"""The environment variable holding the target's settings: a JSON object of suite variable names to values."""


def get_variables() -> dict[str, object]:
    """The suite variables the settings give; none when the environment variable is not set."""
    return json.loads(os.environ.get(ENVIRONMENT) or "{}")
