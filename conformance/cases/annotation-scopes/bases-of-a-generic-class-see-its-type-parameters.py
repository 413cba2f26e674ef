# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 8.8 "Class definitions" (generic classes: the bases and keywords are evaluated in the annotation scope of the type parameters, the decorators outside it)
# description: A generic class's base expression reads the class's type parameter; a decorator reading it finds no such name.
# expect: base_sees == True
# expect: decorator raises NameError
seen = []
def keep(x):
    seen.append(x)
    return type("B", (), {})
class C[T](keep(T)):
    pass
probe("base_sees", seen[0] is C.__type_params__[0])
def deco(x):
    return lambda cls: cls
def define():
    @deco(T2)
    class D[T2]:
        pass
probe_call("decorator", define)
