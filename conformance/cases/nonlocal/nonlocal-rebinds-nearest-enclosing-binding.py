# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (the nearest enclosing scope)
# description: With the name bound at two enclosing levels, nonlocal rebinds the nearer one and leaves the outer one alone.
# expect: result == ('outer', 'changed')
def outer():
    x = 'outer'
    def middle():
        x = 'middle'
        def inner():
            nonlocal x
            x = 'changed'
        inner()
        return x
    return x, middle()
probe_call("result", outer)
