# Territory assignment with 200 rules and coverage (issue 6), timed by territory_bench on a copy
# of the demo file (the program writes moves and takes them back).
import shutil
import subprocess
import tempfile
from pathlib import Path


def cases(ctx):
    program = Path(ctx["cli"]).parent.parent / "tests" / "bench" / "territory_bench"
    if not program.exists():
        return []
    with tempfile.TemporaryDirectory(dir=Path(ctx["db"]).parent) as scratch:
        copy = Path(scratch) / "territories.cartera"
        subprocess.run(["cp", "--reflink=auto", str(ctx["db"]), str(copy)], check=True)
        return ctx["in_process"](program, [str(copy), str(ctx["runs"]), ctx["as_of"]], ctx["size"])
