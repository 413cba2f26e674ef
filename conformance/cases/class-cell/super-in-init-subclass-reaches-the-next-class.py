# area: class-cell
# level: language
# min_version: 3.6
# spec: Data model 3.3.3.1 "Customizing class creation" (__init_subclass__ is an implicit classmethod, PEP 487); Library super()
# description: Zero-argument super() in __init_subclass__, an implicit classmethod, calls the next class's __init_subclass__ with the new subclass.
# expect: result == ("A", "B")
class A:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.tag = "A"
class B(A):
    def __init_subclass__(cls):
        super().__init_subclass__()
        cls.tag2 = "B"
class C(B):
    pass
probe("result", (C.tag, C.tag2))
