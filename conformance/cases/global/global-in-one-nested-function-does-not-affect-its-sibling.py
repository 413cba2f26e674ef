# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement" (it applies to the current code block only); 4.2.2 "Resolution of names"
# description: A global declaration in one nested function does not change what a sibling nested function without it reads: the enclosing variable.
# expect: result == ('module', 'enclosing')
x = 'module'
def outer():
    x = 'enclosing'
    def with_global():
        global x
        return x
    def without():
        return x
    return with_global(), without()
probe_call("result", outer)
