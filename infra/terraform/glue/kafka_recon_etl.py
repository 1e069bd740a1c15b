"""kafka-recon comparison ETL on AWS Glue.

A thin wrapper: it reads the import and export manifests of the window as raw text columns, registers them as the
temporary views ``import_manifest_raw`` and ``export_manifest_raw`` (columns c0..c7, all strings), executes the
*same* transform SQL files as the embedded DuckDB engine (``transform/<step>.sql``) in the order of
``ComparisonSql.Steps`` (mirrored in ``STEPS`` below): each file is one SELECT whose result later steps know by the
file's name, so each becomes a temporary view; shared steps are cached (and released once no later step reads
them), exactly as the DuckDB engine materialises them. The four output steps ``missing_imports``,
``missing_exports``, ``mismatched_timestamps`` and ``counts`` are written as Parquet under this run's output prefix.
``{{window_end_ms}}`` in the SQL means the window end plus the margin (``--margin_end_ms``), as in ComparisonSql. Only this run's table folders are overwritten; other runs' data is never touched.

Arguments (set by kafka-recon's GlueTransformer): --kafka_recon_run (idempotency key, used to find this run again),
--run_id, --window_start_ms, --window_end_ms, --margin_end_ms, --import_location, --export_location,
--output_location, and optionally --sql_dir (where the SQL files are; default: next to this script or in the
working directory, where Glue puts --extra-files).
"""

import glob
import os
import re
import sys

ARGUMENTS = [
    "JOB_NAME",
    "kafka_recon_run",
    "run_id",
    "window_start_ms",
    "window_end_ms",
    "margin_end_ms",
    "import_location",
    "export_location",
    "output_location",
]
# (name, kind, releases): the order and kinds of src/Operator/Sql/ComparisonSql.cs; a test keeps them equal.
STEPS = [
    ("import_side", "shared", []),
    ("export_side", "shared", []),
    ("differences", "shared", []),
    ("import_counts", "shared", ["import_side"]),
    ("export_counts", "shared", ["export_side"]),
    ("collection_counts", "shared", ["import_counts", "export_counts"]),
    ("collections_in_both", "shared", []),
    ("missing_imports", "output", []),
    ("missing_exports", "output", []),
    ("mismatched_timestamps", "output", []),
    ("counts", "output", []),
]
TABLES = [name for name, kind, _ in STEPS if kind == "output"]
RAW_COLUMNS = ["c%d" % i for i in range(8)]
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


def render(sql, values):
    """Fills {{name}} placeholders; an unknown placeholder is an error, never left in the SQL."""

    def substitute(match):
        name = match.group(1)
        if name not in values:
            raise ValueError("SQL placeholder %s has no value; known: %s" % (match.group(0), ", ".join(sorted(values))))
        return values[name]

    return PLACEHOLDER.sub(substitute, sql)


def split_statements(sql):
    """Splits SQL text on semicolons outside quotes and comments; blank statements are dropped."""
    statements, current = [], []
    i, quote = 0, None
    while i < len(sql):
        char = sql[i]
        if quote:
            current.append(char)
            if char == quote:
                if i + 1 < len(sql) and sql[i + 1] == quote:
                    current.append(sql[i + 1])
                    i += 1
                else:
                    quote = None
        elif char in ("'", '"', "`"):
            quote = char
            current.append(char)
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end
            continue
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = len(sql) if end < 0 else end + 2
            continue
        elif char == ";":
            statements.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        i += 1
    statements.append("".join(current).strip())
    return [s for s in statements if s]


def sql_folder(script_dir, sql_dir=None):
    """The folder holding every step's transform SQL file."""
    candidates = [sql_dir] if sql_dir else [
        os.path.join(script_dir, "transform"),
        os.path.join(os.getcwd(), "transform"),
        os.getcwd(),
    ]
    for folder in candidates:
        if all(os.path.isfile(os.path.join(folder, name + ".sql")) for name, _, _ in STEPS):
            return folder
    raise FileNotFoundError(
        "The transform SQL files %s were not all found in any of %s"
        % (", ".join(name + ".sql" for name, _, _ in STEPS), ", ".join(candidates)))


def step_sql(folder, name, values):
    """The step's single SELECT, rendered."""
    with open(os.path.join(folder, name + ".sql"), encoding="utf-8") as handle:
        statements = split_statements(render(handle.read(), values))
    if len(statements) != 1:
        raise ValueError("transform/%s.sql must hold exactly one SELECT; found %d statements" % (name, len(statements)))
    return statements[0]


def placeholder_values(args):
    """The parameters of ComparisonSql.Parameters: the window end the SQL sees already includes the margin."""
    return {
        "window_start_ms": str(int(args["window_start_ms"])),
        "window_end_ms": str(int(args["margin_end_ms"])),
    }


def read_manifests(spark, location):
    """Every file below the location, recursively, as pipe-separated text with double-quote quoting."""
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField(name, StringType(), True) for name in RAW_COLUMNS])
    return (
        spark.read.option("sep", "|")
        .option("quote", '"')
        .option("escape", '"')
        .option("header", "false")
        .option("recursiveFileLookup", "true")
        .option("mode", "PERMISSIVE")
        .schema(schema)
        .csv(location.rstrip("/") + "/")
    )


def main():
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    optional = ["sql_dir"] if "--sql_dir" in sys.argv else []
    args = getResolvedOptions(sys.argv, ARGUMENTS + optional)
    glue_context = GlueContext(SparkContext.getOrCreate())
    spark = glue_context.spark_session
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)
    print("kafka-recon run %s (key %s)" % (args["run_id"], args["kafka_recon_run"]))

    read_manifests(spark, args["import_location"]).createOrReplaceTempView("import_manifest_raw")
    read_manifests(spark, args["export_location"]).createOrReplaceTempView("export_manifest_raw")

    values = placeholder_values(args)
    folder = sql_folder(os.path.dirname(os.path.abspath(__file__)), args.get("sql_dir"))
    output = args["output_location"].rstrip("/")
    for name, kind, releases in STEPS:
        frame = spark.sql(step_sql(folder, name, values))
        if kind == "shared":
            frame = frame.cache()
        frame.createOrReplaceTempView(name)
        for released in releases:
            spark.catalog.uncacheTable(released)
        if kind == "output":
            # Only this run's table folder is replaced; other runs live under other prefixes.
            frame.write.mode("overwrite").parquet("%s/%s" % (output, name))
    job.commit()


if __name__ == "__main__":
    main()
