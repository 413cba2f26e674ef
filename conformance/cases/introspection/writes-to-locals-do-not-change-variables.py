# area: introspection
# level: data-model
# min_version: 3.13
# spec: PEP 667 "Consistent views of namespaces"; Built-in functions: locals() (3.13: in a function, changes to the returned dict do not affect local or free variables)
# description: Writing to the dict returned by locals() in a nested function changes neither its local nor its free variable.
# expect: result == (1, 1, 1)
def outer():
    x = 1
    def inner():
        y = 1
        d = locals()
        d['x'] = 2
        d['y'] = 2
        return x, y
    seen = inner()
    return seen + (x,)
probe_call("result", outer)
