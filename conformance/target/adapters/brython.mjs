// Brython (Python compiled to JavaScript in the browser) as a conformance target, under Node:
//   --interpreter "node conformance/target/adapters/brython.mjs"
// Brython expects a browser; a few browser globals are stubbed so that it loads in Node.
import fs from "node:fs";
import { createRequire } from "node:module";
import { runnerPath, serve } from "./protocol.mjs";

const source = fs.readFileSync(runnerPath(), "utf-8");

// Browser globals Brython touches while loading. Node 20 also lacks Set.prototype.difference,
// for which Brython's own fallback has the wrong signature.
if (!Set.prototype.difference) {
  Set.prototype.difference = function (other) {
    const out = new Set();
    for (const item of this) if (!other.has(item)) out.add(item);
    return out;
  };
}
const noop = () => {};
globalThis.self = globalThis;
globalThis.addEventListener = noop;
globalThis.location = { href: "file:///brython/", protocol: "file:", origin: "null", pathname: "/brython/", search: "", hash: "" };
globalThis.navigator = { userAgent: "node", language: "en" };
globalThis.document = { currentScript: { src: "file:///brython/brython.js" }, dispatchEvent: noop, addEventListener: noop, getElementsByTagName: () => [], querySelectorAll: () => [] };

const require = createRequire(import.meta.url);
const { __BRYTHON__: brython } = require("brython/brython.js");
globalThis.$B = brython;
globalThis._b_ = brython.builtins;
const vm = require("node:vm");
vm.runInThisContext(fs.readFileSync(require.resolve("brython/brython_stdlib.js"), "utf-8"), { filename: "brython_stdlib.js" });

// Brython prints through console.log, which protocol.mjs sends to stderr; while the adapter
// runs its own snippets, what they print is collected instead: the last line is the answer.
const writeToStderr = console.log;
function python(code) {
  const lines = [];
  console.log = (...parts) => lines.push(parts.join(" "));
  try {
    brython.runPythonSource(code, "closure_adapter");
  } finally {
    console.log = writeToStderr;
  }
  const answer = lines.map((line) => line.trim()).filter((line) => line.startsWith("{")).pop();
  if (answer === undefined) throw new Error("Brython printed no result: " + lines.join("\n").slice(0, 2000));
  return answer;
}

// The runner runs as a module of its own, kept on sys between calls.
python(
  "import sys, json\n" +
    "_runner = {'__name__': 'closure_runner'}\n" +
    "exec(" + JSON.stringify(source) + ", _runner)\n" +
    "sys._closure_runner = _runner\n" +
    "print(json.dumps({'loaded': True}))\n",
);

// The modules loaded by then; any other module a program imports is forgotten before the next program
// (below), as it would be in a fresh page: Brython's code for a type statement reads the module _typing from
// its table of modules, so whether an earlier program imported it would change what this one does.
const modulesOfTheRunner = new Set(Object.keys(brython.imported));

await serve({
  hello() {
    const hello = JSON.parse(python("import sys, json\nprint(json.dumps(sys._closure_runner['hello']()))\n"));
    hello.implementation = "brython"; // sys.implementation.name says "Brython"
    hello.implementation_version = brython.implementation.slice(0, 3).join(".");
    return hello;
  },
  run(program) {
    // Each program starts at the top level: some programs leave frames on Brython's frame chain (a frame
    // not left when an exception passes through it), and the chain's length is what Brython compares with
    // the recursion limit, so every later program would raise RecursionError.
    brython.frame_obj = null;
    for (const name of Object.keys(brython.imported)) {
      if (!modulesOfTheRunner.has(name)) delete brython.imported[name];
    }
    const call = [program.id, program.source, program.filename || "<program>"].map((text) => JSON.stringify(text));
    // (message_text: Brython's json.dumps writes 1.0 as 1, which the host would read as an int)
    const runner = "sys._closure_runner";
    return python("import sys\nprint(" + runner + "['message_text'](" + runner + "['run_program'](" + call.join(", ") + ")))\n");
  },
});
