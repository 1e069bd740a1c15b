// Validates what kafka-recon ships for Kubernetes against real schemas:
//  - `kubectl kustomize config/default`: every object against the Kubernetes OpenAPI schemas (kubernetes-models);
//  - the generated CRD itself, and the CR samples against its openAPIV3Schema (ajv) and its CEL rules (@bufbuild/cel);
//  - the Helm chart's static files: Chart.yaml, values.yaml against values.schema.json, the nightly template spec
//    against the CRD, and the files its templates read;
//  - the chart's templates rendered (chart-renderer.mjs; there is no helm binary) with default and all-on values: every
//    object against its schema, and the same RBAC, security context, probes and volume as kustomize.
// Each check is also fed known-bad input that it must reject, so a validator that accepts everything fails here.
// Run from the repository root through tests/deploy/validate.sh.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { run } from "@bufbuild/cel";
import { ChartRenderer } from "./chart-renderer.mjs";
import { ajv, expect, kustomize, mutated, readYamlDocuments, same, schemaValidator, validateKubernetesObject } from "./schemas.mjs";

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

// ---- checks ----

const crd = readYamlDocuments(readFileSync(CRD_PATH, "utf8"), CRD_PATH)[0];
const crdSchema = crd.spec.versions[0].schema.openAPIV3Schema;
const validateResource = schemaValidator(crdSchema);
const validateSpec = schemaValidator(crdSchema.properties.spec);

await check("kustomize config/default renders and every object matches the Kubernetes schemas", async () => {
  const objects = kustomize("config/default");
  const kinds = objects.map((o) => o.kind).sort();
  const expected = ["ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Namespace", "Role", "Role", "RoleBinding", "RoleBinding", "Service", "ServiceAccount"];
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
  ["a query set listed twice", mutated(full, "spec.query.sets", ["main", "main"]), /duplicate items/],
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
  ["a schedules entry with a six-field cron", mutated(values, "nightly.schedules", [{ name: "sunday", schedule: "0 30 8 * * 0" }])],
  ["a schedules entry without a name", mutated(values, "nightly.schedules", [{ schedule: "30 8 * * 0" }])],
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


// ---- The chart's templates, rendered (tests/deploy/chart-renderer.mjs; no helm binary here) ----

const renderer = new ChartRenderer(CHART);
const renderObjects = (overrides) => {
  const rendered = renderer.render(overrides);
  const objects = [];
  for (const [file, text] of Object.entries(rendered)) {
    if (file === "NOTES.txt") continue;
    for (const object of readYamlDocuments(text, `${CHART}/templates/${file}`)) objects.push({ file, ...object });
  }
  return { objects, notes: rendered["NOTES.txt"] };
};
const strip = ({ file, ...object }) => object;
const byKind = (objects, kind) => objects.filter((o) => o.kind === kind);
const kustomized = kustomize("config/default");
const kustomizeDeployment = kustomized.find((o) => o.kind === "Deployment");

const allOn = {
  replicaCount: 1,
  operator: { watchNamespaces: ["team-a", "team-b", "recon"], extraArgs: ["--verbose"], extraEnv: [{ name: "EXTRA", value: "1" }] },
  aws: { region: "eu-west-2" },
  serviceAccount: { roleArn: "arn:aws:iam::123456789012:role/kafka-recon", annotations: { "example.com/owner": "data" } },
  rbac: { secretNames: ["kafka-recon-slack"] },
  podAnnotations: { "example.com/scrape": "true" },
  nodeSelector: { "kubernetes.io/os": "linux" },
  tolerations: [{ key: "dedicated", operator: "Equal", value: "data", effect: "NoSchedule" }],
  metrics: { serviceMonitor: { enabled: true, labels: { release: "prometheus" } } },
  prometheusRule: { enabled: true, missingExportsThreshold: 5 },
  dashboard: { enabled: true },
  networkPolicy: { enabled: true, metricsFrom: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }] },
  nightly: { namespace: "recon", labels: { team: "data" }, annotations: { "example.com/note": "nightly" } },
};

await check("the chart renders with default values and every object matches the Kubernetes schemas", async () => {
  const { objects } = renderObjects({});
  const kinds = objects.map((o) => o.kind).sort();
  const expected = ["ClusterRole", "ClusterRoleBinding", "ConfigMap", "CronJob", "Deployment", "Role", "Role", "Role", "RoleBinding", "RoleBinding", "RoleBinding", "Service", "ServiceAccount", "ServiceAccount"];
  expect(same(kinds, expected), `rendered kinds ${kinds.join(", ")}; expected ${expected.join(", ")}`);
  for (const object of objects) await validateKubernetesObject(strip(object));
});

