// Parses every .tf file of the given module folders with HashiCorp's HCL parser (compiled to WebAssembly in
// @cdktf/hcl2json) and checks what `terraform validate` would need providers for: every reference resolves.
//   node validate.js <module-dir>...
// A module folder holds .tf files; an "examples/<name>" folder inside it is validated as its own module, and its
// module calls are checked against the called module's variables.
"use strict";

const fs = require("fs");
const path = require("path");
const { parse, getReferencesInExpression } = require("@cdktf/hcl2json");

// Roots that are not declarations of this module.
const BUILTIN_ROOTS = new Set(["path", "count", "each", "self", "terraform"]);

async function main() {
  const roots = process.argv.slice(2);
  if (roots.length === 0) {
    console.error("usage: node validate.js <terraform-module-dir>...");
    process.exit(2);
  }
  const errors = [];
  let files = 0;
  const dirs = roots.flatMap(moduleDirs);
  for (const dir of dirs) {
    const module = await loadModule(dir, errors);
    files += module.files;
    await checkModule(module, errors);
  }
  for (const error of errors) {
    console.error(`ERROR ${error}`);
  }
  console.log(`terraform validation: ${dirs.length} module(s), ${files} file(s), ${errors.length} error(s)`);
  process.exit(errors.length === 0 ? 0 : 1);
}

function moduleDirs(root) {
  if (!fs.existsSync(root)) {
    throw new Error(`${root} does not exist`);
  }
  const found = [];
  const walk = (dir) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith(".tf"))) {
      found.push(dir);
    }
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules") {
        walk(path.join(dir, e.name));
      }
    }
  };
  walk(root);
  if (found.length === 0) {
    throw new Error(`${root} holds no .tf files`);
  }
  return found;
}

async function loadModule(dir, errors) {
  const module = {
    dir, files: 0, parsed: true, bodies: [],
    variables: new Map(), locals: new Map(), resources: new Map(), data: new Map(), modules: new Map(), outputs: new Map(),
  };
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(".tf")).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    module.files++;
    let body;
    try {
      body = await parse(file, fs.readFileSync(file, "utf8"));
    } catch (e) {
      errors.push(`${file}: HCL syntax: ${String(e.message || e)}`);
      module.parsed = false;
      continue;
    }
    module.bodies.push({ file, body });
    declare(module.variables, Object.keys(body.variable || {}), file, "variable", errors);
    for (const block of body.locals || []) {
      declare(module.locals, Object.keys(block), file, "local", errors);
    }
    for (const [type, byName] of Object.entries(body.resource || {})) {
      declare(module.resources, Object.keys(byName).map((n) => `${type}.${n}`), file, "resource", errors);
    }
    for (const [type, byName] of Object.entries(body.data || {})) {
      declare(module.data, Object.keys(byName).map((n) => `${type}.${n}`), file, "data source", errors);
    }
    declare(module.modules, Object.keys(body.module || {}), file, "module", errors);
    declare(module.outputs, Object.keys(body.output || {}), file, "output", errors);
  }
  return module;
}

function declare(map, names, file, what, errors) {
  for (const name of names) {
    if (map.has(name)) {
      errors.push(`${file}: ${what} "${name}" is declared twice (also in ${map.get(name)})`);
    }
    map.set(name, file);
  }
}

async function checkModule(module, errors) {
  const used = new Set();
  module.calledOutputs = new Map();
  for (const { body } of module.bodies) {
    for (const [name, blocks] of Object.entries(body.module || {})) {
      const source = (blocks[0] || {}).source;
      if (typeof source === "string" && source.startsWith(".")) {
        module.calledOutputs.set(name, (await loadModule(path.resolve(module.dir, source), [])).outputs);
      }
    }
  }
  for (const { file, body } of module.bodies) {
    await checkReferences(module, file, body, used, errors);
    for (const [name, blocks] of Object.entries(body.variable || {})) {
      const v = blocks[0] || {};
      if (path.basename(file) !== "variables.tf") {
        errors.push(`${file}: variable "${name}" belongs in variables.tf`);
      }
      if (!v.description) errors.push(`${file}: variable "${name}" has no description`);
      if (!v.type) errors.push(`${file}: variable "${name}" has no type`);
    }
    for (const [name, blocks] of Object.entries(body.output || {})) {
      if (!(blocks[0] || {}).description) errors.push(`${file}: output "${name}" has no description`);
    }
    for (const [name, blocks] of Object.entries(body.module || {})) {
      await checkModuleCall(module, file, name, blocks[0] || {}, errors);
    }
  }
  for (const [name, file] of module.variables) {
    if (module.parsed && !used.has(name)) errors.push(`${file}: variable "${name}" is declared but never used`);
  }
}

