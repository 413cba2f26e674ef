# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (each comprehension runs in its own nested scope); 4.2.2 "Resolution of names"
# description: A comprehension using x as iteration variable does not make x a name of the function, so a later comprehension in that function still reads the global x.
# expect: result == [3]
x = 3
def f():
    [x for x in [1]]
    return [x for _ in [1]]
probe_call("result", f)
