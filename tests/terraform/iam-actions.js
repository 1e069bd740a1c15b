// Prints the IAM actions every aws_iam_policy_document of a Terraform module allows, as JSON
// { "<document>": ["service:Action", ...] }, statements and dynamic statements alike (HCL parsed by @cdktf/hcl2json).
//   node iam-actions.js <module-dir>
"use strict";

const fs = require("fs");
const path = require("path");
const { parse } = require("@cdktf/hcl2json");

async function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node iam-actions.js <terraform-module-dir>");
    process.exit(2);
  }
  const documents = {};
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".tf")).sort()) {
    const file = path.join(dir, name);
    const body = await parse(file, fs.readFileSync(file, "utf8"));
    for (const [document, blocks] of Object.entries((body.data || {}).aws_iam_policy_document || {})) {
      const actions = new Set();
      for (const block of blocks) {
        for (const statement of statementsOf(block)) {
          if ((statement.effect || "Allow") !== "Allow") continue;
          for (const action of statement.actions || []) actions.add(action);
        }
      }
      documents[document] = [...actions].sort();
    }
  }
  console.log(JSON.stringify(documents));
}

function* statementsOf(block) {
  yield* block.statement || [];
  for (const dynamic of (block.dynamic || {}).statement || []) {
    for (const content of dynamic.content || []) yield content;
  }
}

main().catch((e) => {
  console.error(`ERROR ${e.message || e}`);
  process.exit(1);
});
