# Retention analysis (issue 8, docs/retention.md): the at-risk list and churn, in process
# (retention_bench), and the whole `cartera-cli at-risk` and `cartera-cli churn` commands.
# Loaded by suite.py's optional_cases(): cases(ctx) returns Results.


def cases(ctx):
    cli = ctx["cli"]
    db = ctx["db"]
    size = ctx["size"]
    runs = ctx["runs"]
    bench = cli.parent.parent / "tests" / "bench" / "retention_bench"
    results = []
    if bench.exists():
        results.extend(ctx["in_process"](bench, [str(db), str(runs), ctx["as_of"]], size))
    at_risk = [str(cli), "at-risk", "--db", str(db), "--as-of", ctx["as_of"], "--limit", "50"]
    results.append(ctx["alternating"](size, "`cartera-cli at-risk` (whole process, first 50)", at_risk,
                                      None, None, runs))
    churn = [str(cli), "churn", "--db", str(db), "--as-of", ctx["as_of"], "--period", "month", "--by", "reason"]
    results.append(ctx["alternating"](size, "`cartera-cli churn` by month and reason (whole process)", churn,
                                      None, None, runs))
    return results
