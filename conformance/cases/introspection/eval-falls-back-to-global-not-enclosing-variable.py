# area: introspection
# level: language
# min_version: 3.0
# spec: Language Reference 4.2 "Naming and binding": "Interaction with dynamic features" ("free variables are not resolved in the nearest enclosing namespace, but in the global namespace")
# description: eval('x') inside a nested function that does not use x finds the module's x, not the enclosing function's.
# expect: result == 'global'
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        return eval('x')
    return inner
probe_call("result", outer())
