"""Runs a Pulumi Python program against a resource monitor and engine, as the Python language host does.

The host starts its executor with the program's own interpreter: it reads the settings from its
arguments and the config from PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS, configures the SDK's
runtime, then runs the program's __main__ inside the SDK's stack, which waits for every outstanding
registration (including those made inside apply) before it returns. This script does the same for
`prodready preview`, with the user's interpreter and the user's installed `pulumi` package.

Exit codes: 0 the program finished; 1 it failed (the error went to the engine's log);
3 the interpreter has no `pulumi` package (the reason is the last line of stderr).
"""

import argparse
import asyncio
import inspect
import logging
import os
import runpy
import signal
import sys
import threading
import traceback

EXIT_FAILED = 1
EXIT_NO_SDK = 3
# The line prefix the preview looks for on stderr when the SDK cannot be imported.
NO_SDK_MARKER = "prodready-python: no pulumi package:"


def watch_lifeline():
    """Ends this process, and the process group it leads, as soon as prodready is gone, however it went.

    prodready holds the other end of a pipe on the descriptor named by PRODREADY_LIFELINE_FD
    (src/program/child-processes.ts); the kernel closes it when prodready exits, even by SIGKILL,
    and the read here returns the end of the stream. The watch runs on a daemon thread, started
    before the SDK is imported, so a program busy in Python code is ended too.
    """
    fd = os.environ.pop("PRODREADY_LIFELINE_FD", None)
    if fd is None:
        return
    fd = int(fd)
    try:
        os.set_blocking(fd, True)
    except OSError:
        return  # no such descriptor: nothing to watch

    def watch():
        try:
            while os.read(fd, 512):
                pass
        except OSError:
            pass  # a broken pipe means prodready is gone as well
        if os.getpgrp() == os.getpid():
            os.killpg(os.getpid(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="prodready-lifeline", daemon=True).start()


watch_lifeline()

try:
    import pulumi
    import pulumi.runtime
except ImportError as missing:
    print(f"{NO_SDK_MARKER} {missing}", file=sys.stderr)
    sys.exit(EXIT_NO_SDK)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Run a Pulumi Python program against a resource monitor")
    parser.add_argument("--monitor", required=True)
    parser.add_argument("--engine", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--stack", required=True)
    parser.add_argument("--organization", default=None)
    parser.add_argument("--root_directory", default=None)
    parser.add_argument("--pwd", default=None)
    parser.add_argument("--dry_run", default="true")
    parser.add_argument("--parallel", type=int, default=None)
    parser.add_argument("PROGRAM")
    parser.add_argument("ARGS", nargs="*")
    return parser.parse_args(argv)


def settings_for(args):
    """The runtime settings, leaving out any an older SDK's Settings does not take."""
    wanted = {
        "monitor": args.monitor,
        "engine": args.engine,
        "project": args.project,
        "stack": args.stack,
        "parallel": args.parallel,
        "dry_run": args.dry_run == "true",
        "organization": args.organization,
        "root_directory": args.root_directory,
    }
    accepted = inspect.signature(pulumi.runtime.Settings.__init__).parameters
    return pulumi.runtime.Settings(**{k: v for k, v in wanted.items() if k in accepted})


def load_config():
    """Config and its secret keys come through the environment, never the command line."""
    values = pulumi.runtime.get_config_env()
    if hasattr(pulumi.runtime, "set_all_config") and hasattr(pulumi.runtime, "get_config_secret_keys_env"):
        pulumi.runtime.set_all_config(values, pulumi.runtime.get_config_secret_keys_env())
    else:
        for key, value in values.items():
            pulumi.runtime.set_config(key, value)


def main(argv):
    args = parse_arguments(argv)
    load_config()
    settings = settings_for(args)
    pulumi.runtime.configure(settings)

    if args.pwd:
        os.chdir(args.pwd)
    program = os.path.abspath(args.PROGRAM)
    if os.path.isdir(program):
        if not os.path.exists(os.path.join(program, "__main__.py")):
            pulumi.log.error(f"no __main__.py in {program}: a Python Pulumi program starts there")
            return EXIT_FAILED
        # As `python <dir>` does: the program's own modules import from its directory.
        sys.path.insert(0, program)
    else:
        sys.path.insert(0, os.path.dirname(program))
    sys.argv = [args.PROGRAM] + args.ARGS

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # Futures left unobserved when a program fails are expected; asyncio's complaints about them are noise.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    try:
        loop.run_until_complete(pulumi.runtime.run_in_stack(lambda: runpy.run_path(program, run_name="__main__")))
        return 0
    except pulumi.RunError as err:
        pulumi.log.error(str(err))
        return EXIT_FAILED
    except Exception:  # noqa: BLE001 -- any error of the program fails the run
        pulumi.log.error("Program failed with an unhandled exception:\n" + traceback.format_exc())
        return EXIT_FAILED
    finally:
        loop.close()
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
