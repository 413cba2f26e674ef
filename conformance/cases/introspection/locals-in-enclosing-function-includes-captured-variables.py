# area: introspection
# level: data-model
# min_version: 3.0
# spec: Built-in functions: locals(); Data model 3.2 "The standard type hierarchy": code objects (co_cellvars)
# description: In the enclosing function, locals() holds a variable that a nested function captured (a cell variable) with its current value.
# expect: items == [('inner', 'function'), ('x', 'rebound')]
def outer():
    x = 'first'
    def inner():
        return x
    x = 'rebound'
    return sorted((k, v if isinstance(v, str) else 'function') for k, v in locals().items())
probe_call("items", outer)
