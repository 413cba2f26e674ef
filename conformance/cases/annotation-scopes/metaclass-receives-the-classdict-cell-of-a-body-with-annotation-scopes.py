# area: annotation-scopes
# level: cpython-detail
# min_version: 3.12
# spec: PEP 695 "Implementation" (a class body containing annotation scopes keeps its namespace in a __classdict__ cell, handed to the metaclass as __classdictcell__ and pointed by type.__new__ at the class's own dict); Language Reference 4.2.4 "Annotation scopes" (what the cell is for: annotation scopes in a class see the class's names)
# description: The namespace a metaclass receives holds __classdictcell__ when the class body has a type alias (an annotation scope), and not otherwise; afterwards the alias sees a name set on the class.
# expect: keys == [["__classdictcell__"], []]
# expect: later == "set later"
seen = []
class Meta(type):
    def __new__(mcls, name, bases, ns):
        seen.append(sorted(k for k in ns if k.startswith("__classdict")))
        return super().__new__(mcls, name, bases, ns)
class C(metaclass=Meta):
    type A = later
class D(metaclass=Meta):
    x = 1
C.later = "set later"
probe("keys", seen)
probe_call("later", lambda: C.A.__value__)
