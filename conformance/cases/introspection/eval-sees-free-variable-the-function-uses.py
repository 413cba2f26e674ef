# area: introspection
# level: data-model
# min_version: 3.0
# spec: Language Reference 4.2 "Naming and binding": "Interaction with dynamic features" (names resolve in the caller's local namespace); Built-in functions: locals() (includes free variables in function blocks)
# description: Once the nested function itself uses x, x is in its local namespace, and eval('x') finds it.
# expect: result == 'enclosing'
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        x
        return eval('x')
    return inner
probe_call("result", outer())
