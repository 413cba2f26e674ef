# area: introspection
# level: language
# min_version: 3.0
# spec: Language Reference 4.2 "Naming and binding": "Interaction with dynamic features" ("free variables are not resolved in the nearest enclosing namespace, but in the global namespace")
# description: A lambda compiled by eval() inside a function that uses x does not close over x: its x is looked up as a global.
# expect: result raises NameError
def outer():
    x = 'enclosing'
    def inner():
        x
        return eval('lambda: x')()
    return inner
probe_call("result", outer())
