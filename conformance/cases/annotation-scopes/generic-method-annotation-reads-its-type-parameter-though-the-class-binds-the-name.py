# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (a generic method's type parameters are bound in its annotation scope; before 3.14 its annotations are evaluated there; from 3.14 in an `__annotate__` scope within it, which sees the class's names first, as an annotation scope within an annotation scope within a class does); PEP 649
# description: A class binds T and has two generic methods def m[T](self, x: T), one whose body also reads T. Before 3.14 the annotation is evaluated in the type parameters' scope, where T is the type parameter, whether or not the body reads it; from 3.14 the deferred annotation sees the class's T in both.
# expect[<3.14]: result == ("TypeVar", "TypeVar")
# expect[>=3.14]: result == ("class", "class")
class C:
    T = 1
    def reads[T](self, x: T):
        return T
    def ignores[T](self, x: T):
        pass
def kind(value):
    return "class" if value == 1 else type(value).__name__
probe_call("result", lambda: (kind(C.reads.__annotations__["x"]), kind(C.ignores.__annotations__["x"])))
