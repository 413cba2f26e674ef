# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the comprehension runs in its own scope); 7.13 "The nonlocal statement"
# description: b = [(lambda: b) for b in ...] in a function declaring b nonlocal rebinds the enclosing b to the list; the comprehension's own b is apart.
# expect: result == []
def outer():
    b = "old"
    def inner():
        nonlocal b
        b = [(lambda: b) for b in range(0)]
    inner()
    return b
probe_call("result", outer)
