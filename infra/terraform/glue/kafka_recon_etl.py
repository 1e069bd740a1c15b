"""kafka-recon comparison ETL on AWS Glue.

A thin wrapper: it reads the import and export manifests of the window as raw text columns, registers them as the
temporary views ``import_manifest_raw`` and ``export_manifest_raw`` (columns c0..c7, all strings, and ``file``, the
file a line came from) and ``unreadable_lines`` (below), executes the
*same* transform SQL files as the embedded DuckDB engine (``<step>.sql`` under ``--sql_dir``) in the order of
``ComparisonSql.Steps`` (mirrored in ``STEPS`` below): each file is one SELECT whose result later steps know by the
file's name, so each becomes a temporary view. View steps (each side's lines classified) stay plain views: each side's
raw text is read by ``compared_keys`` and again by its ``*_payload`` step (and by ``rejected_lines`` when lines were
rejected). Shared steps are persisted and materialised at once (``count()``) and released (``unpersist``) once the
step that last reads them is materialised, as the DuckDB engine materialises and drops its temp tables. The four output steps
``rejected_lines``, ``missing_imports``, ``missing_exports``, ``mismatched_timestamps`` and ``counts`` are written as
Parquet under this
run's output prefix. ``{{window_end_ms}}`` in the SQL means the window end plus the margin (``--margin_end_ms``), as
in ComparisonSql. Only this run's table folders are overwritten; other runs' data is never touched.

Manifests are read with the embedded engine's rules (docs/comparison-semantics.md, "Inputs"): ``|`` separated, ``"``
quote and escape, files and folders whose name starts with ``.`` or ``_`` are not manifests, and a location with no
manifest file is an empty side. A line that is not exactly eight fields, or not UTF-8, never fails the job and is never
padded or cut into a compared record: Spark reads PERMISSIVE with a ``_corrupt_record`` column, and such lines go to
the temporary view ``unreadable_lines`` (side, reason, file, line_number, sample) instead of the raw views, with
reason ``bad_field_count`` (``_corrupt_record`` set) or ``not_utf8`` (a field holds U+FFFD, which is how Spark decodes
bytes that are not UTF-8). ``rejected_lines.sql`` counts them with its own rejects, as on DuckDB. Known differences,
untested here because Spark cannot run in this repository's tests: Spark reads one record per line, so a quoted field
holding a line end (one record on DuckDB) becomes two ``bad_field_count`` lines; a genuine U+FFFD in valid UTF-8 is
``not_utf8``; samples show U+FFFD where DuckDB's show ``\\xNN``; line_number is left empty and the operator finds it
when it writes the report (RejectedSampleLines).

Arguments: set by kafka-recon's GlueTransformer: --kafka_recon_run (idempotency key, used to find this run again),
--run_id, --window_start_ms, --margin_end_ms, --import_location, --export_location, --output_location,
--hyphenate_database_names (0 or 1: spec.comparison.databaseNames), --import_list and --export_list (the run's input listing, one file a line, written by the operator: the job reads
exactly those files and never lists a location itself); set by the
Terraform job definition: --sql_dir (the s3:// prefix, or a local folder, holding the transform SQL files).
"""

import os
import re
import sys

