# area: cells
# level: data-model
# min_version: 3.0
# spec: Library types.FunctionType(code, globals, name, argdefs, closure) (closure: the bindings for the code's free variables)
# description: types.FunctionType refuses closure=None for code that has free variables, with TypeError.
# expect: none raises TypeError
import types
def outer():
    x = 1
    def inner():
        return x
    return inner
code = outer().__code__
probe_call("none", types.FunctionType, code, globals(), "f", None, None)
