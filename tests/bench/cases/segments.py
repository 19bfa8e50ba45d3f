# Segment evaluation (issue 5): counts of saved rule shapes as the editor, the Segments view and
# the customer list compute them, with the customer list's own filter count as the reference line.
from pathlib import Path


def cases(ctx):
    program = Path(ctx["cli"]).parent.parent / "tests" / "bench" / "segment_bench"
    if not program.exists():
        return []
    return ctx["in_process"](program, [str(ctx["db"]), str(ctx["runs"]), ctx["as_of"]], ctx["size"])
