// Pyodide (CPython compiled to WebAssembly) as a conformance target:
//   --interpreter "node conformance/target/adapters/pyodide.mjs"
import fs from "node:fs";
import { loadPyodide } from "pyodide";
import { runnerPath, serve } from "./protocol.mjs";

const source = fs.readFileSync(runnerPath(), "utf-8");
const pyodide = await loadPyodide({
  stdout: (text) => process.stderr.write(text + "\n"),
  stderr: (text) => process.stderr.write(text + "\n"),
});
pyodide.FS.mkdirTree("/conformance");
pyodide.FS.writeFile("/conformance/closure_runner.py", source);
pyodide.runPython("import sys, json\nsys.path.insert(0, '/conformance')\nimport closure_runner");

await serve({
  hello() {
    const hello = JSON.parse(pyodide.runPython("json.dumps(closure_runner.hello())"));
    hello.implementation = "pyodide"; // a CPython, but built for WebAssembly: its own row
    hello.implementation_version = pyodide.version;
    return hello;
  },
  run(program) {
    const call = pyodide.globals.get("closure_runner").run_program;
    try {
      const result = call(program.id, program.source, program.filename || "<program>");
      const text = pyodide.globals.get("json").dumps(result);
      result.destroy();
      return text;
    } finally {
      call.destroy();
    }
  },
});
