# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 4.2.2 "Resolution of names"
# description: Reading a name declared global in a nested function gives the module's value even though the enclosing function binds the same name.
# expect: result == 'module'
x = 'module'
def outer():
    x = 'enclosing'
    def inner():
        global x
        return x
    return inner()
probe_call("result", outer)
