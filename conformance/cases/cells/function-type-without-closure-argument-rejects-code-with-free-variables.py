# area: cells
# level: data-model
# min_version: 3.0
# spec: Library types.FunctionType(code, globals, name=None, argdefs=None, closure=None)
# description: Leaving out the closure argument of types.FunctionType for code that has free variables raises TypeError, as closure=None does.
# expect: omitted raises TypeError
import types
def outer():
    x = 1
    def inner():
        return x
    return inner
code = outer().__code__
probe_call("omitted", types.FunctionType, code, globals())
