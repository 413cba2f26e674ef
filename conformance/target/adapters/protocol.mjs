// The runner protocol (see conformance/target/runner.py) for Python implementations hosted in Node.
//
// An adapter is started like a Python: `node adapter.mjs -I /path/to/runner.py`. It
// loads the implementation, runs runner.py inside it as a module, and serves the
// protocol from JavaScript: a handshake, then batches of programs, each program run
// by the runner's own run_program() in a fresh namespace, its result written before
// the next program starts (so a crash is attributed to the program that caused it).
import fs from "node:fs";
import readline from "node:readline";

// Library chatter must not reach the protocol stream.
console.log = console.info = console.debug = (...parts) => console.error(...parts);

/** The runner.py path among the arguments the driver passes (it also passes -I or -E -s). */
export function runnerPath(argv = process.argv) {
  const path = argv.slice(2).filter((argument) => argument.endsWith(".py")).pop();
  if (!path) {
    console.error("usage: node adapter.mjs [-I] path/to/runner.py");
    process.exit(2);
  }
  return path;
}

/** JSON on one line, ASCII only, as the protocol wants. */
export function asciiJSON(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function send(line) {
  fs.writeSync(1, line + "\n");
}

/**
 * Serve the protocol. `host.hello()` returns the handshake object; `host.run(program)`
 * returns one program's result as JSON text (the runner's json.dumps of run_program).
 */
export async function serve(host) {
  send(asciiJSON({ hello: await host.hello() }));
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const request = JSON.parse(line);
    if (request.quit) break;
    const programs = request.batch || [];
    for (const program of programs) {
      let result;
      try {
        result = await host.run(program);
      } catch (error) {
        // The implementation failed outside the program's own code: say so briefly and die,
        // so that the driver records a crash against this program and restarts the adapter.
        process.stderr.write("adapter: running program " + program.id + " failed: " + String(error?.message ?? error).slice(0, 2000) + "\n");
        process.exit(70);
      }
      send('{"result": ' + result + "}");
    }
    send(asciiJSON({ done: programs.length }));
  }
  process.exit(0);
}