await check("the chart renders with every option on and every object matches its schema", async () => {
  const { objects } = renderObjects(allOn);
  const alertsShipped = existsSync(join(CHART, "files/alerts.yaml"));
  for (const object of objects) {
    if (object.kind === "PrometheusRule" && !alertsShipped) continue;
    await validateKubernetesObject(strip(object));
  }
  for (const kind of ["ServiceMonitor", "NetworkPolicy"]) expect(byKind(objects, kind).length === 1, `no ${kind} rendered`);
  expect(byKind(objects, "ClusterRole").length === 0, "a ClusterRole was rendered although watchNamespaces limits the scope");
  const roles = byKind(objects, "Role").filter((r) => ["team-a", "team-b"].includes(r.metadata.namespace));
  expect(roles.length === 2, `expected a Role in team-a and team-b, got ${roles.map((r) => r.metadata.namespace).join(", ")}`);
});

await check("chart and kustomize grant the operator the same rules", async () => {
  const chartRole = byKind(renderObjects({}).objects, "ClusterRole")[0];
  const kustomizeRole = kustomized.find((o) => o.kind === "ClusterRole");
  expect(same(chartRole.rules, kustomizeRole.rules), `chart ${JSON.stringify(chartRole.rules)}\nkustomize ${JSON.stringify(kustomizeRole.rules)}`);
  const lease = (objects) => objects.find((o) => o.kind === "Role" && o.metadata.name.endsWith("leader-election")).rules;
  expect(same(lease(renderObjects({}).objects), lease(kustomized)), "leader-election rules differ");
  const jobs = (objects) => objects.find((o) => o.kind === "Role" && o.metadata.name.endsWith("job-runner")).rules;
  expect(same(jobs(renderObjects({}).objects), jobs(kustomized)), "job-runner rules differ");
});

await check("secrets are readable only by the names given in values", async () => {
  const defaults = renderObjects({}).objects.flatMap((o) => o.rules ?? []);
  expect(!defaults.some((rule) => rule.resources.includes("secrets")), "secrets granted without rbac.secretNames");
  const named = renderObjects(allOn).objects.flatMap((o) => o.rules ?? []).filter((rule) => rule.resources.includes("secrets"));
  // One Role per watched namespace (team-a, team-b and the nightly namespace recon).
  expect(named.length === 3 && named.every((rule) => same(rule.resourceNames, ["kafka-recon-slack"]) && same(rule.verbs, ["get"])),
    `secret rules: ${JSON.stringify(named)}`);
});

await check("chart and kustomize run the operator with the same hardening, probes and temp volume", async () => {
  const deployment = byKind(renderObjects({}).objects, "Deployment")[0];
  const [pod, container] = [deployment.spec.template.spec, deployment.spec.template.spec.containers[0]];
  const [kPod, kContainer] = [kustomizeDeployment.spec.template.spec, kustomizeDeployment.spec.template.spec.containers[0]];
  expect(same(pod.securityContext, kPod.securityContext), "pod securityContext differs");
  expect(same(container.securityContext, kContainer.securityContext), "container securityContext differs");
  expect(same(container.livenessProbe, kContainer.livenessProbe), "livenessProbe differs");
  expect(same(container.readinessProbe, kContainer.readinessProbe), "readinessProbe differs");
  expect(same(container.ports, kContainer.ports), "ports differ");
  expect(same(container.volumeMounts, kContainer.volumeMounts) && same(pod.volumes, kPod.volumes), "the /tmp emptyDir differs");
  expect(same(container.args, kContainer.args), `args differ: ${container.args.join(" ")} vs ${kContainer.args.join(" ")}`);
});

await check("leader election is on with several replicas, and a single replica is replaced rather than rolled", async () => {
  const many = byKind(renderObjects({ replicaCount: 3 }).objects, "Deployment")[0];
  expect(many.spec.template.spec.containers[0].args.includes("--leader-elect"), "3 replicas without --leader-elect");
  const one = byKind(renderObjects({ replicaCount: 1 }).objects, "Deployment")[0];
  expect(!one.spec.template.spec.containers[0].args.includes("--leader-elect"), "1 replica with --leader-elect");
  expect(one.spec.strategy?.type === "Recreate", "1 replica without leader election must not roll (two reconcilers)");
});

await check("runner: job Jobs get the operator's image and AWS environment, and jobRunner.enabled: false grants nothing", async () => {
  const args = byKind(renderObjects(allOn).objects, "Deployment")[0].spec.template.spec.containers[0].args;
  const image = args.find((a) => a.startsWith("--job-image="));
  expect(image?.startsWith("--job-image=ghcr.io/kafka-recon/kafka-recon:"), `job image: ${args.join(" ")}`);
  const env = JSON.parse(args.find((a) => a.startsWith("--job-env=")).slice("--job-env=".length));
  expect(same(env, [{ name: "AWS_REGION", value: "eu-west-2" }, { name: "EXTRA", value: "1" }]), `job env: ${JSON.stringify(env)}`);
  const off = renderObjects({ jobRunner: { enabled: false } }).objects;
  expect(!off.some((o) => o.metadata.name.endsWith("job-runner")), "job-runner RBAC rendered with jobRunner.enabled: false");
  expect(!byKind(off, "Deployment")[0].spec.template.spec.containers[0].args.some((a) => a.startsWith("--job-")), "--job-* flags with jobRunner.enabled: false");
});

