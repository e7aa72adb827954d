# What every lesson shares: its command line (the scenario's parameters as options, plus the
# start method and the pace) and its markers. A line starting with '▸ ' marks a step of the
# lesson; PoolScope reads them (and '▸ result {json}') to check what the lesson shows. Without
# PoolScope they are just lines of output.
import argparse
import json
import multiprocessing as mp


def options(description, *params):
    """params: (name, type, default, help). Adds --start-method and --pace."""
    parser = argparse.ArgumentParser(description=description)
    for name, kind, default, text in params:
        parser.add_argument('--' + name, type=kind, default=default, help=text)
    parser.add_argument('--start-method', choices=mp.get_all_start_methods(), default=None,
                        help="multiprocessing's start method (default: the platform's)")
    parser.add_argument('--pace', type=float, default=1.0, help='slow motion: stretches pauses')
    args = parser.parse_args()
    if args.start_method:
        mp.set_start_method(args.start_method)
    return args


def mark(text):
    print('\u25b8 ' + text, flush=True)


def result(value):
    print('\u25b8 result ' + json.dumps(value), flush=True)
