# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a function in a class body reaches the enclosing function's variables); 8.8 "Class definitions"
# description: A staticmethod and a classmethod defined in a class inside a function both capture the function's variable and read its latest value.
# expect: result == (15, ('C', 15))
def outer():
    factor = 2
    class C:
        @staticmethod
        def s(v):
            return v * factor
        @classmethod
        def c(cls, v):
            return cls.__name__, v * factor
    factor = 5
    return C.s(3), C.c(3)
probe_call("result", outer)
