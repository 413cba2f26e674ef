# area: class-cell
# level: language
# min_version: 3.0
# spec: Library "Built-in Functions": super() (zero-argument form; the first argument of a classmethod is the class); PEP 3135
# description: Zero-argument super() in a classmethod calls the base class's classmethod with the subclass as cls.
# expect: result == ("A:C", "B")
class A:
    @classmethod
    def name(cls):
        return "A:" + cls.__name__
class B(A):
    @classmethod
    def name(cls):
        return super().name(), __class__.__name__
class C(B):
    pass
probe_call("result", C.name)
