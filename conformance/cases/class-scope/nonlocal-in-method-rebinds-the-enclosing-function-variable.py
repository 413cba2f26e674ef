# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names"
# description: `nonlocal` in a method rebinds the enclosing function's variable, skipping the class body's binding of the same name.
# expect: result == (2, 100)
def f():
    count = 0
    class C:
        count = 100
        def bump(self):
            nonlocal count
            count += 1
    C().bump()
    C().bump()
    return count, C.count
probe_call("result", f)
