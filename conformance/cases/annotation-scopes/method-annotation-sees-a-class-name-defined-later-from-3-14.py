# area: annotation-scopes
# level: language
# min_version: 3.0
# spec: PEP 649 and PEP 749 (3.14: a method's annotations are evaluated when read, in an annotation scope that sees the class's names); Language Reference 8.7 (before 3.14, when the def statement runs)
# description: A method annotation naming a class defined later in the same class body fails when the def runs before 3.14, and gives that class from 3.14.
# expect[<3.14]: result raises NameError
# expect[>=3.14]: result == True
def make():
    class Outer:
        def meth(self, x: Nested):
            pass
        class Nested:
            pass
    return Outer.meth.__annotations__["x"] is Outer.Nested
probe_call("result", make)
