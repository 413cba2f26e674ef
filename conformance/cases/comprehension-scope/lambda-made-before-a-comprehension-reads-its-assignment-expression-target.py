# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: Language Reference 6.12 "Assignment expressions" (in a comprehension the target is bound in the containing scope); 4.2.2 "Resolution of names"
# description: An assignment expression in a comprehension binds the function's variable, which a lambda made before the comprehension captures and reads afterwards.
# expect: before raises NameError
# expect: result == 'c'
def outer():
    get = lambda: last
    probe_call("before", get)
    [(last := c) for c in 'abc']
    return get()
probe_call("result", outer)
