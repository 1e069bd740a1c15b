// Parses SQL statements with dt-sql-parser's grammars and prints every statement a grammar rejects.
//   node --import ./resolve-extensionless.mjs check.mjs < statements.json
// statements.json: [{ "name": "...", "grammars": ["spark", "trino", "hive"], "sql": "..." }, ...]
// Prints one JSON object: { "checked": <count of statement x grammar>, "errors": [{ name, grammar, message }] }.

import { readFileSync } from "node:fs";
import { SparkSQL, TrinoSQL, HiveSQL } from "dt-sql-parser";

const parsers = { spark: new SparkSQL(), trino: new TrinoSQL(), hive: new HiveSQL() };

function main() {
  const statements = JSON.parse(readFileSync(0, "utf8"));
  const errors = [];
  let checked = 0;
  for (const { name, grammars, sql } of statements) {
    for (const grammar of grammars) {
      const parser = parsers[grammar];
      if (!parser) throw new Error(`unknown grammar '${grammar}' for ${name}`);
      checked++;
      for (const e of parser.validate(sql)) {
        errors.push({ name, grammar, message: `${e.startLine}:${e.startColumn} ${e.message}` });
      }
    }
  }
  console.log(JSON.stringify({ checked, errors }));
}

main();
