// A small renderer for the subset of Helm's Go templates that charts/kafka-recon uses, so the chart's output can be
// validated without a helm binary (none can be installed here). It follows text/template semantics for trimming,
// truthiness, variables, if/else/with/range/define, pipelines and the Sprig/Helm functions below. Anything it does not
// know is an error, never silently rendered, so a template using more than this subset fails loudly.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";

// ---------- lexing: text and actions, with {{- / -}} trimming and comments ----------

function lex(source, name) {
  const pieces = [];
  let position = 0;
  while (position < source.length) {
    const open = source.indexOf("{{", position);
    if (open < 0) { pieces.push({ text: source.slice(position) }); break; }
    pieces.push({ text: source.slice(position, open) });
    const close = source.indexOf("}}", open);
    if (close < 0) throw new Error(`${name}: unclosed action at offset ${open}`);
    let body = source.slice(open + 2, close);
    const trimLeft = body.startsWith("-") && /^-\s/.test(body);
    const trimRight = body.endsWith("-") && /\s-$/.test(body);
    if (trimLeft) body = body.slice(1);
    if (trimRight) body = body.slice(0, -1);
    pieces.push({ action: body.trim(), trimLeft, trimRight });
    position = close + 2;
  }
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.action === undefined) continue;
    if (piece.trimLeft && pieces[i - 1]?.text !== undefined) pieces[i - 1].text = pieces[i - 1].text.replace(/\s+$/, "");
    if (piece.trimRight && pieces[i + 1]?.text !== undefined) pieces[i + 1].text = pieces[i + 1].text.replace(/^\s+/, "");
  }
  return pieces.filter((p) => p.action === undefined ? p.text.length > 0 : !p.action.startsWith("/*"));
}

// ---------- parsing: a tree of text, output actions and control blocks ----------

function parse(source, name, defines) {
  const pieces = lex(source, name);
  let index = 0;
  function block(terminators) {
    const nodes = [];
    while (index < pieces.length) {
      const piece = pieces[index++];
      if (piece.text !== undefined) { nodes.push({ type: "text", text: piece.text }); continue; }
      const [keyword, ...rest] = piece.action.split(/\s+/);
      const argument = piece.action.slice(keyword.length).trim();
      if (terminators.includes(keyword)) return { nodes, end: keyword };
      if (["if", "with", "range"].includes(keyword)) {
        const body = block(["else", "end"]);
        const otherwise = body.end === "else" ? block(["end"]).nodes : [];
        nodes.push({ type: keyword, pipeline: argument, body: body.nodes, otherwise });
      } else if (keyword === "define") {
        const defined = block(["end"]);
        defines[JSON.parse(rest.join(" "))] = defined.nodes;
      } else if (keyword === "else" || keyword === "end") {
        throw new Error(`${name}: unexpected {{ ${keyword} }}`);
      } else {
        nodes.push({ type: "action", pipeline: piece.action });
      }
    }
    if (terminators.length > 0) throw new Error(`${name}: missing {{ end }}`);
    return { nodes };
  }
  return block([]).nodes;
}

// ---------- expressions ----------

function tokenize(text) {
  const tokens = [];
  const pattern = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|\(|\)|\||:=|=|,|[^\s()|,]+)/y;
  let match;
  while ((match = pattern.exec(text)) !== null && match[1] !== undefined) tokens.push(match[1]);
  return tokens;
}

const truthy = (value) => !(value === undefined || value === null || value === false || value === 0 || value === ""
  || (Array.isArray(value) && value.length === 0) || (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0));

function print(value) {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return Array.isArray(value) ? `[${value.map(print).join(" ")}]` : `map[${Object.keys(value).sort().map((k) => `${k}:${print(value[k])}`).join(" ")}]`;
  return String(value);
}

function toYaml(value) {
  if (value === undefined || value === null) return "null";
  return YAML.stringify(value, { sortMapEntries: true, lineWidth: 0 }).replace(/\n$/, "");
}

function goPrintf(format, ...args) {
  let next = 0;
  return format.replace(/%[svdq%]/g, (verb) => verb === "%%" ? "%" : verb === "%q" ? JSON.stringify(print(args[next++])) : print(args[next++]));
}

