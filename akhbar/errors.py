"""Errors a user can act on, each with its own exit code of ``akhbar run``.

The command line prints such an error as one line and exits with its code
(README, "Exit codes"); anything else is a crash (exit 1, with a traceback).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_CRASH = 1  # an unexpected error (a bug) or a run that failed after it started
EXIT_INPUT_MISSING = 2  # --input does not exist (argparse also exits 2 on bad arguments)
EXIT_OUTPUT_LOCKED = 3  # another akhbar run is writing to --output
EXIT_OUTPUT_UNUSABLE = 4  # --output cannot be written, or is a folder akhbar did not create
EXIT_NO_INPUTS = 5  # --input holds no supported file
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it


class AkhbarError(RuntimeError):
    """A failure with a one-line explanation and a distinct exit code."""

    exit_code = EXIT_CRASH


class InputMissing(AkhbarError):
    exit_code = EXIT_INPUT_MISSING


class NoInputs(AkhbarError):
    exit_code = EXIT_NO_INPUTS


class OutputLocked(AkhbarError):
    exit_code = EXIT_OUTPUT_LOCKED


class OutputUnusable(AkhbarError):
    exit_code = EXIT_OUTPUT_UNUSABLE
