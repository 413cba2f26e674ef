# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.11 "The import statement" (import ... as binds the name in the current scope)
# description: import ... as with a nonlocal name binds the module in the enclosing function's variable.
# expect: result == 'math'
def outer():
    m = None
    def load():
        nonlocal m
        import math as m
    load()
    return m.__name__
probe_call("result", outer)
