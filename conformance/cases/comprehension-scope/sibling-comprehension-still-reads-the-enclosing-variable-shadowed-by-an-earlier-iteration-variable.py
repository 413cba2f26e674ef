# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (each comprehension runs in its own nested scope); 4.2.2 "Resolution of names"
# description: A comprehension using x as iteration variable does not make x a name of its function, so a later comprehension there still reads the enclosing function's x.
# expect: result == [3]
def outer():
    x = 3
    def f():
        [x for x in [1]]
        return [x for _ in [1]]
    return f
probe_call("result", outer())
