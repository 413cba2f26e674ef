# area: introspection
# level: data-model
# min_version: 3.0
# spec: Built-in functions: locals() ("free variables are returned by locals() when it is called in function blocks"); Language Reference 4.2.2 "Resolution of names"
# description: locals() in a nested function holds its own locals and the free variables it uses, not other variables of the enclosing function.
# expect: items == [('x', 1), ('y', 2)]
def outer():
    x = 1
    z = 3
    def inner():
        y = 2
        x
        return sorted(locals().items())
    return inner
probe_call("items", outer())
