// MicroPython (its WebAssembly port, PyScript variant) as a conformance target:
//   --interpreter "node conformance/target/adapters/micropython.mjs"
import fs from "node:fs";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
import { asciiJSON, runnerPath, serve } from "./protocol.mjs";

const source = fs.readFileSync(runnerPath(), "utf-8");

// MicroPython's sys.stdout cannot be replaced, so the runner cannot capture what a program
// prints: the adapter does, from the interpreter's output callback, and adds it to the result.
let output = null;
function printed(text) {
  if (output === null) process.stderr.write(text + "\n");
  else output += text + "\n";
}

async function freshInterpreter() {
  const interpreter = await loadMicroPython({ stdout: printed, stderr: printed, linebuffer: true });
  // The runner runs as a module of its own (its __name__ is not __main__, so it does not serve stdin).
  interpreter.globals.set("_adapter_source", source);
  interpreter.runPython("_runner = {'__name__': 'closure_runner'}\nexec(_adapter_source, _runner)\njson = _runner['json']");
  return interpreter;
}

// Each program gets fresh globals from the runner. MicroPython keeps names a program adds to
// the builtins module where the runner cannot list them to undo, so a program that touches
// `builtins` at all gets an interpreter of its own (about 30 ms instead of 5).
let mp = await freshInterpreter();
let dirty = false;

function call(expression, values) {
  for (const [name, value] of Object.entries(values)) mp.globals.set(name, value);
  mp.runPython("_adapter_out = " + expression);
  return mp.globals.get("_adapter_out");
}

await serve({
  hello() {
    const hello = JSON.parse(call("json.dumps(_runner['hello']())", {}));
    hello.implementation_version = hello.sys_version.split("MicroPython v")[1]?.split(" ")[0];
    return hello;
  },
  async run(program) {
    if (dirty) {
      mp = await freshInterpreter();
      dirty = false;
    }
    dirty = program.source.includes("builtins");
    output = "";
    const text = call("json.dumps(_runner['run_program'](_adapter_id, _adapter_source, _adapter_filename))", {
      _adapter_id: program.id,
      _adapter_source: program.source,
      _adapter_filename: program.filename || "<program>",
    });
    const captured = output;
    output = null;
    if (!captured) return text;
    const result = JSON.parse(text);
    result.output = captured.length > 2000 ? captured.slice(0, 2000) + "...<" + (captured.length - 2000) + " more>" : captured;
    return asciiJSON(result);
  },
});
