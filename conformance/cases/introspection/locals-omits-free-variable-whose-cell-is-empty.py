# area: introspection
# level: data-model
# min_version: 3.0
# spec: Built-in functions: locals() (the current bindings of local and free variables)
# description: A free variable whose cell is still empty is missing from locals(); once the enclosing function binds it, it is there.
# expect: result == ([], ['x'])
def outer():
    def inner():
        if False:
            x
        return sorted(locals())
    before = inner()
    x = 1
    return before, inner()
probe_call("result", outer)
