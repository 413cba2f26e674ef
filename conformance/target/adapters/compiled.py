"""Compiled Python as a conformance target: each program becomes a C extension module, imported and run.

The driver starts it like a Python, appending `-I path/to/runner.py`:

    PYTHON compiled.py cython [--jobs N] [--cache DIR] [--cflags FLAGS] [--cc COMMAND] [--no-ccache]
                                 -I path/to/runner.py
    PYTHON compiled.py cython [...] --hello path/to/runner.py     print the handshake (building it into the cache)

PYTHON is the CPython the compiler builds for (with the compiler installed in it); the programs run
there. It speaks the runner's protocol (see runner.py) and reuses the runner's own machinery: each
compiled module runs through runner.run_prepared, in the namespace run_program gives a program (the
probes, `__name__ == "__main__"`, `__builtins__`), so what it observes is encoded exactly as the
interpreted runner encodes it.

A batch goes through a pipeline: in order, each program is looked up in the cache, else translated by
the compiler (in a process of its own: Cython's compiled parser holds the GIL for seconds on a large
program, which would silence the progress messages) and its C compiled by up to --jobs C compilers at
once, a few programs ahead of the one being run; each program runs as soon as its module is built, and its result is sent
before the next one runs. So a program that crashes the process (a segfault in compiled code) is the
first without a result: the driver pins the crash on it, starts the adapter again and sends the rest,
which the cache spares from being compiled again. While a program is being prepared the adapter sends
`{"progress": ID}` every PROGRESS_INTERVAL seconds (the driver then starts its deadline again), for at
most COMPILE_TIMEOUT seconds: the deadline bounds running a program, not compiling it.

A program the compiler rejects is answered as a compile outcome with the compiler's message: a
`SyntaxError` for the Python compiler's rejection (as CPython's compile() would raise), a
`CCompilerError` when the C compiler rejects what it generated (always a bug of the compiler).

The cache (--cache, by default .cache/compiled/ at the top of the repository, since the driver gives
each target a fresh HOME) keeps each program's module, or its rejection, under the hash of its source
and of everything that decides the build (compiler and version, Python, C flags, this file); the
handshake, which compiles probes, is kept the same way. ccache, when installed, caches the C
compiler's work in the same folder.

Backends, one per compiler, each small: CythonBackend now; mypyc (one shared library for a group of
modules) and Nuitka (module mode) plug in as classes with the same three methods.
"""

import hashlib
import importlib.util
import io
import json
import multiprocessing
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from concurrent import futures
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CACHE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(HERE))), ".cache", "compiled")
DEFAULT_JOBS = 2  # C compilers at once
DEFAULT_CFLAGS = "-O1"  # the optimisation level (measured: see README, "Compiled Python")
COMPILE_TIMEOUT = 300.0  # seconds one program's compilation may take before it counts as rejected
TRANSLATE_TIMEOUT = 60.0  # ... and its translation, a fraction of a second normally (Cython loops on some)
PROGRESS_INTERVAL = 0.25  # seconds between progress messages while a program is being prepared
EXTENSION = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
MESSAGE_LINES = 12  # lines of a compiler's complaint kept in a compile outcome


class Rejected(Exception):
    """The compiler refused the program: `kind` is the exception type the compile outcome names."""

    def __init__(self, kind, message):
        Exception.__init__(self, message)
        self.kind = kind
        self.message = message


def compile_outcome(kind, message):
    """A compile outcome in the runner's format (as runner.encode_exception encodes a SyntaxError)."""
    mro = [kind, "Exception", "BaseException", "object"]
    if kind == "SyntaxError":
        return {"type": kind, "module": "builtins", "mro": mro, "message": message}
    return {"type": kind, "module": "compiled", "mro": mro, "message": message}


def tail_lines(text, count=MESSAGE_LINES):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return "\n".join(lines[-count:])


# -- backends ------------------------------------------------------------------------------------


