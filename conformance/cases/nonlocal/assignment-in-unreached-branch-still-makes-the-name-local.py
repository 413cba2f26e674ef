# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (a binding anywhere in the block, whether or not it runs)
# description: An assignment that never runs still makes the name local to the nested function, so reading it raises UnboundLocalError.
# expect: result raises UnboundLocalError
def outer():
    x = 'enclosing'
    def inner():
        if False:
            x = 'never'
        return x
    return inner
probe_call("result", outer())
