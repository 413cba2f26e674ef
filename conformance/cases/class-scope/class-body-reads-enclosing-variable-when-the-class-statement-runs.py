# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 8.8 "Class definitions" (the class body is executed when the class statement runs); 4.2.2 "Resolution of names"
# description: A class body reads the enclosing variable once, when it runs, while a method reads it each time it is called.
# expect: attr == "before"
# expect: method == "after"
def f():
    v = "before"
    class C:
        attr = v
        def m(self):
            return v
    v = "after"
    return C
C = f()
probe("attr", C.attr)
probe_call("method", C().m)