class CythonBackend(object):
    """Cython: a program is a `.py` module, translated to C in this process, then built by the C compiler.

    Cython's defaults, except one: `error_on_unknown_names` is off, as Cython's documentation asks for
    full Python compatibility, because with it a name never bound in the module is refused at compile
    time; the probes are such names (they are put in the module's namespace before its body runs), and
    so is any name a program reads only to get its NameError.
    """

    name = "cython"

    def __init__(self, cflags):
        import Cython
        from Cython.Compiler import Options

        Options.error_on_unknown_names = False
        from Cython.Compiler.Main import CompilationOptions, compile_single, default_options

        self.version = Cython.__version__
        self._compile_single = compile_single
        self._options = CompilationOptions(default_options, language_level=3)
        self.cflags = cflags
        self.settings = {"language_level": 3, "error_on_unknown_names": False}

    def describe(self):
        return "Cython %s (%s)" % (self.version, ", ".join("%s=%s" % item for item in sorted(self.settings.items())))

    def translate(self, module, source, folder):
        """Write the module's C in `folder` (the working directory); return the C file's name, or raise Rejected."""
        path = module + ".py"
        with open(os.path.join(folder, path), "w", encoding="utf-8") as handle:
            handle.write(source)
        complaints = io.StringIO()
        saved, previous = sys.stderr, os.getcwd()
        sys.stderr = complaints  # Cython reports errors (and warnings) on stderr
        os.chdir(folder)  # relative names in the C, so that ccache sees the same C wherever it is built
        try:
            result = self._compile_single(path, self._options, module)
        except Exception as error:  # Cython gives up (CompileError, InternalError, AbortError ...)
            raise Rejected("SyntaxError", "Cython: %s: %s" % (type(error).__name__, error)) from None
        finally:
            sys.stderr = saved
            os.chdir(previous)
        if result.num_errors or not result.c_file:
            errors = [line.replace(path + ":", "line ", 1) for line in complaints.getvalue().splitlines()
                      if line.startswith(path + ":")]
            raise Rejected("SyntaxError", "Cython: " + ("\n".join(errors[:MESSAGE_LINES]) or tail_lines(complaints.getvalue())))
        return module + ".c"

    def capability_syntax(self, source, folder):
        """Whether Cython accepts a syntax probe (translation only: the C compiler has no say in syntax)."""
        try:
            self.translate("syntax_probe", source, folder)
            return True
        except Rejected:
            return False


BACKENDS = {"cython": CythonBackend}

_translator = []  # in the translating process: its backend, made on the first request


def _outlive_nobody(parent):
    """In the translating process: end when the adapter ends, however it ends (a segfault leaves no one to stop
    this process, and it would wait for work forever)."""

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    thread = threading.Thread(target=watch, name="parent-watch")
    thread.daemon = True
    thread.start()


def translate_elsewhere(backend_name, cflags, module, source, folder):
    """In the translating process: the backend's translation, as ("c", C file) or ("rejected", kind, message)."""
    if not _translator:
        _translator.append(BACKENDS[backend_name](cflags))
    try:
        return ("c", _translator[0].translate(module, source, folder))
    except Rejected as rejection:
        return ("rejected", rejection.kind, rejection.message)


# -- the C compiler --------------------------------------------------------------------------------


