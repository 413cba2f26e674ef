# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the nearest enclosing scope)
# description: With the same name bound at two enclosing levels, the innermost function reads the nearer binding.
# expect: result == 'middle'
def outer():
    x = 'outer'
    def middle():
        x = 'middle'
        def inner():
            return x
        return inner
    return middle()
probe_call("result", outer())
