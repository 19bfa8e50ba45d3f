# Pipeline and forecast (docs/pipeline.md, docs/forecasting.md): the board's first read and a
# quarter's forecast, measured in process by pipeline_bench.


def cases(ctx):
    program = ctx["cli"].parent.parent / "tests" / "bench" / "pipeline_bench"
    if not program.exists():
        return []
    runs = str(max(3, ctx["runs"]))
    return ctx["in_process"](program, [str(ctx["db"]), runs, ctx["as_of"]], ctx["size"])
