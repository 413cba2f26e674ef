# area: class-cell
# level: language
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (each class body creates its own __class__ cell for its methods)
# description: Methods of an inner class and of the outer class each read their own class as __class__.
# expect: result == (True, True)
class Outer:
    class Inner:
        def m(self):
            return __class__
    def m(self):
        return __class__
probe("result", (Outer.Inner().m() is Outer.Inner, Outer().m() is Outer))
