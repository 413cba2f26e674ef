"""Compiled Python as a conformance target: each program becomes a C extension module, imported and run.

The driver starts it like a Python, appending `-I path/to/runner.py`:

    PYTHON compiled.py {cython|mypyc|nuitka} [--jobs N] [--cache DIR] [--cflags FLAGS] [--cc COMMAND]
                                 [--no-ccache] -I path/to/runner.py
    PYTHON compiled.py cython [...] --hello path/to/runner.py     print the handshake (building it into the cache)
    PYTHON compiled.py cython [...] --prebuild FOLDER             build FOLDER's programs into the cache

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
`CompilerCrash` when the compiler fails in its own code instead (its traceback, an internal error, no
result in time: always a bug of the compiler, whatever the program), a `CCompilerError` when the C
compiler rejects what it generated (a bug of the compiler too).

The cache (--cache, by default .cache/compiled/ at the top of the repository, since the driver gives
each target a fresh HOME) keeps each program's module, or its rejection, under the hash of its source
and of everything that decides the build (compiler and version, Python, C flags, this file); the
handshake, which compiles probes, is kept the same way. ccache, when installed, caches the C
compiler's work in the same folder.

Backends, one per compiler, each small: CythonBackend (a C file per program), MypycBackend (the programs of
a batch as groups: one shared library each, with a small module per program; a group failure is pinned on
its programs) and NuitkaBackend (the programs of a group as the modules of one package, built by `nuitka
--mode=package`). Backends are made with the C flags, the cache's folder and the number of C compilers the
adapter may run at once (which only Nuitka, running its own, uses).

`--prebuild FOLDER` builds every program under FOLDER into the cache in the backend's groups, then exits:
the hand-written cases come one to a batch, and would otherwise be built one to a group.
"""

import contextlib
import hashlib
import importlib.util
import io
import json
import multiprocessing
import os
import re
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
PACKAGE = "closure_programs"  # the package a Nuitka group's programs are built as (the same for every group)


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
    label = "Cython"
    group_size = 1  # one module per translation (Cython's C modules do not share a runtime)
    translate_timeout = TRANSLATE_TIMEOUT
    one_library_per_group = False

    def __init__(self, cflags, cache_root, jobs):
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
        except Exception as error:  # Cython gives up: a refusal (CompileError, AbortError) or a crash of its own
            kind = "SyntaxError" if type(error).__name__ in ("CompileError", "AbortError") else "CompilerCrash"
            raise Rejected(kind, "Cython: %s: %s" % (type(error).__name__, error)) from None
        finally:
            sys.stderr = saved
            os.chdir(previous)
        if result.num_errors or not result.c_file:
            errors = [line.replace(path + ":", "line ", 1) for line in complaints.getvalue().splitlines()
                      if line.startswith(path + ":")]
            # (Cython reports an exception in one of its own passes as an error: "Compiler crash in ...")
            kind = "CompilerCrash" if "Compiler crash" in complaints.getvalue() else "SyntaxError"
            raise Rejected(kind, "Cython: " + ("\n".join(errors[:MESSAGE_LINES]) or tail_lines(complaints.getvalue())))
        return module + ".c"

    def translate_group(self, modules, folder):
        """Translate each (module, source): ([(output, C files, include folders)], {module: (kind, message)})."""
        units, rejected = [], {}
        for module, source in modules:
            try:
                units.append((module, [self.translate(module, source, folder)], []))
            except Rejected as rejection:
                rejected[module] = (rejection.kind, rejection.message)
        return units, rejected

    def untyped(self, source):
        """The source as the handshake compiles it (a module not written for the compiler's type checks)."""
        return source

    def capability_syntax(self, source, folder):
        """Whether Cython accepts a syntax probe (translation only: the C compiler has no say in syntax)."""
        try:
            self.translate("syntax_probe", source, folder)
            return True
        except Rejected:
            return False


