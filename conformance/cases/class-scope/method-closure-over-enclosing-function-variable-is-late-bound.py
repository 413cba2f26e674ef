# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; Data model 3.2: user-defined functions (__closure__)
# description: A method of a class defined in a function captures the function's variable in a cell and reads it when called.
# expect: read == 2
# expect: m.freevars == {"v"}
# expect: m.cells.v == 2
def f():
    v = 1
    class C:
        def m(self):
            return v
    v = 2
    return C
C = f()
probe_call("read", C().m)
probe_closure("m", C.m)
