# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the class scope does not extend to comprehensions, except their first iterable); 6.2.4 "Displays for lists, sets and dictionaries"
# description: In a class-body dict comprehension the first iterable reads a class name, but the second iterable does not: NameError at module level, the enclosing function's variable inside a function.
# expect: caught == 'NameError'
# expect: nested == {'a': 'function', 'b': 'function'}
class C:
    keys = ['a', 'b']
    vals = [1]
    try:
        d = {k: v for k in keys for v in vals}
    except NameError as e:
        caught = type(e).__name__
probe("caught", C.caught)
def outer():
    vals = ['function']
    class D:
        keys = ['a', 'b']
        vals = ['class']
        d = {k: v for k in keys for v in vals}
    return D.d
probe_call("nested", outer)