ARGUMENTS = [
    "JOB_NAME",
    "kafka_recon_run",
    "run_id",
    "window_start_ms",
    "margin_end_ms",
    "import_location",
    "export_location",
    "output_location",
    "import_list",
    "export_list",
    "hyphenate_database_names",
    "sql_dir",
]
# (name, kind, releases): the order and kinds of src/Operator/Sql/ComparisonSql.cs; a test keeps them equal.
STEPS = [
    ("import_classified", "view", []),
    ("export_classified", "view", []),
    ("compared_keys", "shared", []),
    ("collections_in_both", "shared", []),
    ("rejected_reasons", "shared", []),
    ("rejected_lines", "output", ["rejected_reasons"]),
    ("database_spellings", "shared", []),
    ("differing_keys", "shared", []),
    ("import_candidate_lines", "shared", []),
    ("import_payload", "shared", ["import_candidate_lines"]),
    ("export_candidate_lines", "shared", []),
    ("export_payload", "shared", ["export_candidate_lines"]),
    ("differences", "shared", ["differing_keys", "import_payload"]),
    ("collection_counts", "shared", ["compared_keys", "export_payload", "database_spellings"]),
    ("missing_imports", "output", []),
    ("missing_exports", "output", []),
    ("mismatched_timestamps", "output", []),
    ("counts", "output", []),
]
TABLES = [name for name, kind, _ in STEPS if kind == "output"]
RAW_COLUMNS = ["c%d" % i for i in range(8)]
FILE_COLUMN = "file"
CORRUPT_COLUMN = "_corrupt_record"
UNREADABLE_VIEW = "unreadable_lines"
# Spark decodes bytes that are not UTF-8 as U+FFFD.
REPLACEMENT_CHARACTER = "\ufffd"
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


def read_text(path):
    """A text file from S3 (GetObject only: the Glue role may read its code, not list it) or from local disk."""
    if path.startswith("s3://"):
        import boto3

        bucket, _, key = path[len("s3://"):].partition("/")
        return boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def load_sql(sql_dir, read=read_text):
    """Every step's SQL text from --sql_dir, read before any Spark work so a missing file fails at once."""
    folder = sql_dir.rstrip("/")
    texts = {}
    for name, _, _ in STEPS:
        path = "%s/%s.sql" % (folder, name)
        try:
            texts[name] = read(path)
        except Exception as error:
            raise FileNotFoundError("The transform SQL file %s (--sql_dir %s) could not be read: %s"
                                    % (path, sql_dir, error)) from error
    return texts


def step_sql(text, name, values):
    """The step's single SELECT, rendered."""
    statements = split_statements(render(text, values))
    if len(statements) != 1:
        raise ValueError("%s.sql must hold exactly one SELECT; found %d statements" % (name, len(statements)))
    return statements[0]


def rendered_steps(texts, values):
    """(name, kind, releases, sql) of every step in order: exactly what main() executes."""
    return [(name, kind, releases, step_sql(texts[name], name, values)) for name, kind, releases in STEPS]


def placeholder_values(args):
    """The parameters of ComparisonSql.Parameters: the window end the SQL sees already includes the margin; 1 when
    database names are compared with every '_' read as '-' (spec.comparison.databaseNames: hyphenate), else 0."""
    hyphenate = str(int(args["hyphenate_database_names"]))
    if hyphenate not in ("0", "1"):
        raise ValueError("--hyphenate_database_names is %s; expected 0 or 1" % hyphenate)
    return {
        "window_start_ms": str(int(args["window_start_ms"])),
        "window_end_ms": str(int(args["margin_end_ms"])),
        "hyphenate_database_names": hyphenate,
    }


def listed_files(list_location, read=read_text):
    """The manifest files of the run's input list: one location a line, in the operator's order."""
    return [line.strip() for line in read(list_location).splitlines() if line.strip()]


def read_manifests(spark, files):
    """Exactly the listed manifest files, as eight strings, ``_corrupt_record`` (the raw line when Spark could not
    split it into eight fields) and the file's name (``file``, as the embedded engine's ``filename``: rejected_lines.sql
    names it in its samples). The operator's listing already passed over hidden names (a leading '.', or '_' without
    '=', or a '._COPYING_' ending), symbolic links and files older than the window. A location holding no file is an
    empty side.
    """
    from pyspark.sql.functions import input_file_name
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField(name, StringType(), True) for name in RAW_COLUMNS + [CORRUPT_COLUMN]])
    # With column pruning Spark tokenises only the fields a query reads (the import side skips c6), and a line's
    # field count is then checked against those alone: a nine-field line would not be marked corrupt.
    spark.conf.set("spark.sql.csv.parser.columnPruning.enabled", "false")
    reader = (
        spark.read.option("sep", "|")
        .option("quote", '"')
        .option("escape", '"')
        .option("header", "false")
        .option("recursiveFileLookup", "true")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT_COLUMN)
        .schema(schema)
    )
    if not files:
        # An empty list is an empty side, as in the embedded engine.
        return spark.createDataFrame([], StructType(schema.fields + [StructField(FILE_COLUMN, StringType(), True)]))
    return reader.csv(files).withColumn(FILE_COLUMN, input_file_name())


