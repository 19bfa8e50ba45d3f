# Customer exports (issue 5): every listed customer to CSV (Excel comma profile) against the
# sqlite3 shell writing the same rows and columns in CSV mode (export_reference.sql), alternating;
# and to XLSX (no reference: the shell writes no workbooks).
import tempfile
from pathlib import Path


def cases(ctx):
    cli, db, size, runs = str(ctx["cli"]), str(ctx["db"]), ctx["size"], ctx["runs"]
    reference_sql = ctx["here"] / "export_reference.sql"
    with tempfile.TemporaryDirectory() as out:
        csv = [cli, "customers", "export", "--db", db, "--profile", "excel-comma", "--out", f"{out}/cartera.csv"]
        reference = ["sh", "-c", f'sqlite3 -csv -header "{db}" <"{reference_sql}" >"{out}/reference.csv"']
        results = [ctx["alternating"](size, "export every customer to CSV (Excel comma profile)", csv,
                                      "sqlite3 -csv: the same rows and columns (export_reference.sql)", reference, runs)]
        xlsx = [cli, "customers", "export", "--db", db, "--format", "xlsx", "--out", f"{out}/cartera.xlsx"]
        results.append(ctx["alternating"](size, "export every customer to XLSX", xlsx, None, None,
                                          runs if size <= 100_000 else 1))
        return results