export class ChartRenderer {
  constructor(chartFolder) {
    this.folder = chartFolder;
    this.defines = {};
    this.templates = {};
    const folder = join(chartFolder, "templates");
    for (const file of readdirSync(folder).sort()) {
      const tree = parse(readFileSync(join(folder, file), "utf8"), file, this.defines);
      if (!file.startsWith("_") && file.endsWith(".yaml")) this.templates[file] = tree;
      if (file === "NOTES.txt") this.notes = tree;
    }
    const chart = YAML.parse(readFileSync(join(chartFolder, "Chart.yaml"), "utf8"));
    this.chart = { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion };
  }

  // Renders every template with the chart's values.yaml deep-merged with overrides; returns { file: text }.
  render(overrides = {}, release = { Name: "kafka-recon", Namespace: "kafka-recon-system" }) {
    const values = deepMerge(YAML.parse(readFileSync(join(this.folder, "values.yaml"), "utf8")), overrides);
    const files = { Get: (path) => existsSync(join(this.folder, path)) ? readFileSync(join(this.folder, path), "utf8") : "" };
    const root = { Values: values, Release: { ...release, Service: "Helm" }, Chart: this.chart, Files: files };
    const output = {};
    for (const [file, tree] of Object.entries(this.templates)) output[file] = this.execute(tree, root, file);
    output["NOTES.txt"] = this.execute(this.notes, root, "NOTES.txt");
    return output;
  }

  execute(nodes, dot, name) {
    return this.run(nodes, { dot, root: dot, vars: [new Map([["$", dot]])], name });
  }

  run(nodes, scope) {
    let out = "";
    for (const node of nodes) {
      if (node.type === "text") { out += node.text; continue; }
      if (node.type === "action") {
        const result = this.pipeline(node.pipeline, scope);
        if (!result.assigned) out += print(result.value);
        continue;
      }
      const inner = { ...scope, vars: [...scope.vars, new Map()] };
      const { value } = this.pipeline(node.pipeline, inner);
      if (node.type === "if") {
        out += this.run(truthy(value) ? node.body : node.otherwise, inner);
      } else if (node.type === "with") {
        out += truthy(value) ? this.run(node.body, { ...inner, dot: value }) : this.run(node.otherwise, inner);
      } else if (node.type === "range") {
        const items = Array.isArray(value) ? value : value && typeof value === "object" ? Object.keys(value).sort().map((k) => value[k]) : [];
        if (items.length === 0) out += this.run(node.otherwise, inner);
        for (const item of items) out += this.run(node.body, { ...inner, dot: item, vars: [...inner.vars, new Map()] });
      }
    }
    return out;
  }

  pipeline(text, scope) {
    const tokens = tokenize(text);
    if (tokens[0]?.startsWith("$") && (tokens[1] === ":=" || tokens[1] === "=")) {
      const value = this.evaluateTokens(tokens.slice(2), scope);
      if (tokens[1] === ":=") scope.vars[scope.vars.length - 1].set(tokens[0], value);
      else {
        const owner = [...scope.vars].reverse().find((vars) => vars.has(tokens[0]));
        if (!owner) throw new Error(`${scope.name}: assignment to undeclared ${tokens[0]}`);
        owner.set(tokens[0], value);
      }
      return { value, assigned: true };
    }
    return { value: this.evaluateTokens(tokens, scope), assigned: false };
  }

  evaluateTokens(tokens, scope) {
    const commands = [[]];
    let depth = 0;
    for (const token of tokens) {
      if (token === "(") depth++;
      if (token === ")") depth--;
      if (token === "|" && depth === 0) commands.push([]); else commands.at(-1).push(token);
    }
    let previous;
    commands.forEach((command, position) => {
      const extra = position === 0 ? [] : [previous];
      previous = this.command(command, scope, extra);
    });
    return previous;
  }

