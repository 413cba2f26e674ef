# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.3 "The for statement" (the target is assigned in the enclosing scope)
# description: Functions made by a def statement in each iteration of a for loop all read the loop variable's final value.
# expect: results == ['c', 'c', 'c']
def make():
    funcs = []
    for ch in 'abc':
        def f():
            return ch
        funcs.append(f)
    return funcs
probe("results", [f() for f in make()])
