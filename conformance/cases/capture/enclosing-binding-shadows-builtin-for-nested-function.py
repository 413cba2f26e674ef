# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (nearest enclosing scope first)
# description: When the enclosing function binds a builtin's name, the nested function captures that binding instead of the builtin.
# expect: result == 'local len'
def outer():
    len = lambda obj: 'local len'
    def inner():
        return len('abc')
    return inner
probe_call("result", outer())