class CCompiler(object):
    """Builds one extension module from one C file, as the host Python builds extensions, through ccache if present."""

    def __init__(self, cc, cflags, ccache_dir, use_ccache=True):
        compiler = shlex.split(cc or sysconfig.get_config_var("CC") or "cc")
        self.ccache = shutil.which("ccache") if use_ccache else None
        self.command = ([self.ccache] if self.ccache else []) + compiler
        self.flags = ["-fPIC", "-shared", "-fwrapv", "-DNDEBUG", "-w"] + shlex.split(cflags)
        self.flags += ["-I" + sysconfig.get_paths()["include"]]
        self.environment = dict(os.environ, CCACHE_DIR=ccache_dir, CCACHE_NOHASHDIR="1")

    def describe(self):
        return " ".join(self.command + self.flags[:-1])

    def build(self, folder, c_file, module):
        """Compile and link `c_file` in `folder` into the module's shared library; return its path, or raise Rejected."""
        output = module + EXTENSION
        try:
            done = subprocess.run(self.command + self.flags + [c_file, "-o", output], cwd=folder,
                                  env=self.environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=COMPILE_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Rejected("CCompilerError", "C compiler: no result after %d s" % COMPILE_TIMEOUT) from None
        except OSError as error:
            raise Rejected("CCompilerError", "C compiler: cannot start: %s" % error) from None
        if done.returncode != 0:
            text = done.stdout.decode("utf-8", "replace")
            raise Rejected("CCompilerError", "C compiler (exit status %d): %s" % (done.returncode, tail_lines(text)))
        return os.path.join(folder, output)


# -- the cache -------------------------------------------------------------------------------------


def adapter_fingerprint(backend, compiler):
    """Everything that decides a build besides the program: a change to any gives new modules."""
    with open(os.path.abspath(__file__), "rb") as handle:
        own = hashlib.sha256(handle.read()).hexdigest()
    return json.dumps([backend.name, backend.version, backend.settings, sys.version, EXTENSION,
                       compiler.describe(), own])


class Cache(object):
    """Built modules and rejections by key; each entry is written whole, then renamed into place."""

    def __init__(self, root, fingerprint):
        self.root = root
        self.fingerprint = fingerprint
        for folder in ("modules", "hello", "work"):
            os.makedirs(os.path.join(root, folder), exist_ok=True)
        self.sweep()

    def sweep(self):
        """Remove what builds left half-done when their adapter was killed (a crash stops its compilers too);
        only old ones, since other adapters may be building in the same cache."""
        work = os.path.join(self.root, "work")
        for name in os.listdir(work):
            path = os.path.join(work, name)
            try:
                if time.time() - os.path.getmtime(path) > 2 * COMPILE_TIMEOUT:
                    shutil.rmtree(path, ignore_errors=True)
            except OSError:  # removed meanwhile by another adapter
                pass

    def key(self, *parts):
        return hashlib.sha256(json.dumps([self.fingerprint] + list(parts)).encode("utf-8")).hexdigest()

    def entry(self, key):
        return os.path.join(self.root, "modules", key[:2], key)

    def lookup(self, key, module):
        """The module's path, or a Rejected, or None when not built yet."""
        entry = self.entry(key)
        library = os.path.join(entry, module + EXTENSION)
        if os.path.exists(library):
            return library
        rejection = os.path.join(entry, "rejected.json")
        if os.path.exists(rejection):
            with open(rejection, encoding="utf-8") as handle:
                saved = json.load(handle)
            return Rejected(saved["kind"], saved["message"])
        return None

    def work_folder(self):
        return tempfile.mkdtemp(prefix="build-", dir=os.path.join(self.root, "work"))

    def store(self, key, module, folder, outcome):
        """Keep a build's library (or its rejection) under the key; return what lookup() will return."""
        entry = self.entry(key)
        staging = tempfile.mkdtemp(prefix="entry-", dir=os.path.join(self.root, "work"))
        if isinstance(outcome, Rejected):
            with open(os.path.join(staging, "rejected.json"), "w", encoding="utf-8") as handle:
                json.dump({"kind": outcome.kind, "message": outcome.message}, handle)
        else:
            shutil.copy2(outcome, os.path.join(staging, module + EXTENSION))
        os.makedirs(os.path.dirname(entry), exist_ok=True)
        try:
            os.rename(staging, entry)
        except OSError:  # another adapter stored the same program first: theirs is as good
            shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
        return self.lookup(key, module)


# -- building programs -----------------------------------------------------------------------------


class Build(object):
    """One program on its way to a loadable module: done (`outcome`) or being compiled (`future`)."""

    def __init__(self, module, outcome=None, future=None):
        self.module = module
        self.outcome = outcome
        self.future = future

    def wait(self, timeout):
        """The library path or Rejected, or None if the compiler is still at it after `timeout` seconds."""
        if self.outcome is None and self.future is not None:
            try:
                self.outcome = self.future.result(timeout)
            except Exception:  # concurrent.futures.TimeoutError: not yet
                if not self.future.done():
                    return None
                raise
        return self.outcome


class Builder(object):
    """Translates programs in this thread, compiles their C in a pool of C compilers, and caches both."""

    def __init__(self, backend, compiler, cache, jobs, cflags):
        self.backend = backend
        self.compiler = compiler
        self.cache = cache
        self.cflags = cflags
        self.pool = ThreadPoolExecutor(max_workers=jobs)
        self.translator = None  # the translating process, started on the first program not in the cache
        self.lock = threading.Lock()

    def start(self, source, salt=""):
        """Begin building a program's module (its translation, then its C, in a worker thread)."""
        key = self.cache.key(source, salt)
        module = "m_" + key[:24]
        found = self.cache.lookup(key, module)
        if found is not None:
            return Build(module, outcome=found)
        folder = self.cache.work_folder()
        return Build(module, future=self.pool.submit(self._build, key, module, folder, source))

    def _translate(self, module, source, folder, retry=True):
        """The translation, from the translating process; one that dies is started again and asked once more
        (it may have died of another program), then the program is the culprit."""
        with self.lock:
            if self.translator is None:
                self.translator = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                      initializer=_outlive_nobody, initargs=(os.getpid(),))
            translator = self.translator
        try:
            return translator.submit(translate_elsewhere, self.backend.name, self.cflags, module, source,
                                     folder).result(TRANSLATE_TIMEOUT)
        except futures.TimeoutError:
            # the compiler loops: stop it (the programs queued behind it are asked again, in a new one)
            with self.lock:
                if self.translator is translator:
                    self.translator = None
                for process in list(getattr(translator, "_processes", {}).values()):
                    process.kill()
            return ("rejected", "SyntaxError", "Cython: no result after %d s (the compiler loops)" % TRANSLATE_TIMEOUT)
        except BrokenProcessPool:
            with self.lock:
                if self.translator is translator:
                    self.translator = None
            if retry:
                return self._translate(module, source, folder, retry=False)
            return ("rejected", "SyntaxError", "Cython: the compiler crashed")

    def _build(self, key, module, folder, source):
        translated = self._translate(module, source, folder)
        if translated[0] == "rejected":
            return self.cache.store(key, module, folder, Rejected(translated[1], translated[2]))
        try:
            outcome = self.compiler.build(folder, translated[1], module)
        except Rejected as rejection:
            outcome = rejection
        return self.cache.store(key, module, folder, outcome)