  command(tokens, scope, piped) {
    const args = [];
    for (let i = 1; i < tokens.length; i++) {
      if (tokens[i] === "(") {
        let depth = 1, j = i + 1;
        for (; depth > 0; j++) { if (tokens[j] === "(") depth++; if (tokens[j] === ")") depth--; }
        args.push(this.evaluateTokens(tokens.slice(i + 1, j - 1), scope));
        i = j - 1;
      } else args.push(this.operand(tokens[i], scope));
    }
    const head = tokens[0];
    if (head === "(") return this.evaluateTokens(tokens.slice(1, tokens.lastIndexOf(")")), scope);
    if (head in this.functions()) return this.functions()[head](...args, ...piped);
    const value = this.operand(head, scope);
    if (typeof value === "function") return value(...args, ...piped);
    if (args.length + piped.length > 0) throw new Error(`${scope.name}: ${head} is not a function`);
    return value;
  }

  operand(token, scope) {
    if (token.startsWith("\"")) return JSON.parse(token);
    if (token.startsWith("`")) return token.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
    if (token === "true" || token === "false") return token === "true";
    if (token === "nil") return null;
    if (token === ".") return scope.dot;
    if (token.startsWith("$")) {
      const [variable, ...fields] = token.split(".");
      const owner = [...scope.vars].reverse().find((vars) => vars.has(variable));
      if (!owner) throw new Error(`${scope.name}: undefined variable ${variable}`);
      return fields.reduce((value, field) => value?.[field], owner.get(variable));
    }
    if (token.startsWith(".")) return token.slice(1).split(".").reduce((value, field) => value?.[field], scope.dot);
    throw new Error(`${scope.name}: unknown function or value '${token}'`);
  }

  functions() {
    return this._functions ??= {
      include: (name, dot) => {
        if (!this.defines[name]) throw new Error(`include: no template "${name}"`);
        return this.execute(this.defines[name], dot, name);
      },
      toYaml,
      toJson: (value) => JSON.stringify(value ?? null),
      nindent: (spaces, text) => "\n" + String(text).split("\n").map((line) => " ".repeat(spaces) + line).join("\n"),
      indent: (spaces, text) => String(text).split("\n").map((line) => " ".repeat(spaces) + line).join("\n"),
      quote: (...values) => values.map((v) => JSON.stringify(print(v))).join(" "),
      default: (fallback, value) => truthy(value) ? value : fallback,
      trunc: (length, text) => String(text).slice(0, length),
      trimSuffix: (suffix, text) => String(text).endsWith(suffix) ? String(text).slice(0, -suffix.length) : String(text),
      printf: goPrintf,
      replace: (oldText, newText, text) => String(text).split(oldText).join(newText),
      contains: (part, text) => String(text).includes(part),
      list: (...items) => items,
      append: (items, item) => [...(items ?? []), item],
      concat: (...lists) => lists.flatMap((items) => items ?? []),
      dict: (...pairs) => Object.fromEntries(Array.from({ length: pairs.length / 2 }, (_, i) => [pairs[2 * i], pairs[2 * i + 1]])),
      ternary: (whenTrue, whenFalse, condition) => truthy(condition) ? whenTrue : whenFalse,
      has: (item, items) => (items ?? []).includes(item),
      fail: (message) => { throw new Error(`fail: ${message}`); },
      len: (value) => Array.isArray(value) || typeof value === "string" ? value.length : Object.keys(value ?? {}).length,
      gt: (a, b) => a > b,
      le: (a, b) => a <= b,
      trim: (text) => String(text ?? "").trim(),
      int: (value) => Math.trunc(Number(value ?? 0)),
      not: (value) => !truthy(value),
      and: (...values) => values.every(truthy) ? values.at(-1) : values.find((v) => !truthy(v)),
      or: (...values) => values.find(truthy) ?? values.at(-1),
      eq: (a, ...others) => others.some((b) => a === b),
      join: (separator, items) => (items ?? []).map(print).join(separator),
      toString: print,
    };
  }
}

function deepMerge(base, overrides) {
  if (overrides === null || typeof overrides !== "object" || Array.isArray(overrides)) return overrides;
  const merged = { ...(base ?? {}) };
  for (const [key, value] of Object.entries(overrides)) {
    merged[key] = value !== null && typeof value === "object" && !Array.isArray(value) && typeof merged[key] === "object" && merged[key] !== null && !Array.isArray(merged[key])
      ? deepMerge(merged[key], value) : value;
  }
  return merged;
}
