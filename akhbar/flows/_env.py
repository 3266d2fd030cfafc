"""Prefect settings for offline, quiet runs.  Imported before ``prefect`` everywhere.

Only defaults: anything the user exported (e.g. PREFECT_API_URL for a real server)
wins.  Facts behind them: ../docs/operations.md and the README.
"""

import os

_DEFAULTS = {
    # no outbound telemetry from the temporary local server or the client (offline machines)
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    # the temporary local API can take >20 s to start on a busy 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # the flow logs per-batch progress at INFO (the Prefect UI shows it); the terminal shows
    # akhbar's own progress bar, so Prefect's console handler prints only warnings and errors
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    # no "View at http://..." banners for the temporary server
    "PREFECT_UI_ENABLED": "false",
}

for _key, _value in _DEFAULTS.items():
    os.environ.setdefault(_key, _value)
