# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (a name bound in a block is local to it unless declared nonlocal or global)
# description: Without nonlocal, assigning a name in a nested function binds a local of that function and leaves the enclosing variable unchanged.
# expect: result == ('inner local', 'enclosing')
def outer():
    x = 'enclosing'
    def inner():
        x = 'inner local'
        return x
    return inner(), x
probe_call("result", outer)
