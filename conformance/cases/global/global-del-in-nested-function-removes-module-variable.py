# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 7.5 "The del statement" (deleting a name removes its binding from the global namespace when it is declared global)
# description: del of a global-declared name in a nested function removes the module variable and leaves the enclosing function's variable of that name bound.
# expect: enclosing == 'enclosing'
# expect: module_has_x == False
x = 'module'
def outer():
    x = 'enclosing'
    def drop():
        global x
        del x
    drop()
    return x
probe_call("enclosing", outer)
probe("module_has_x", 'x' in globals())
