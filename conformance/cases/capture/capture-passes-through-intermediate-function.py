# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the nearest enclosing function scope that binds the name)
# description: An innermost function reads a variable of its grandparent through a middle function that never mentions it.
# expect: result == 'outer'
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner
    return middle
probe_call("result", outer()())
