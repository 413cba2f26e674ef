# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (the bases of a generic class are evaluated in its type parameters' annotation scope, which, within a class body, sees that class's names) and 8.8 "Class definitions"
# description: A generic class defined in a class body lists a class of that body among its bases; the annotation scope of its type parameters finds it, and the generic class's MRO starts with it.
# expect: result == (True, "T")
class Outer:
    class Private:
        pass
    class Inner[T](Private):
        pass
probe_call("result", lambda: (Outer.Inner.__mro__[1] is Outer.Private, Outer.Inner.__type_params__[0].__name__))
