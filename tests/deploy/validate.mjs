// Validates what kafka-recon ships for Kubernetes against real schemas:
//  - `kubectl kustomize config/default`: every object against the Kubernetes OpenAPI schemas (kubernetes-models);
//  - the generated CRD itself, and the CR samples against its openAPIV3Schema (ajv) and its CEL rules (@bufbuild/cel);
//  - the Helm chart's static files: Chart.yaml, values.yaml against values.schema.json, the nightly template spec
//    against the CRD, and the files its templates read.
// Each check is also fed known-bad input that it must reject, so a validator that accepts everything fails here.
// Run from the repository root through tests/deploy/validate.sh.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { run } from "@bufbuild/cel";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";

const CRD_PATH = "config/crds/kafkarecon.io_kafkareconciliations.yaml";
const CHART_CRD_PATH = "charts/kafka-recon/crds/kafkarecon.io_kafkareconciliations.yaml";
const CHART = "charts/kafka-recon";

let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok    ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL  ${name}\n      ${String(error.message ?? error).split("\n").join("\n      ")}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function readYamlDocuments(text, source) {
  return YAML.parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0].message}`);
    return document.toJS();
  }).filter((object) => object !== null);
}

const kustomize = (folder) => readYamlDocuments(execFileSync("kubectl", ["kustomize", folder], { encoding: "utf8" }), folder);

// ---- Kubernetes objects (kubernetes-models ships the API's OpenAPI schemas as compiled validators) ----

const modelModules = {
  "monitoring.coreos.com/v1": (kind) => `@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${kind}`,
};

async function validateKubernetesObject(object) {
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

const ajv = new Ajv({ allErrors: true, strict: false });
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

function schemaValidator(openApiSchema) {
  const validate = ajv.compile(strictJsonSchema(openApiSchema));
  return (value) => {
    const problems = validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
    // Like the API server, CEL runs only on values of the declared types.
    return problems.length > 0 ? problems : celViolations(value, openApiSchema);
  };
}

function mutated(object, path, value) {
  const copy = structuredClone(object);
  const fields = path.split(".");
  const last = fields.pop();
  const parent = fields.reduce((node, field) => (node[field] ??= {}), copy);
  if (value === undefined) delete parent[last]; else parent[last] = value;
  return copy;
}

// ---- checks ----

const crd = readYamlDocuments(readFileSync(CRD_PATH, "utf8"), CRD_PATH)[0];
const crdSchema = crd.spec.versions[0].schema.openAPIV3Schema;
const validateResource = schemaValidator(crdSchema);
const validateSpec = schemaValidator(crdSchema.properties.spec);

await check("kustomize config/default renders and every object matches the Kubernetes schemas", async () => {
  const objects = kustomize("config/default");
  const kinds = objects.map((o) => o.kind).sort();
  const expected = ["ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Namespace", "Role", "RoleBinding", "Service", "ServiceAccount"];
  expect(JSON.stringify(kinds) === JSON.stringify(expected), `rendered kinds ${kinds.join(", ")}; expected ${expected.join(", ")}`);
  for (const object of objects) await validateKubernetesObject(object);
  const namespaced = objects.filter((o) => !["Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding"].includes(o.kind));
  for (const object of namespaced) {
    expect(object.metadata.namespace === "kafka-recon-system", `${object.kind}/${object.metadata.name} is in namespace ${object.metadata.namespace}`);
  }
});

await check("the Kubernetes schema check rejects a broken Deployment", async () => {
  const deployment = kustomize("config/default").find((o) => o.kind === "Deployment");
  const broken = mutated(deployment, "spec.template.spec.containers", [{ name: "operator", ports: [{ containerPort: "eighty" }] }]);
  let rejected = false;
  try { await validateKubernetesObject(broken); } catch { rejected = true; }
  expect(rejected, "a containerPort of \"eighty\" was accepted");
});

await check("the generated CRD is a valid apiextensions.k8s.io/v1 CustomResourceDefinition", async () => {
  await validateKubernetesObject(crd);
  expect(crd.spec.versions[0].subresources?.status !== undefined, "no status subresource");
});

await check("the chart ships the same CRD as config/crds", async () => {
  expect(readFileSync(CHART_CRD_PATH, "utf8") === readFileSync(CRD_PATH, "utf8"), `${CHART_CRD_PATH} differs from ${CRD_PATH}; regenerate both with kafka-recon crd`);
});

await check("every CEL rule in the CRD compiles", async () => {
  const rules = [];
  const collect = (node) => {
    if (!node || typeof node !== "object") return;
    for (const rule of node["x-kubernetes-validations"] ?? []) rules.push(rule.rule);
    Object.values(node.properties ?? {}).forEach(collect);
    collect(node.items);
    if (typeof node.additionalProperties === "object") collect(node.additionalProperties);
  };
  collect(crdSchema);
  expect(rules.length > 0, "the CRD has no CEL rules; the window rule is missing");
  for (const rule of rules) run(rule, { self: new Map() }); // throws on a syntax error
});

await check("every CR sample is accepted by the CRD schema and its CEL rules", async () => {
  const samples = kustomize("config/samples");
  expect(samples.length >= 2, `only ${samples.length} samples rendered`);
  for (const sample of samples) {
    expect(sample.apiVersion === `${crd.spec.group}/${crd.spec.versions[0].name}` && sample.kind === crd.spec.names.kind,
      `${sample.metadata?.name}: ${sample.apiVersion} ${sample.kind} is not a ${crd.spec.names.kind}`);
    const problems = validateResource(sample);
    expect(problems.length === 0, `${sample.metadata?.name}: ${problems.join("; ")}`);
  }
});

const full = kustomize("config/samples").find((s) => s.spec.window?.start && s.spec.window?.end);
const badResources = [
  ["an unknown engine", mutated(full, "spec.engine", "gcp"), /allowed values/],
  ["window.end equal to window.start", mutated(full, "spec.window.end", full.spec.window.start), /window.end must be after window.start/],
  ["window.end before window.start", mutated(full, "spec.window.end", "2025-12-31T00:00:00Z"), /\.spec\.window\.end/],
  ["a margin above a day", mutated(full, "spec.window.marginMinutes", 2000), /<= 1440/],
  ["a date that is not RFC 3339", mutated(full, "spec.window.start", "yesterday"), /date-time/],
  ["an unknown spec field", mutated(full, "spec.colour", "blue"), /additional properties \(colour\)/],
  ["no manifests", mutated(full, "spec.manifests", undefined), /manifests/],
  ["a duration in words", mutated(full, "spec.timeouts.query", "2 hours"), /pattern/],
  ["an invalid condition status", mutated(full, "status", { conditions: [{ type: "Ready", status: "Maybe", reason: "X", message: "", lastTransitionTime: "2026-01-01T00:00:00Z" }] }), /allowed values/],
];
for (const [what, resource, expected] of badResources) {
  await check(`the CRD rejects ${what}`, async () => {
    const problems = validateResource(resource);
    expect(problems.some((p) => expected.test(p)), `expected a problem matching ${expected}; got: ${problems.join("; ") || "none"}`);
  });
}

const chartSchema = {
  type: "object",
  required: ["apiVersion", "name", "version", "appVersion", "description", "type"],
  properties: {
    apiVersion: { const: "v2" },
    name: { const: "kafka-recon" },
    version: { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$" },
    appVersion: { type: "string", minLength: 1 },
    kubeVersion: { type: "string" },
    description: { type: "string", minLength: 1 },
    type: { enum: ["application", "library"] },
    dependencies: { type: "array" },
  },
};

await check("Chart.yaml is a valid Helm v2 chart descriptor", async () => {
  const chart = YAML.parse(readFileSync(join(CHART, "Chart.yaml"), "utf8"));
  const validate = ajv.compile(chartSchema);
  expect(validate(chart), ajv.errorsText(validate.errors));
});

const valuesSchema = JSON.parse(readFileSync(join(CHART, "values.schema.json"), "utf8"));
const validateValues = ajv.compile(valuesSchema);
const values = YAML.parse(readFileSync(join(CHART, "values.yaml"), "utf8"));

await check("values.yaml satisfies values.schema.json", async () => {
  expect(validateValues(values), ajv.errorsText(validateValues.errors));
});

const badValues = [
  ["a replica count in words", mutated(values, "replicaCount", "two")],
  ["a typo in a top-level key", mutated(values, "replicas", 2)],
  ["privilege escalation", mutated(values, "securityContext.allowPrivilegeEscalation", true)],
  ["running as root", mutated(values, "podSecurityContext.runAsNonRoot", false)],
  ["an unknown concurrency policy", mutated(values, "nightly.concurrencyPolicy", "Replace")],
  ["a six-field cron schedule", mutated(values, "nightly.schedule", "0 30 3 * * *")],
  ["a prefix that is not a DNS label", mutated(values, "nightly.prefix", "Nightly_Run")],
  ["an IRSA role that is not an ARN", mutated(values, "serviceAccount.roleArn", "kafka-recon")],
];
for (const [what, bad] of badValues) {
  await check(`values.schema.json rejects ${what}`, async () => {
    expect(!validateValues(bad), "accepted");
  });
}

await check("the nightly template spec in values.yaml is a valid KafkaReconciliation spec", async () => {
  const problems = validateSpec(values.nightly.spec);
  expect(problems.length === 0, problems.join("; "));
});

await check("files the chart templates read exist", async () => {
  const missing = [];
  for (const template of readdirSync(join(CHART, "templates"))) {
    const text = readFileSync(join(CHART, "templates", template), "utf8");
    for (const [, file] of text.matchAll(/\.Files\.Get "([^"]+)"/g)) {
      const owned = file.startsWith("files/rbac/");
      if (!existsSync(join(CHART, file)) && owned) missing.push(`${template} -> ${file}`);
      if (!existsSync(join(CHART, file)) && !owned) console.log(`      note: ${template} reads ${file}, not present in this checkout`);
    }
  }
  expect(missing.length === 0, `missing: ${missing.join(", ")}`);
});

await check("chart RBAC rule files are valid PolicyRule lists", async () => {
  for (const file of readdirSync(join(CHART, "files/rbac"))) {
    const rules = YAML.parse(readFileSync(join(CHART, "files/rbac", file), "utf8"));
    await validateKubernetesObject({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: file }, rules });
  }
});

console.log(`deploy: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
