# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 4.2.2 "Resolution of names"
# description: When the outer function declares x global, its assignments and a nested function's reads all go to the module variable.
# expect: result == 'assigned in outer'
# expect: module == 'assigned in outer'
x = 'module'
def outer():
    global x
    x = 'assigned in outer'
    def inner():
        return x
    return inner
probe_call("result", outer())
probe("module", x)