MYPYC_PROBES = (
    "\n# the runner's probes, builtins for the programs compiled by the adapter (compiled.py)\n"
    + "".join("def %s(*args: Any, **keywords: Any) -> Any: ...\n" % name
              for name in ("probe", "probe_call", "probe_closure", "probe_cell"))
)


class MypycBackend(object):
    """mypyc: the programs of a group are type-checked by mypy together and compiled into one shared library, the
    group's (`<group>__mypyc`), with a small extension module per program that runs its module from that library.

    mypy's defaults, except two. The probes are declared as builtins, in a copy of mypy's typeshed kept in the
    cache (mypyc compiles a name mypy cannot resolve into a NameError raised unconditionally, and the module's
    body runs when the extension is initialised, before anything can be put in its namespace): the adapter puts
    them in the builtins module while a program runs. And every error code of mypy's type check is disabled:
    the programs are untyped Python, and mypy refuses most of them for what is no error in Python (a name
    defined twice, a variable given values of two types, an empty list without an annotation), so that
    mypyc would compile almost none. mypyc still compiles with the types mypy infers, and checks them when
    the program runs (documented: "values with inferred types will be type checked"); what mypyc itself
    cannot compile (its IR builder's errors, its crashes) and syntax errors still refuse the program.
    """

    name = "mypyc"
    label = "mypyc"
    group_size = 8  # programs type-checked and compiled together (measured: see README, "Compiled Python")
    translate_timeout = 2 * TRANSLATE_TIMEOUT  # mypy's type check of a group
    one_library_per_group = False  # (a small module per program beside the group's library)

    def __init__(self, cflags, cache_root, jobs):
        import mypy.version

        self.version = mypy.version.__version__
        self.cflags = cflags
        self.cache_root = cache_root
        self.settings = {"disable_error_code": "all", "probes": "builtins (typeshed's builtins.pyi)"}

    def describe(self):
        return "mypyc (mypy %s; %s)" % (self.version, ", ".join("%s=%s" % item for item in sorted(self.settings.items())))

    def _typeshed(self):
        """mypy's typeshed with the probes added to builtins.pyi, made once in the cache (the same for all)."""
        import mypy

        folder = os.path.join(self.cache_root, "mypyc", "typeshed-" + self.version)
        if not os.path.exists(folder):
            staging = tempfile.mkdtemp(prefix="typeshed-", dir=os.path.join(self.cache_root, "work"))
            shutil.copytree(os.path.join(os.path.dirname(mypy.__file__), "typeshed"), os.path.join(staging, "t"))
            with open(os.path.join(staging, "t", "stdlib", "builtins.pyi"), "a", encoding="utf-8") as handle:
                handle.write(MYPYC_PROBES)
            with open(os.path.join(staging, "t", "mypy.ini"), "w", encoding="utf-8") as handle:
                handle.write("[mypy]\n")  # mypy's defaults (see translate_group)
            os.makedirs(os.path.dirname(folder), exist_ok=True)
            try:
                os.rename(os.path.join(staging, "t"), folder)
            except OSError:  # another adapter made it first
                pass
            shutil.rmtree(staging, ignore_errors=True)
        return folder

    def translate_group(self, modules, folder):
        """One group library for the modules that mypyc accepts: each module with errors of its own is refused
        and the others are tried again without it; errors no module can be blamed for raise Rejected."""
        from mypyc.build import mypycify

        sources = dict(modules)
        for module, source in modules:
            with open(os.path.join(folder, module + ".py"), "w", encoding="utf-8") as handle:
                handle.write(source)
        from mypy import errorcodes

        typeshed = self._typeshed()
        # a configuration of mypy's defaults: else mypy reads the nearest pyproject.toml up from the build folder
        options = ["--config-file", os.path.join(typeshed, "mypy.ini"), "--custom-typeshed-dir", typeshed,
                   "--cache-dir", os.path.join(self.cache_root, "mypyc", "mypy-cache")]
        for code in sorted(errorcodes.error_codes):
            options += ["--disable-error-code", code]
        rejected = {}
        previous = os.getcwd()
        os.chdir(folder)  # relative names in the C, so that ccache sees the same C wherever it is built
        try:
            while sources:
                group = "g_" + hashlib.sha256(" ".join(sorted(sources)).encode("utf-8")).hexdigest()[:20]
                complaints = io.StringIO()
                try:
                    with contextlib.redirect_stdout(complaints), contextlib.redirect_stderr(complaints):
                        extensions = mypycify(options + [module + ".py" for module in sorted(sources)],
                                              group_name=group, target_dir="build_" + group)
                    return [(e.name, list(e.sources), list(e.include_dirs)) for e in extensions], rejected
                except SystemExit:  # mypy's or mypyc's errors, printed
                    blamed = self._blame(complaints.getvalue(), sources)
                except Exception as error:  # mypyc itself failed
                    raise Rejected("CompilerCrash", "mypyc: %s: %s" % (type(error).__name__, error)) from None
                if not blamed:
                    kind = "CompilerCrash" if "INTERNAL ERROR" in complaints.getvalue() else "SyntaxError"
                    raise Rejected(kind, "mypyc: " + tail_lines(complaints.getvalue()))
                for module, message in blamed.items():
                    rejected[module] = ("SyntaxError", message)
                    del sources[module]
            return [], rejected
        finally:
            os.chdir(previous)

    @staticmethod
    def _blame(text, sources):
        """The messages by module ("m_x.py:3: error: ...", or mypyc's crash, "m_x.py:7: AssertionError: ..."),
        as "mypyc: line 3: error: ...", for the modules with a message that is neither a note nor a warning (which
        mypyc compiles anyway)."""
        lines = {}
        for line in text.splitlines():
            module, _, rest = line.partition(".py:")
            if module in sources:
                lines.setdefault(module, []).append("line " + rest)
        return {module: "mypyc: " + "\n".join(found[:MESSAGE_LINES]) for module, found in lines.items()
                if any(": note:" not in line and ": warning:" not in line for line in found)}

    def untyped(self, source):
        """The source with every error code of mypy turned off by a comment at its end (no line moves): what mypyc
        refuses still is its own. (Not `# mypy: ignore-errors`: with it mypy drops function bodies, and mypyc
        2.4.1 then compiles every function of the module as `return None`.)"""
        from mypy import errorcodes

        return source + '\n# mypy: disable-error-code="%s"\n' % ",".join(sorted(errorcodes.error_codes))

    def capability_syntax(self, source, folder):
        """Whether mypyc compiles a syntax probe, type errors aside (its names are never bound: Any to mypy)."""
        probe = "syntax_probe_" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]
        try:
            units, rejected = self.translate_group([(probe, self.untyped(source))], folder)
        except Rejected:
            return False
        return not rejected


