# area: class-cell
# level: language
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (the implicit __class__ reference is a closure reference, so scopes nested in a method resolve it lexically); Language Reference 4.2.2 "Resolution of names"
# description: A function, a lambda, a list/set/dict comprehension and a generator expression nested in a method all read __class__ as the class that defined the method.
# expect: result == (True, True, True, True, True, True)
class B:
    def m(self):
        def inner():
            return __class__
        return (inner() is B, (lambda: __class__)() is B, [__class__ for _ in "a"][0] is B,
                {__class__ for _ in "a"} == {B}, {0: __class__ for _ in "a"}[0] is B,
                next(__class__ for _ in "a") is B)
class C(B):
    pass
probe_call("result", C().m)
