"""The `tenure` command line: a thin layer that parses arguments and calls services.

Each subcommand lives in its own module exposing `register(subparsers)`; the module sets
`func(args, settings) -> int` as the parser default. Domain errors become one line on stderr
and the error's exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tenure import __version__
from tenure.errors import TenureError

# Subcommand modules, in the order `tenure --help` lists them.
COMMAND_MODULES = (
    "tenure.cli.extract",
    "tenure.cli.ingest",
    "tenure.cli.reextract",
    "tenure.cli.serve",
    "tenure.cli.db",
    "tenure.cli.keys",
    "tenure.cli.worker",
    "tenure.cli.webhooks",
    "tenure.cli.events",
    "tenure.cli.entities",
    "tenure.cli.sources",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tenure", description="Executive-movement event tracker.")
    parser.add_argument("--version", action="version", version=f"tenure {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # not written yet; the rest of the CLI still works
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    from tenure.security.redact import install_log_redaction
    from tenure.settings import load_settings

    install_log_redaction()  # secrets never reach a log line (webhook secrets, keys, passwords)

    try:
        settings = load_settings()
        return int(args.func(args, settings) or 0)
    except TenureError as exc:
        print(f"tenure: {exc.detail}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("tenure: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one readable line, not a traceback
        if args.debug:
            raise
        print(
            f"tenure: unexpected error: {type(exc).__name__}: {exc} (run with --debug for details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