await check("the IRSA role lands on the operator's ServiceAccount", async () => {
  const account = renderObjects(allOn).objects.find((o) => o.kind === "ServiceAccount" && o.metadata.name === "kafka-recon");
  expect(account.metadata.annotations?.["eks.amazonaws.com/role-arn"] === allOn.serviceAccount.roleArn, JSON.stringify(account.metadata));
});

await check("the chart refuses watchNamespaces that leave out the nightly namespace", async () => {
  let refused = "";
  try {
    renderer.render({ ...allOn, operator: { ...allOn.operator, watchNamespaces: ["team-a"] } });
  } catch (error) {
    refused = String(error.message);
  }
  expect(refused.includes("not in operator.watchNamespaces"), `rendered although nightly.namespace is not watched (${refused})`);
});

await check("nightly.schedules renders one CronJob per schedule, all creating the same window's resource", async () => {
  const schedules = [{ name: "weekdays", schedule: "30 2 * * 1-6" }, { name: "sunday", schedule: "30 8 * * 0", timeZone: "Europe/London" }];
  const { objects } = renderObjects({ ...allOn, nightly: { ...allOn.nightly, schedules } });
  const crons = byKind(objects, "CronJob");
  expect(crons.length === 2, `${crons.length} CronJobs`);
  expect(crons.map((c) => c.metadata.name).join(",") === "kafka-recon-nightly-weekdays,kafka-recon-nightly-sunday", crons.map((c) => c.metadata.name).join(","));
  expect(crons[0].spec.timeZone === "Etc/UTC" && crons[1].spec.timeZone === "Europe/London", "time zones");
  expect(crons[1].spec.schedule === "30 8 * * 0", crons[1].spec.schedule);
  const args = crons.map((c) => JSON.stringify(c.spec.jobTemplate.spec.template.spec.containers[0].args));
  expect(args[0] === args[1], `the schedules create different resources: ${args.join(" vs ")}`);
  let refused = "";
  try {
    renderer.render({ ...allOn, nightly: { ...allOn.nightly, schedules: [schedules[0], schedules[0]] } });
  } catch (error) {
    refused = String(error.message);
  }
  expect(refused.includes("twice"), `rendered a schedule name used twice (${refused})`);
});

await check("the nightly CronJob runs kafka-recon create like a CronJob user expects", async () => {
  const { objects } = renderObjects(allOn);
  const cron = byKind(objects, "CronJob")[0];
  expect(cron.spec.schedule === "30 3 * * *" && cron.spec.timeZone === "Etc/UTC", `schedule ${cron.spec.schedule} ${cron.spec.timeZone}`);
  expect(cron.spec.concurrencyPolicy === "Forbid", "concurrencyPolicy is not Forbid");
  expect(cron.spec.startingDeadlineSeconds > 0 && cron.spec.successfulJobsHistoryLimit >= 0 && cron.spec.failedJobsHistoryLimit >= 0, "deadline or history limits missing");
  const pod = cron.spec.jobTemplate.spec.template.spec;
  const args = pod.containers[0].args;
  for (const expected of ["create", "--template=/etc/kafka-recon/template.yaml", "--namespace=recon", "--prefix=nightly", "--schedule-name=nightly", "--concurrency-policy=Forbid"]) {
    expect(args.includes(expected), `args lack ${expected}: ${args.join(" ")}`);
  }
  const role = objects.find((o) => o.kind === "Role" && o.metadata.name === "kafka-recon-nightly");
  expect(role.metadata.namespace === "recon", `nightly Role is in ${role.metadata.namespace}, not where it creates resources`);
  const configMap = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === pod.volumes.find((v) => v.configMap).configMap.name);
  const template = YAML.parse(configMap.data["template.yaml"]);
  const problems = validateResource({ ...template, metadata: { name: "nightly-20260101" } });
  expect(problems.length === 0, `template.yaml is not a valid KafkaReconciliation: ${problems.join("; ")}`);
  expect(template.metadata.labels.team === "data", "nightly labels not copied into the template");
});

await check("NOTES.txt tells the user how to see runs", async () => {
  const { notes } = renderObjects({});
  expect(notes.includes("kubectl get krecon"), notes);
});

await check("the renderer refuses template syntax it does not know", async () => {
  let refused = false;
  try { new ChartRenderer(CHART).pipeline("nosuchfunction .", { dot: {}, vars: [new Map()], name: "probe" }); } catch { refused = true; }
  expect(refused, "an unknown function rendered silently");
});

console.log(`deploy: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
