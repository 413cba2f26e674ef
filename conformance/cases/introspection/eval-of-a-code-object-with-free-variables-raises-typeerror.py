# area: introspection
# level: data-model
# min_version: 3.0
# spec: Library "Built-in Functions": eval (a code object passed to eval may not contain free variables, which have no cells to read there)
# description: eval of a lambda's code object that reads an enclosing variable raises TypeError.
# expect: result raises TypeError
def outer():
    x = 1
    return lambda: x
probe_call("result", lambda: eval(outer().__code__))
