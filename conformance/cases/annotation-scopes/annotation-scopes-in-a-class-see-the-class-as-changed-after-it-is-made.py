# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" and 4.2.5 "Lazy evaluation" (an annotation scope in a class body sees the class's names when it is evaluated: once the class exists, its namespace, as changed since); PEP 649 (3.14: class annotations too are evaluated when read)
# description: A type alias and an annotation in a class body read T, which a class decorator and then an assignment to X.T rebind after the class is made; the alias, read afterwards, sees the last value; the annotation sees T as it was in the body before 3.14, and the last value from 3.14.
# expect[<3.14]: result == ("str", {"x": "int"})
# expect[>=3.14]: result == ("str", {"x": "str"})
def deco(cls):
    cls.T = float
    return cls
@deco
class X:
    T = int
    type Alias = T
    x: T = 1
X.T = str
probe_call("result", lambda: (X.Alias.__value__.__name__, {k: v.__name__ for k, v in X.__annotations__.items()}))
