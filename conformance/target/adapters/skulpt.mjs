// Skulpt (Python compiled to JavaScript) as a conformance target, under Node:
//   --interpreter "node conformance/target/adapters/skulpt.mjs"
// Skulpt has no exec, no json and no function.__closure__, so runner.py cannot run inside it:
// this adapter is the runner. Each program runs as a fresh main module, after the probes of
// skulpt_probes.py; Skulpt's parse of the program alone decides compile errors.
import fs from "node:fs";
import { createRequire } from "node:module";
import { runnerPath, serve, asciiJSON } from "./protocol.mjs";

// The driver passes runner.py: only its table of syntax probes is used here (so that every
// target's handshake probes the same constructs), but its absence is a usage error.
const runnerSource = fs.readFileSync(runnerPath(), "utf-8");
const require = createRequire(import.meta.url);
require("skulpt/dist/skulpt.js");
require("skulpt/dist/skulpt-stdlib.js");
const Sk = globalThis.Sk;
const probes = fs.readFileSync(new URL("./skulpt_probes.py", import.meta.url), "utf-8");
const MAX_TEXT = 2000;

let output = "";
Sk.configure({
  output: (text) => {
    output += text;
  },
  read: (name) => {
    const file = Sk.builtinFiles?.files[name];
    if (file === undefined) throw new Sk.builtin.IOError("no such file: " + name);
    return file;
  },
  __future__: Sk.python3,
  execLimit: 10000, // ms: a runaway program raises TimeLimitError instead of hanging the adapter
});

function compiles(source) {
  try {
    Sk.compile(source, "<capability>.py", "exec", true);
    return true;
  } catch {
    return false;
  }
}

/** runner.py's SYNTAX_PROBES, [[capability, source], ...], evaluated by Skulpt as a module of its own. */
function syntaxProbes() {
  const table = runnerSource.match(/^SYNTAX_PROBES = \($[\s\S]*?^\)$/m);
  if (table === null) throw new Error("runner.py has no SYNTAX_PROBES table");
  const module = Sk.importMainWithBody("_closure_syntax_probes", false, table[0], false);
  return Sk.ffi.remapToJs(module.$d.SYNTAX_PROBES);
}

function pythonString(object) {
  try {
    return new Sk.builtin.str(object).v;
  } catch {
    return "<str failed>";
  }
}

/** A Skulpt exception as the runner encodes exceptions. */
function exception(error) {
  if (!(error instanceof Sk.builtin.BaseException)) {
    return { type: "JavaScriptError", module: "builtins", mro: ["JavaScriptError"], message: String(error).slice(0, MAX_TEXT) };
  }
  const kind = error.ob$type;
  const mro = (kind.prototype.tp$mro ?? [kind]).map((base) => base.prototype.tp$name);
  let message = "";
  try {
    message = error.args && error.args.v.length === 1 ? pythonString(error.args.v[0]) : pythonString(error);
  } catch {}
  return { type: kind.prototype.tp$name, module: "builtins", mro, message: message.slice(0, MAX_TEXT) };
}

/** Python-style json.dumps(value, sort_keys=True), for ordering set items as the runner does. */
function pythonJSON(value) {
  if (Array.isArray(value)) return "[" + value.map(pythonJSON).join(", ") + "]";
  if (isFloat(value)) return value.$float;
  if (value && typeof value === "object") {
    return "{" + Object.keys(value).sort().map((key) => JSON.stringify(key) + ": " + pythonJSON(value[key])).join(", ") + "}";
  }
  return JSON.stringify(value);
}

/** A finite float as the probes give it: {"$float": repr(x)}, since JavaScript would write 2.0 as 2. */
function isFloat(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && typeof value.$float === "string";
}

/** JSON text of a result, each float written as the probes' repr() wrote it (2.0, not 2). */
function resultJSON(result) {
  return asciiJSON(result).replace(/\{"\$float":"([-+.0-9e]+)"\}/g, "$1");
}

function sortSets(value) {
  if (Array.isArray(value)) return value.map(sortSets);
  if (value && typeof value === "object") {
    const out = {};
    for (const [key, item] of Object.entries(value)) out[key] = sortSets(item);
    for (const key of ["set", "frozenset"]) {
      if (Array.isArray(out[key]) && Object.keys(out).length === 1) out[key].sort((a, b) => (pythonJSON(a) < pythonJSON(b) ? -1 : 1));
    }
    return out;
  }
  return value;
}

async function run(program) {
  const result = { id: program.id };
  try {
    Sk.compile(program.source, program.filename || "<program>", "exec", true);
  } catch (error) {
    result.compile_error = exception(error);
    return asciiJSON(result);
  }
  output = "";
  let module = null;
  const name = "__main__";
  try {
    // The probes, then the program, as one fresh main module: the program's line numbers are
    // shifted by the prelude, which only message texts (a CPython detail) could show.
    module = await Sk.misceval.asyncToPromise(() => Sk.importMainWithBody(name, false, probes + "\n" + program.source, true));
  } catch (error) {
    result.error = exception(error);
    module = Sk.sysmodules.mp$lookup(new Sk.builtin.str(name)) ?? null;
  }
  const observations = module?.$d?._closure_observations;
  result.observations = observations ? sortSets(Sk.ffi.remapToJs(observations)) : [];
  if (output) result.output = output.length > MAX_TEXT ? output.slice(0, MAX_TEXT) + "...<" + (output.length - MAX_TEXT) + " more>" : output;
  return resultJSON(result);
}

/** runner.py's _annotations(): whether a def keeps its parameter annotations in __annotations__. */
async function keepsAnnotations() {
  const source = "def annotated(x: int):\n    pass\n_closure_kept = annotated.__annotations__ == {'x': int}\n";
  try {
    const module = await Sk.misceval.asyncToPromise(() => Sk.importMainWithBody("__annotations_probe__", false, source, true));
    return Sk.ffi.remapToJs(module.$d._closure_kept) === true;
  } catch {
    return false;
  }
}

await serve({
  async hello() {
    const capabilities = {
      closure_attr: false, code_attr: false, cellvars: false, cell_contents: false, cell_contents_writable: false,
      cell_type: false, function_type: false,
      ...Object.fromEntries(syntaxProbes().map(([name, source]) => [name, compiles(source)])),
      annotations: await keepsAnnotations(),
      dynamic_execution: false, // (Skulpt has no exec)
      gc: false, weakref: false, inspect: false, functools: Boolean(Sk.builtinFiles?.files["src/lib/functools.js"] || Sk.builtinFiles?.files["src/lib/functools.py"]),
    };
    return {
      protocol: 1,
      implementation: "skulpt",
      version: [3, 7, 0], // Skulpt implements "3.7(ish)"
      language: "3.7",
      sys_version: "3.7(ish) [Skulpt " + (Sk.build?.githash ?? "") + "]",
      executable: "skulpt/dist/skulpt.js",
      capabilities,
      implementation_version: JSON.parse(fs.readFileSync(require.resolve("skulpt/package.json"), "utf-8")).version,
    };
  },
  run,
});