class NuitkaBackend(object):
    """Nuitka: the programs of a group are the modules of one package, `closure_programs`, compiled by `nuitka
    --mode=package` into one extension module (Nuitka runs the C compiler itself, through ccache, which it finds
    on PATH; its caches are kept in the adapter's cache, by NUITKA_CACHE_DIR). A Nuitka build has a fixed cost of
    about two seconds whatever it compiles, which a package of many programs shares.

    Nuitka's defaults. Its modules are initialised in one step, as mypyc's: the probes are put in the builtins
    module while a program runs (a compiled module looks up a name it does not bind in its namespace, then in
    builtins, as Python does). A package that does not build (a program Python's compiler refuses, or C the C
    compiler refuses) is a failure of the group, built again in halves down to the bad program.
    """

    name = "nuitka"
    label = "Nuitka"
    group_size = 20  # programs per package (measured: see README, "Compiled Python")
    translate_timeout = 4 * COMPILE_TIMEOUT  # the translation is the whole build, queued behind those ahead
    one_library_per_group = True

    def __init__(self, cflags, cache_root, jobs):
        import nuitka.Version

        self.version = nuitka.Version.getNuitkaVersion()
        self.cflags = cflags
        self.cache_root = cache_root
        self.jobs = jobs
        self.settings = {"mode": "package"}

    def describe(self):
        return "Nuitka %s (%s)" % (self.version, ", ".join("%s=%s" % item for item in sorted(self.settings.items())))

    def untyped(self, source):
        return source

    def translate_group(self, modules, folder):
        """Build the modules as one package: ([(module, None, the package's library)], {module: (kind, message)}),
        or raise Rejected for the group.

        A module Python's compiler refuses is compiled alone first (`--mode=module`): Nuitka refuses it with its
        message, or builds it (Nuitka does not run the symbol table's checks) and it goes in the package, to run as
        Nuitka built it. So does one whose compile-time SyntaxError would fail the whole package build. A module
        Nuitka leaves out of the package (a warning, "Cannot follow import to module") is compiled alone too.
        """
        units, rejected, packaged = [], {}, []
        for module, source in modules:
            try:
                compile(source, module, "exec")  # (Nuitka parses with the Python it runs on)
            except Exception:  # SyntaxError, and whatever else the compiler raises (3.12.1: SystemError on some)
                refusal = self._alone(folder, module, source)
                if refusal is not None:
                    rejected[module] = refusal
                    continue
            packaged.append((module, source))
        if not packaged:
            return units, rejected
        package = os.path.join(folder, PACKAGE)
        os.makedirs(package)
        open(os.path.join(package, "__init__.py"), "w").close()
        for module, source in packaged:
            with open(os.path.join(package, module + ".py"), "w", encoding="utf-8") as handle:
                handle.write(source)
        returncode, text = self._nuitka(folder, ["--mode=package", PACKAGE])
        library = os.path.join(folder, "out", PACKAGE + EXTENSION)
        if returncode != 0 or not os.path.exists(library):
            raise Rejected(*self._refusal(returncode, text, packaged))
        for module, source in packaged:
            if "Cannot follow import to module '%s.%s'" % (PACKAGE, module) not in text:
                units.append((module, None, library))
            else:
                rejected[module] = self._alone(folder, module, source) or (
                    "SyntaxError", "Nuitka leaves it out of a package, and builds it alone")
        return units, rejected

    def _alone(self, folder, module, source):
        """Nuitka's refusal of the module compiled alone, as (kind, message); None if it builds it."""
        with open(os.path.join(folder, module + ".py"), "w", encoding="utf-8") as handle:
            handle.write(source)
        returncode, text = self._nuitka(folder, ["--mode=module", module + ".py"])
        if returncode == 0 and os.path.exists(os.path.join(folder, "out", module + EXTENSION)):
            return None
        return self._refusal(returncode, text, [(module, source)])

    def _nuitka(self, folder, what):
        """Run Nuitka in `folder` on `what`: (exit status, its output)."""
        environment = dict(os.environ, NUITKA_CACHE_DIR=os.path.join(self.cache_root, "nuitka"))
        command = [sys.executable, "-m", "nuitka", *what, "--output-dir=out", "--remove-output", "--no-pyi-file",
                   "--quiet", "--jobs=%d" % self.jobs]
        try:
            done = subprocess.run(command, cwd=folder, env=environment, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=COMPILE_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, "no result after %d s" % COMPILE_TIMEOUT
        return done.returncode, done.stdout.decode("utf-8", "replace")

    @staticmethod
    def _refusal(returncode, text, modules):
        """(kind, message) of a build that failed: Nuitka's own refusal or the C compiler's (Scons is the part of
        Nuitka that runs it), less Nuitka's note on its options and its advice after a SyntaxError."""
        for module, _ in modules:
            text = text.replace(os.path.join(PACKAGE, module + ".py"), "<program>").replace(module + ".py", "<program>")
        text = re.sub(r'File "[^"]*<program>"', 'File "<program>"', text)  # (without the build folder)
        text = "\n".join(line for line in text.split("Nuitka is very syntax compatible")[0].splitlines()
                         if not line.startswith("Nuitka-Options:"))
        if "scons" in text.lower():
            kind = "CCompilerError"
        elif "Traceback (most recent call last)" in text:  # (a traceback of Nuitka's own code)
            kind = "CompilerCrash"
        else:
            kind = "SyntaxError"
        status = "no exit status" if returncode is None else "exit status %d" % returncode
        return kind, "Nuitka (%s): %s" % (status, tail_lines(text))

    def capability_syntax(self, source, folder):
        """Whether Nuitka accepts a syntax probe: Nuitka parses with the Python it runs on, so the probe is
        compiled by that Python (a whole Nuitka build per probe would cost minutes and tell no more)."""
        try:
            compile(source, "<probe>", "exec")
            return True
        except SyntaxError:
            return False


BACKENDS = {"cython": CythonBackend, "mypyc": MypycBackend, "nuitka": NuitkaBackend}

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


def translate_elsewhere(backend_name, cflags, cache_root, jobs, modules, folder):
    """In the translating process: the backend's translation of a group of (module, source), as
    ("c", units, {module: (kind, message)}) or ("rejected", kind, message) for the group as a whole."""
    if not _translator:
        _translator.append(BACKENDS[backend_name](cflags, cache_root, jobs))
    try:
        return ("c",) + tuple(_translator[0].translate_group(modules, folder))
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

    def build(self, folder, c_files, module, include=()):
        """Compile and link the C files in `folder` into the module's shared library; return its path, or raise
        Rejected. `include`: folders of headers (and of runtime C files #included) the compiler's C needs."""
        output = module + EXTENSION
        includes = ["-I" + path for path in include]
        try:
            done = subprocess.run(self.command + self.flags + includes + list(c_files) + ["-o", output], cwd=folder,
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
        """The module's path, or a Rejected, or None when not built yet. (The libraries the module loads, such as
        mypyc's group library, are beside it in its entry.)"""
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

    def store(self, key, module, outcome, link=False):
        """Keep a build's libraries (the module's first, then those it loads) or its rejection under the key;
        return what lookup() will return. `link`: the module's library is the group's, which every program of the
        group keeps as a hard link (a Nuitka package: each run loads a private copy of it)."""
        entry = self.entry(key)
        staging = tempfile.mkdtemp(prefix="entry-", dir=os.path.join(self.root, "work"))
        if isinstance(outcome, Rejected):
            with open(os.path.join(staging, "rejected.json"), "w", encoding="utf-8") as handle:
                json.dump({"kind": outcome.kind, "message": outcome.message}, handle)
        else:
            place = os.link if link else shutil.copy2
            place(outcome[0], os.path.join(staging, module + EXTENSION))
            for library in outcome[1:]:
                shutil.copy2(library, os.path.join(staging, os.path.basename(library)))
        os.makedirs(os.path.dirname(entry), exist_ok=True)
        try:
            os.rename(staging, entry)
        except OSError:  # another adapter stored the same program first: theirs is as good
            shutil.rmtree(staging, ignore_errors=True)
        return self.lookup(key, module)


# -- building programs -----------------------------------------------------------------------------


class Build(object):
    """One program on its way to a loadable module: done (`outcome`) or being compiled with its group (`future`,
    whose result gives each module of the group its outcome)."""

    def __init__(self, module, outcome=None, future=None):
        self.module = module
        self.outcome = outcome
        self.future = future

    def finished(self):
        """The library path or Rejected, once the compiler is done (waited for PROGRESS_INTERVAL at a time)."""
        outcome = None
        while outcome is None:
            outcome = self.wait(PROGRESS_INTERVAL)
        return outcome

    def wait(self, timeout):
        """The library path or Rejected, or None if the compiler is still at it after `timeout` seconds."""
        if self.outcome is None and self.future is not None:
            try:
                self.outcome = self.future.result(timeout)[self.module]
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
        self.jobs = jobs
        self.pool = ThreadPoolExecutor(max_workers=jobs)
        self.translator = None  # the translating process, started on the first program not in the cache
        self.lock = threading.Lock()

    def start(self, sources, salt=""):
        """Begin building programs' modules, those not in the cache as one group (their translation, then their
        C, in a worker thread); a Build for each program."""
        builds, group = [], []
        for source in sources:
            key = self.cache.key(source, salt)
            module = "m_" + key[:24]
            found = self.cache.lookup(key, module)
            builds.append(Build(module, outcome=found))
            if found is None and all(module != other for _, other, _ in group):  # (a program sent twice: once)
                group.append((key, module, source))
        if group:
            future = self.pool.submit(self._build, group)
            for build in builds:
                if build.outcome is None:
                    build.future = future
        return builds

    def _translate(self, modules, folder, retry=True):
        """The translation, from the translating process; one that dies is started again and asked once more
        (it may have died of another program), then the program is the culprit."""
        with self.lock:
            if self.translator is None:
                self.translator = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                      initializer=_outlive_nobody, initargs=(os.getpid(),))
            translator = self.translator
        try:
            return translator.submit(translate_elsewhere, self.backend.name, self.cflags, self.cache.root, self.jobs,
                                     modules, folder).result(self.backend.translate_timeout)
        except futures.TimeoutError:
            # the compiler loops: stop it (the programs queued behind it are asked again, in a new one)
            with self.lock:
                if self.translator is translator:
                    self.translator = None
                for process in list(getattr(translator, "_processes", {}).values()):
                    process.kill()
            return ("rejected", "CompilerCrash", "%s: no result after %d s (the compiler loops)"
                    % (self.backend.label, self.backend.translate_timeout))
        except BrokenProcessPool:
            with self.lock:
                if self.translator is translator:
                    self.translator = None
            if retry:
                return self._translate(modules, folder, retry=False)
            return ("rejected", "CompilerCrash", "%s: the compiler crashed" % self.backend.label)

    def _build(self, group):
        """Build a group of (key, module, source); {module: library path or Rejected}. A failure that no one
        program can be blamed for (the compiler's or the C compiler's, for the group as a whole) builds each half
        of the group again, and so on down to the bad program alone, which alone gets the compile outcome (a
        group of 20 with one bad program: 9 builds more, not 20)."""
        folder = self.cache.work_folder()
        try:
            translated = self._translate([(module, source) for _, module, source in group], folder)
            built, rejected = {}, {}
            if translated[0] == "rejected":
                failure = Rejected(translated[1], translated[2])
            else:
                units, rejected = translated[1], translated[2]
                failure = None
                for output, c_files, include in units:
                    if c_files is None:  # built by the compiler itself (Nuitka): `include` is the library
                        built[output] = include
                        continue
                    try:
                        built[output] = self.compiler.build(folder, c_files, output, include)
                    except Rejected as rejection:
                        failure = rejection
                        break
            if failure is not None and len(group) > 1:
                half = len(group) // 2
                return {**self._build(group[:half]), **self._build(group[half:])}
            outcomes = {}
            modules = {module for _, module, _ in group}
            shared = [path for output, path in sorted(built.items()) if output not in modules] if failure is None else []
            for key, module, _ in group:
                if failure is not None:
                    outcome = failure
                elif module in rejected:
                    outcome = Rejected(*rejected[module])
                else:
                    outcome = [built[module]] + shared
                outcomes[module] = self.cache.store(key, module, outcome, self.backend.one_library_per_group)
            return outcomes
        finally:
            shutil.rmtree(folder, ignore_errors=True)


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
        library = self.fresh(library)
        spec = importlib.util.spec_from_file_location(module, library)
        instance = importlib.util.module_from_spec(spec)  # the module object, created but not yet run
        names = vars(instance)
        names.clear()  # the program sees only what run_program's namespace holds, as an exec() would
        names.update(namespace)
        spec.loader.exec_module(instance)
        return instance

    def fresh(self, library):
        """The library, or a copy of it (with the libraries beside it) if it was loaded before."""
        if library in self.loaded:
            copy = tempfile.mkdtemp(dir=self.copies)
            for name in os.listdir(os.path.dirname(library)):
                shutil.copy(os.path.join(os.path.dirname(library), name), os.path.join(copy, name))
            library = os.path.join(copy, os.path.basename(library))
        self.loaded.add(library)
        return library

    def load(self, library, module):
        """The module, run as a module (the handshake's compiled probes)."""
        spec = importlib.util.spec_from_file_location(module, self.fresh(library))
        instance = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(instance)
        return instance


class OneStepLoader(Loader):
    """mypyc's and Nuitka's modules are initialised in one step (their body runs as the extension is created, from the group
    library, which each module finds in sys.modules by its name, `<group>__mypyc`): the probes are put in the builtins module for
    the run (the runner's guard of builtins takes them out after), and the module sees the namespace a module
    has (its `__name__` is its own).
    """

    def execute(self, library, module, namespace):
        library = self.fresh(library)
        folder = os.path.dirname(library)
        # a group of one is one library, without a group library
        groups = [name[: -len(EXTENSION)] for name in os.listdir(folder) if name.endswith("__mypyc" + EXTENSION)]
        self._put_probes_in_builtins(namespace)
        try:
            for group in groups:
                sys.modules[group] = self._import(group, os.path.join(folder, group + EXTENSION))
            return self._import(module, library)
        finally:
            for name in [module, *groups]:
                sys.modules.pop(name, None)

    def load(self, library, module):
        return self.execute(library, module, {})

    @staticmethod
    def _put_probes_in_builtins(namespace):
        for name, value in namespace.items():
            if name.startswith("probe"):
                setattr(_builtins_module(), name, value)

    @staticmethod
    def _import(module, library):
        spec = importlib.util.spec_from_file_location(module, library)
        instance = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(instance)
        return instance


class PackageLoader(OneStepLoader):
    """Nuitka's programs are modules of a package (PACKAGE), a group's in one library: each run loads a private
    copy of the library (a file the dynamic loader has not seen: C statics of its own, for this program alone,
    whichever of the group's programs ran before; the copy's name is removed once loaded), imports the program's
    module from it as a submodule (Nuitka's package puts its own importer in sys.meta_path), and leaves
    sys.modules and sys.meta_path as they were.
    """

    def execute(self, library, module, namespace):
        copy = os.path.join(tempfile.mkdtemp(dir=self.copies), PACKAGE + EXTENSION)
        shutil.copy(library, copy)
        importers = list(sys.meta_path)
        self._put_probes_in_builtins(namespace)
        try:
            sys.modules[PACKAGE] = self._import(PACKAGE, copy)
            return importlib.import_module(PACKAGE + "." + module)
        finally:
            for name in [PACKAGE + "." + module, PACKAGE]:
                sys.modules.pop(name, None)
            sys.meta_path[:] = importers
            shutil.rmtree(os.path.dirname(copy))  # (loaded, it stays mapped: only its name goes)


def _builtins_module():
    import builtins

    return builtins


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
        self.loader = {"cython": Loader, "mypyc": OneStepLoader, "nuitka": PackageLoader}[backend.name]()
        self.lookahead = 2 * jobs  # programs translated and queued ahead of the one running

    def run_batch(self, programs, channel, progress):
        builds = []
        for index, program in enumerate(programs):
            progress.preparing(program["id"])
            while len(builds) < len(programs) and len(builds) <= index + self.lookahead:
                group = programs[len(builds) : len(builds) + self.backend.group_size]
                builds.extend(self.builder.start([program["source"] for program in group]))
            outcome = builds[index].finished()
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
        # (Nuitka runs the C compiler itself: its own choice of gcc and flags, through ccache when found)
        c_compiler = "the compiler's own" if self.backend.name == "nuitka" else self.compiler.describe()
        info["compiler"] = {"compiler": self.backend.describe(), "c_compiler": c_compiler}
        staging = path + ".%d" % os.getpid()
        with open(staging, "w", encoding="utf-8") as handle:
            json.dump(info, handle)
        os.replace(staging, path)
        return info

    def capabilities(self, runner_source):
        """The runner's own capability probes, compiled: the runner's source is the module, with one
        annotated function added at its end (no line of it moves), as a module that is not typed for the
        compiler (the runner is not). Syntax: what the compiler accepts."""
        source = self.backend.untyped(runner_source + "\n\ndef _compiled_annotated(x: int):\n    pass\n")
        (build,) = self.builder.start([source], salt="capabilities")
        outcome = build.finished()
        if isinstance(outcome, Rejected):
            raise SystemExit("compiled.py: the capability probes do not compile: %s" % outcome.message)
        probes = self.loader.load(outcome, build.module)
        capabilities = probes._capabilities()
        capabilities["annotations"] = getattr(probes._compiled_annotated, "__annotations__", None) == {"x": int}
        folder = self.cache.work_folder()
        try:
            for name, syntax in self.runner.SYNTAX_PROBES:
                capabilities[name] = self.backend.capability_syntax(syntax, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return capabilities


def prebuild(builder, folder):
    """Build every program under `folder` (its .py files, as a case's source is read) into the cache, in groups of
    the backend's size, before any batch asks for them: the hand-written cases come one to a batch, and would
    otherwise be built one to a group. Prints how many were built and refused."""
    sources = []
    for root, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                with open(os.path.join(root, name), encoding="utf-8") as handle:
                    sources.append(handle.read())
    started = time.monotonic()
    size = builder.backend.group_size
    builds = [build for start in range(0, len(sources), size) for build in builder.start(sources[start : start + size])]
    outcomes = [build.finished() for build in builds]
    refused = sum(isinstance(outcome, Rejected) for outcome in outcomes)
    print("compiled.py: %d programs of %s in the cache (%d refused by %s), %.1f s"
          % (len(outcomes), folder, refused, builder.backend.label, time.monotonic() - started))


def load_runner(path):
    spec = importlib.util.spec_from_file_location("closure_runner", path)
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    return runner


def parse_arguments(argv):
    """compiled.py BACKEND [--jobs N] [--cache DIR] [--cflags FLAGS] [--cc COMMAND] [--hello] [-I|-E -s] RUNNER.py,
    or compiled.py BACKEND [options] --prebuild FOLDER"""
    if not argv or argv[0] not in BACKENDS:
        raise SystemExit("usage: compiled.py {%s} [--jobs N] [--cache DIR] [--cflags FLAGS] [--cc COMMAND] [--no-ccache]"
                         " {[--hello] -I path/to/runner.py | --prebuild FOLDER}" % "|".join(sorted(BACKENDS)))
    options = {"backend": argv[0], "jobs": DEFAULT_JOBS, "cache": DEFAULT_CACHE, "cflags": DEFAULT_CFLAGS,
               "cc": None, "hello": False, "ccache": True, "runner": None, "prebuild": None}
    rest = argv[1:]
    while rest:
        argument = rest.pop(0)
        if argument == "--prebuild" and rest:
            options["prebuild"] = rest.pop(0)
            if not os.path.isdir(options["prebuild"]):
                raise SystemExit("compiled.py: --prebuild: no folder %s" % options["prebuild"])
        elif argument in ("--jobs", "--cache", "--cflags", "--cc") and rest:
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
    if options["runner"] is None and options["prebuild"] is None:
        raise SystemExit("compiled.py: the path to runner.py is missing")
    return options


def main(argv):
    options = parse_arguments(argv)
    cache_root = os.path.abspath(options["cache"])
    backend = BACKENDS[options["backend"]](options["cflags"], cache_root, max(1, options["jobs"]))
    compiler = CCompiler(options["cc"], options["cflags"], os.path.join(cache_root, "ccache"), options["ccache"])
    cache = Cache(cache_root, adapter_fingerprint(backend, compiler))
    if options["cc"]:
        os.environ["CC"] = options["cc"]  # (for Nuitka, which runs the C compiler itself, and honours CC)
    if options["prebuild"] is not None:
        prebuild(Builder(backend, compiler, cache, max(1, options["jobs"]), backend.cflags), options["prebuild"])
        return
    runner = load_runner(options["runner"])
    with open(options["runner"], encoding="utf-8") as handle:
        runner_source = handle.read()
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