async function checkReferences(module, file, body, usedVariables, errors) {
  for (const { where, text, scope } of expressions(body, [], new Set())) {
    if (where.length === 3 && where[0] === "variable" && where[2] === "type") continue; // type constraints, not references
    let references;
    try {
      references = await getReferencesInExpression(file, text);
    } catch (e) {
      errors.push(`${file} (${where}): cannot parse expression: ${String(e.message || e)}`);
      continue;
    }
    const forVariables = forExpressionVariables(text);
    for (const { value } of references) {
      const parts = value.split(".");
      const [root, name] = parts;
      const at = `${file} (${where.join(".")})`;
      if (BUILTIN_ROOTS.has(root) || scope.has(root) || forVariables.has(root)) continue;
      if (root === "var") {
        usedVariables.add(name);
        if (!module.variables.has(name)) errors.push(`${at}: var.${name} is not declared in variables.tf`);
      } else if (root === "local") {
        if (!module.locals.has(name)) errors.push(`${at}: local.${name} is not defined in any locals block`);
      } else if (root === "data") {
        if (!module.data.has(`${name}.${parts[2]}`)) errors.push(`${at}: data.${name}.${parts[2]} is not declared`);
      } else if (root === "module") {
        if (!module.modules.has(name)) errors.push(`${at}: module.${name} is not declared`);
        else if (parts[2] && module.calledOutputs.has(name) && !module.calledOutputs.get(name).has(parts[2])) {
          errors.push(`${at}: module.${name}.${parts[2]} is not an output of that module`);
        }
      } else if (!module.resources.has(`${root}.${name}`)) {
        errors.push(`${at}: ${root}.${name} is not a declared resource`);
      }
    }
  }
}

// Yields every string that holds an expression, with the dynamic-block iterator names in scope at that point.
function* expressions(node, where, scope) {
  if (typeof node === "string") {
    if (node.includes("${") || node.includes("%{")) yield { where, text: node, scope };
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) yield* expressions(item, where, scope);
    return;
  }
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "dynamic") {
        for (const [label, blocks] of Object.entries(value)) {
          for (const block of blocks) {
            const iterator = typeof block.iterator === "string" ? block.iterator : label;
            yield* expressions(block, [...where, "dynamic", label], new Set([...scope, iterator]));
          }
        }
      } else {
        yield* expressions(value, [...where, key], scope);
      }
    }
  }
}

function forExpressionVariables(text) {
  const names = new Set();
  for (const match of text.matchAll(/\bfor\s+([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\b/g)) {
    names.add(match[1]);
    if (match[2]) names.add(match[2]);
  }
  return names;
}

// A call of a local module: every argument is one of its variables, every variable without default is given.
async function checkModuleCall(module, file, name, call, errors) {
  const source = call.source;
  if (typeof source !== "string" || !source.startsWith(".")) return;
  const dir = path.resolve(module.dir, source);
  const called = await loadModule(dir, []);
  const meta = new Set(["source", "version", "providers", "count", "for_each", "depends_on"]);
  for (const argument of Object.keys(call)) {
    if (!meta.has(argument) && !called.variables.has(argument)) {
      errors.push(`${file}: module "${name}" passes "${argument}", which ${source} does not declare`);
    }
  }
  for (const { body } of called.bodies) {
    for (const [variable, blocks] of Object.entries(body.variable || {})) {
      if (!("default" in (blocks[0] || {})) && !(variable in call)) {
        errors.push(`${file}: module "${name}" does not set required variable "${variable}" of ${source}`);
      }
    }
  }
}

main().catch((e) => {
  console.error(`ERROR ${e.message || e}`);
  process.exit(1);
});