# -- running programs ------------------------------------------------------------------------------


class Loader(object):
    """Imports a built module afresh each time, in the namespace the runner gives a program.

    An extension module's state is C statics, initialised once per loaded file: a module run again
    in this process (the same program sent twice) is loaded from a copy of its file, which the
    dynamic loader treats as another library.
    """

    def __init__(self):
        self.loaded = set()
        self.copies = tempfile.mkdtemp(prefix="copies-")  # in the target's own temporary folder

    def execute(self, library, module, namespace):
        if library in self.loaded:
            copy = tempfile.mkdtemp(dir=self.copies)
            library = shutil.copy(library, os.path.join(copy, os.path.basename(library)))
        self.loaded.add(library)
        spec = importlib.util.spec_from_file_location(module, library)
        instance = importlib.util.module_from_spec(spec)  # the module object, created but not yet run
        names = vars(instance)
        names.clear()  # the program sees only what run_program's namespace holds, as an exec() would
        names.update(namespace)
        spec.loader.exec_module(instance)


class Channel(object):
    """The protocol stream, written by the main thread and by the progress thread, a line at a time."""

    def __init__(self, runner, stream):
        self.runner = runner
        self.stream = stream
        self.lock = threading.Lock()

    def send(self, message):
        with self.lock:
            self.runner._send(self.stream, message)


class Progress(object):
    """While a program is prepared, `{"progress": ID}` every PROGRESS_INTERVAL seconds, for COMPILE_TIMEOUT at most."""

    def __init__(self, channel):
        self.channel = channel
        self.program = None
        self.since = 0.0
        self.lock = threading.Lock()
        thread = threading.Thread(target=self._beat, name="progress")
        thread.daemon = True
        thread.start()

    def preparing(self, program_id):
        with self.lock:
            if self.program != program_id:
                self.program, self.since = program_id, time.monotonic()

    def running(self):
        with self.lock:
            self.program = None

    def _beat(self):
        while True:
            time.sleep(PROGRESS_INTERVAL)
            with self.lock:
                program = self.program
                if program is None or time.monotonic() - self.since > COMPILE_TIMEOUT + 30:
                    continue  # running (the deadline is the driver's), or stuck in the compiler: let the driver see it
                self.channel.send({"progress": program})


