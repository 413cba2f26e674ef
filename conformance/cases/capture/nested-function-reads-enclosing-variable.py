# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: A nested function that reads a name bound in its enclosing function sees that function's binding after the enclosing call returned.
# expect: result == 'enclosing'
x = 'module'
def outer():
    x = 'enclosing'
    def inner():
        return x
    return inner
probe_call("result", outer())
