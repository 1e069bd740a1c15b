"""Runs parts of the Glue ETL script against a fake SparkSession that records every call, and prints the record.

    python3 fake_spark.py <etl script> steps <sql_dir>      -> the calls of run_steps over the real transform SQL
    python3 fake_spark.py <etl script> read <files, comma-separated> <missing:0|1>  -> the calls of register_manifests
                                                                        (the import side; the export side has no file)

Spark is not installed here; the fake stands in for exactly the methods the script calls, so an added call the fake
does not know fails the test instead of passing unseen.
"""

import importlib.util
import json
import sys
import types

events = []


class AnalysisException(Exception):
    pass


class Frame:
    def __init__(self, name):
        self.name = name

    def createOrReplaceTempView(self, view):
        events.append(["view", self.name, view])

    def persist(self, level):
        events.append(["persist", self.name, level])
        return self

    def count(self):
        events.append(["count", self.name])
        return 0

    def unpersist(self):
        events.append(["unpersist", self.name])
        return self

    def withColumn(self, column, value):
        events.append(["withColumn", self.name, column, value])
        return self

    @property
    def write(self):
        frame = self

        class Writer:
            def mode(self, mode):
                events.append(["mode", frame.name, mode])
                return self

            def parquet(self, path):
                events.append(["parquet", frame.name, path])

        return Writer()


class Reader:
    def __init__(self, missing):
        self.missing = missing

    def option(self, key, value):
        events.append(["option", key, value])
        return self

    def schema(self, schema):
        events.append(["schema", [field.name for field in schema.fields]])
        return self

    def csv(self, path):
        events.append(["csv", path])
        if self.missing:
            raise AnalysisException("[PATH_NOT_FOUND] Path does not exist: %s" % path)
        return Frame("raw")


class Spark:
    def __init__(self, names_by_sql, missing=False):
        self.names_by_sql = names_by_sql
        self.missing = missing

    def sql(self, text):
        # The steps by their name; any other statement (the reader's views) by its text.
        name = self.names_by_sql.get(text, text)
        events.append(["sql", name])
        return Frame(name)

    @property
    def read(self):
        return Reader(self.missing)

    @property
    def conf(self):
        class Conf:
            def set(self, key, value):
                events.append(["conf", key, value])

        return Conf()

    def createDataFrame(self, rows, schema):
        events.append(["empty", len(rows), [field.name for field in schema.fields]])
        return Frame("empty")


def install_fake_pyspark():
    field = lambda name, kind, nullable: types.SimpleNamespace(name=name)
    modules = {
        "pyspark": types.SimpleNamespace(StorageLevel=types.SimpleNamespace(MEMORY_AND_DISK="MEMORY_AND_DISK")),
        "pyspark.sql": types.ModuleType("pyspark.sql"),
        "pyspark.sql.functions": types.SimpleNamespace(input_file_name=lambda: "input_file_name()"),
        "pyspark.sql.types": types.SimpleNamespace(
            StringType=lambda: "string", StructField=field,
            StructType=lambda fields: types.SimpleNamespace(fields=fields)),
        "pyspark.sql.utils": types.SimpleNamespace(AnalysisException=AnalysisException),
    }
    sys.modules.update(modules)


def load(script):
    spec = importlib.util.spec_from_file_location("etl", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    install_fake_pyspark()
    etl = load(sys.argv[1])
    if sys.argv[2] == "steps":
        values = {"window_start_ms": "1000", "window_end_ms": "2000", "hyphenate_database_names": "0"}
        steps = etl.rendered_steps(etl.load_sql(sys.argv[3]), values)
        etl.run_steps(Spark({sql: name for name, _, _, sql in steps}), steps, "s3://out/run/tables")
        print(json.dumps({"steps": [[name, kind, sql] for name, kind, _, sql in steps], "events": events}))
    else:
        files = [f for f in sys.argv[3].split(",") if f]
        etl.register_manifests(Spark({}, missing=sys.argv[4] == "1"), [("import", files), ("export", [])])
        print(json.dumps({"events": events}))


if __name__ == "__main__":
    main()
