# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a global statement makes all uses of the name in its block refer to the top-level binding; a nested block resolves through its nearest enclosing scope); 7.12 "The global statement"
# description: A function nested inside a function that declares x global reads the module's x, not the x of the function enclosing both.
# expect: result == 'module'
x = 'module'
def outer():
    x = 'outer'
    def middle():
        global x
        def inner():
            return x
        return inner()
    return middle()
probe_call("result", outer)
