# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (default values are evaluated when the definition is executed, in the enclosing scope); 4.2.2 "Resolution of names" (a local read before binding raises UnboundLocalError)
# description: A nested def whose default reads a local the enclosing function binds only later raises UnboundLocalError when the def runs.
# expect: result raises UnboundLocalError
x = 'global'
def outer():
    def inner(value=x):
        return value
    x = 1
    return inner
probe_call("result", outer)
