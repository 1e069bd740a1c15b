// Schema tools for validate.mjs: YAML reading, kustomize, Kubernetes object schemas (kubernetes-models), and a CRD's
// structural schema as strict JSON Schema (ajv) plus its CEL rules (@bufbuild/cel), the way the API server applies them.
import { execFileSync } from "node:child_process";
import YAML from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { run } from "@bufbuild/cel";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";

export function readYamlDocuments(text, source) {
  return YAML.parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0].message}`);
    return document.toJS();
  }).filter((object) => object !== null);
}

export const kustomize = (folder) => readYamlDocuments(execFileSync("kubectl", ["kustomize", folder], { encoding: "utf8" }), folder);

// ---- Kubernetes objects (kubernetes-models ships the API's OpenAPI schemas as compiled validators) ----

const modelModules = {
  "monitoring.coreos.com/v1": (kind) => `@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${kind}`,
};

export async function validateKubernetesObject(object) {
  const where = `${object.kind}/${object.metadata?.name}`;
  const module = modelModules[object.apiVersion]?.(object.kind) ?? `kubernetes-models/${object.apiVersion}/${object.kind}`;
  let Model;
  try {
    Model = (await import(module))[object.kind];
  } catch {
    throw new Error(`${where}: no schema for ${object.apiVersion} ${object.kind} (is the apiVersion right?)`);
  }
  expect(Model, `${where}: no schema for ${object.apiVersion} ${object.kind}`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${where}: ${error.message}`);
  }
}

// ---- The CRD's structural schema as JSON Schema for ajv, plus CEL ----

export const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat("int64", { type: "number", validate: (n) => Number.isInteger(n) });

// Kubernetes rejects unknown fields (kubectl's default strict field validation); JSON Schema would not, so objects
// with declared properties get additionalProperties: false. Root metadata is left to the API server, as there.
function strictJsonSchema(node) {
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-kubernetes-") || key === "nullable") continue;
    if (key === "properties") {
      copy.properties = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, strictJsonSchema(child)]));
    } else if (key === "items" || (key === "additionalProperties" && typeof value === "object")) {
      copy[key] = strictJsonSchema(value);
    } else {
      copy[key] = value;
    }
  }
  if (node["x-kubernetes-list-type"] === "set") copy.uniqueItems = true;
  if (copy.type === "object" && copy.properties && copy.additionalProperties === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}

function celValue(value, schema) {
  if (value === null || value === undefined) return value;
  if (schema?.type === "object") {
    return new Map(Object.entries(value).map(([name, child]) =>
      [name, celValue(child, schema.properties?.[name] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined))]));
  }
  if (schema?.type === "array") return value.map((item) => celValue(item, schema.items));
  if (schema?.type === "integer") return BigInt(value);
  if (schema?.type === "string" && schema.format === "date-time") return timestampFromDate(new Date(value));
  return value;
}

// Evaluates every x-kubernetes-validations rule where the value has data, as the API server does.
function celViolations(value, schema, path = "") {
  if (value === null || value === undefined || schema === undefined) return [];
  const violations = [];
  for (const rule of schema["x-kubernetes-validations"] ?? []) {
    const result = run(rule.rule, { self: celValue(value, schema) });
    if (result !== true) {
      violations.push(`${path}${rule.fieldPath ?? ""}: Invalid value: ${rule.message ?? `failed rule: ${rule.rule}`}`);
    }
  }
  if (schema.type === "object" && value && typeof value === "object") {
    for (const [name, child] of Object.entries(value)) {
      const childSchema = schema.properties?.[name] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      violations.push(...celViolations(child, childSchema, `${path}.${name}`));
    }
  }
  if (schema.type === "array" && Array.isArray(value)) {
    value.forEach((item, index) => violations.push(...celViolations(item, schema.items, `${path}[${index}]`)));
  }
  return violations;
}

export function schemaValidator(openApiSchema) {
  const validate = ajv.compile(strictJsonSchema(openApiSchema));
  return (value) => {
    const problems = validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
    // Like the API server, CEL runs only on values of the declared types.
    return problems.length > 0 ? problems : celViolations(value, openApiSchema);
  };
}

export function mutated(object, path, value) {
  const copy = structuredClone(object);
  const fields = path.split(".");
  const last = fields.pop();
  const parent = fields.reduce((node, field) => (node[field] ??= {}), copy);
  if (value === undefined) delete parent[last]; else parent[last] = value;
  return copy;
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  return value;
}

export const same = (a, b) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
