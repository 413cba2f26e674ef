# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 4.2.2 "Resolution of names"
# description: Assigning a name declared global in a nested function binds the module's variable; the enclosing function's variable of that name is unchanged.
# expect: enclosing == 'enclosing'
# expect: module == 'set by inner'
x = 'module'
def outer():
    x = 'enclosing'
    def inner():
        global x
        x = 'set by inner'
    inner()
    return x
probe_call("enclosing", outer)
probe("module", x)