def _joined_fields():
    """The eight fields joined by '|' again, an empty field as '' (as rejected_lines.sql builds its samples)."""
    return "CONCAT(%s)" % ", '|', ".join("COALESCE(%s, '')" % c for c in RAW_COLUMNS)


def _not_utf8():
    """True when a field holds U+FFFD; field by field, so clean lines cost no concatenation, never NULL."""
    return "(%s)" % " OR ".join("INSTR(COALESCE(%s, ''), '%s') > 0" % (c, REPLACEMENT_CHARACTER) for c in RAW_COLUMNS)


def readable_sql(read_view):
    """The raw relation the shared SQL reads: the lines Spark split into eight UTF-8 fields."""
    return "SELECT %s, %s FROM %s WHERE %s IS NULL AND NOT %s" % (
        FILE_COLUMN, ", ".join(RAW_COLUMNS), read_view, CORRUPT_COLUMN, _not_utf8())


def unreadable_sql(side, read_view):
    """The other lines, as unreadable_lines rows; the reader knows no line number (the report finds it)."""
    return (
        "SELECT '%s' AS side, CASE WHEN %s IS NOT NULL THEN 'bad_field_count' ELSE 'not_utf8' END AS reason, "
        "%s, CAST(NULL AS BIGINT) AS line_number, SUBSTRING(COALESCE(%s, %s), 1, 200) AS sample "
        "FROM %s WHERE %s IS NOT NULL OR %s"
        % (side, CORRUPT_COLUMN, FILE_COLUMN, CORRUPT_COLUMN, _joined_fields(), read_view, CORRUPT_COLUMN, _not_utf8()))


def register_manifests(spark, files_by_side):
    """Registers ``<side>_manifest_raw`` for each (side, files) and ``unreadable_lines`` for both sides."""
    unreadable = []
    for side, files in files_by_side:
        read_view = "%s_manifest_read" % side
        read_manifests(spark, files).createOrReplaceTempView(read_view)
        spark.sql(readable_sql(read_view)).createOrReplaceTempView("%s_manifest_raw" % side)
        unreadable.append(unreadable_sql(side, read_view))
    spark.sql(" UNION ALL ".join(unreadable)).createOrReplaceTempView(UNREADABLE_VIEW)


def run_steps(spark, steps, output):
    """Executes the rendered steps: shared ones persisted and materialised once, outputs written as Parquet."""
    from pyspark import StorageLevel

    shared = {}
    for name, kind, releases, sql in steps:
        frame = spark.sql(sql)
        frame.createOrReplaceTempView(name)
        if kind == "shared":
            # cache() alone is lazy: without an action here, the first output would compute every step from the raw
            # text, and a side released before that would be read and parsed again by each step that needs it.
            frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
            frame.count()
            shared[name] = frame
        if kind == "output":
            # Only this run's table folder is replaced; other runs live under other prefixes.
            frame.write.mode("overwrite").parquet("%s/%s" % (output, name))
        # Released only once this step is materialised or written: it may be the one reading them.
        for released in releases:
            shared.pop(released).unpersist()
    for frame in shared.values():
        frame.unpersist()


def main():
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    args = getResolvedOptions(sys.argv, ARGUMENTS)
    steps = rendered_steps(load_sql(args["sql_dir"]), placeholder_values(args))
    glue_context = GlueContext(SparkContext.getOrCreate())
    spark = glue_context.spark_session
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)
    print("kafka-recon run %s (key %s)" % (args["run_id"], args["kafka_recon_run"]))

    register_manifests(spark, [("import", listed_files(args["import_list"])), ("export", listed_files(args["export_list"]))])
    run_steps(spark, steps, args["output_location"].rstrip("/"))
    job.commit()


if __name__ == "__main__":
    main()
