# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names"; 4.2.2 "Resolution of names" (UnboundLocalError)
# description: Without nonlocal, a later assignment makes the name local to the nested function, so reading it first raises UnboundLocalError instead of seeing the enclosing value.
# expect: result raises UnboundLocalError
def outer():
    x = 'enclosing'
    def inner():
        seen = x
        x = 'local'
        return seen
    return inner
probe_call("result", outer())
