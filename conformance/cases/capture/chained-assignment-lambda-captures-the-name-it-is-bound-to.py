# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 7.2 "Assignment statements" (the value is assigned to each target list, left to right); 4.2.2 "Resolution of names"
# description: In `a = b = lambda: a` the lambda captures the function's a: called through b it returns itself, and after a is rebound it returns the new value.
# expect: result == (True, 'rebound')
def outer():
    a = b = lambda: a
    first = b() is b
    a = 'rebound'
    return first, b()
probe_call("result", outer)
