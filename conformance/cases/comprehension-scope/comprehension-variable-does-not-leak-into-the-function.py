# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries"; 4.2.2 "Resolution of names"
# description: After a list comprehension in a function, its iteration variable is not a name of the function: reading it looks up the global and raises NameError, not UnboundLocalError.
# expect: read raises NameError
def f():
    [i for i in range(3)]
    return i
probe_call("read", f)