class Adapter(object):
    def __init__(self, runner, backend, compiler, cache, jobs):
        self.runner = runner
        self.backend = backend
        self.compiler = compiler
        self.cache = cache
        self.builder = Builder(backend, compiler, cache, jobs, backend.cflags)
        self.loader = Loader()
        self.lookahead = 2 * jobs  # programs translated and queued ahead of the one running

    def run_batch(self, programs, channel, progress):
        builds = []
        for index, program in enumerate(programs):
            progress.preparing(program["id"])
            while len(builds) < len(programs) and len(builds) <= index + self.lookahead:
                builds.append(self.builder.start(programs[len(builds)]["source"]))
            outcome = None
            while outcome is None:
                outcome = builds[index].wait(PROGRESS_INTERVAL)
            progress.running()
            channel.send({"result": self.run(program["id"], builds[index].module, outcome)})

    def run(self, program_id, module, outcome):
        if isinstance(outcome, Rejected):
            return {"id": program_id, "compile_error": compile_outcome(outcome.kind, outcome.message)}
        return self.runner.run_prepared(program_id, lambda namespace: self.loader.execute(outcome, module, namespace))

    # -- the handshake --

    def hello(self, runner_source):
        """runner.hello(), its capabilities probed from compiled code, kept in the cache (it costs compiles)."""
        key = self.cache.key("hello", runner_source)
        path = os.path.join(self.cache.root, "hello", key + ".json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                return json.load(handle)
        info = self.runner.hello()
        info["capabilities"] = self.capabilities(runner_source)
        info["implementation"] = self.backend.name
        info["implementation_version"] = self.backend.version
        info["compiler"] = {"compiler": self.backend.describe(), "c_compiler": self.compiler.describe()}
        staging = path + ".%d" % os.getpid()
        with open(staging, "w", encoding="utf-8") as handle:
            json.dump(info, handle)
        os.replace(staging, path)
        return info

    def capabilities(self, runner_source):
        """The runner's own capability probes, compiled: the runner's source is the module, with one
        annotated function added at its end (no line of it moves). Syntax: what the compiler accepts."""
        source = runner_source + "\n\ndef _compiled_annotated(x: int):\n    pass\n"
        build = self.builder.start(source, salt="capabilities")
        outcome = None
        while outcome is None:
            outcome = build.wait(PROGRESS_INTERVAL)
        if isinstance(outcome, Rejected):
            raise SystemExit("compiled.py: the capability probes do not compile: %s" % outcome.message)
        spec = importlib.util.spec_from_file_location(build.module, outcome)
        probes = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(probes)
        self.loader.loaded.add(outcome)
        capabilities = probes._capabilities()
        capabilities["annotations"] = getattr(probes._compiled_annotated, "__annotations__", None) == {"x": int}
        folder = self.cache.work_folder()
        try:
            for name, syntax in self.runner.SYNTAX_PROBES:
                capabilities[name] = self.backend.capability_syntax(syntax, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return capabilities


def load_runner(path):
    spec = importlib.util.spec_from_file_location("closure_runner", path)
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    return runner


def parse_arguments(argv):
    """compiled.py BACKEND [--jobs N] [--cache DIR] [--cflags FLAGS] [--cc COMMAND] [--hello] [-I|-E -s] RUNNER.py"""
    if not argv or argv[0] not in BACKENDS:
        raise SystemExit("usage: compiled.py {%s} [--jobs N] [--cache DIR] [--cflags FLAGS] [--cc COMMAND] [--no-ccache]"
                         " [--hello]"
                         " -I path/to/runner.py" % "|".join(sorted(BACKENDS)))
    options = {"backend": argv[0], "jobs": DEFAULT_JOBS, "cache": DEFAULT_CACHE, "cflags": DEFAULT_CFLAGS,
               "cc": None, "hello": False, "ccache": True, "runner": None}
    rest = argv[1:]
    while rest:
        argument = rest.pop(0)
        if argument in ("--jobs", "--cache", "--cflags", "--cc") and rest:
            value = rest.pop(0)
            options[argument[2:]] = int(value) if argument == "--jobs" else value
        elif argument == "--hello":
            options["hello"] = True
        elif argument == "--no-ccache":
            options["ccache"] = False
        elif argument.endswith(".py"):
            options["runner"] = argument
        elif argument not in ("-I", "-E", "-s"):  # the driver's options for a Python: this is one already
            raise SystemExit("compiled.py: unknown argument %r" % argument)
    if options["runner"] is None:
        raise SystemExit("compiled.py: the path to runner.py is missing")
    return options


def main(argv):
    options = parse_arguments(argv)
    runner = load_runner(options["runner"])
    with open(options["runner"], encoding="utf-8") as handle:
        runner_source = handle.read()
    backend = BACKENDS[options["backend"]](options["cflags"])
    cache_root = os.path.abspath(options["cache"])
    compiler = CCompiler(options["cc"], options["cflags"], os.path.join(cache_root, "ccache"), options["ccache"])
    cache = Cache(cache_root, adapter_fingerprint(backend, compiler))
    adapter = Adapter(runner, backend, compiler, cache, max(1, options["jobs"]))
    if options["hello"]:
        print(json.dumps(adapter.hello(runner_source), indent=1, sort_keys=True))
        return
    inp, out = runner._protocol_streams()  # fd 1 now points at stderr: compiled code's printf cannot reach the protocol
    channel = Channel(runner, out)
    channel.send({"hello": adapter.hello(runner_source)})
    progress = Progress(channel)
    while True:
        line = inp.readline()
        if not line:
            return
        line = line.strip()
        if not line:
            continue
        request = json.loads(line.decode("utf-8"))
        if "quit" in request:
            return
        programs = request.get("batch", [])
        adapter.run_batch(programs, channel, progress)
        channel.send({"done": len(programs)})


if __name__ == "__main__":
    main(sys.argv[1:])
