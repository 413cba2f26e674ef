# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the comprehension's targets are local to its scope); 4.2.2 and 7.2 (the targets of a target list are assigned left to right)
# description: In `[1 for (l[0], l) in ...]` the name l is local to the comprehension, and still unbound when the target l[0] is stored: UnboundLocalError, though the function has an l.
# expect: result raises UnboundLocalError
def f():
    l = [None]
    return [1 for (l[0], l) in [[1, 2]]]
probe_call("result", f)
