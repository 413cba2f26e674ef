# area: class-cell
# level: cpython-detail
# min_version: 3.6
# spec: Data model 3.3.3.6 "Creating the class object" ("In CPython 3.6 and later, the __class__ cell is passed to the metaclass as a __classcell__ entry in the class namespace")
# description: The class namespace holds __classcell__ only when a method uses super() or __class__, and type.__new__ fills that cell with the new class.
# expect: with_super == True
# expect: without == None
# expect: filled == True
seen = {}
class Meta(type):
    def __new__(mcls, name, bases, ns):
        seen[name] = ns.get("__classcell__")
        return super().__new__(mcls, name, bases, ns)
class Uses(metaclass=Meta):
    def m(self):
        return super().m
class Plain(metaclass=Meta):
    def m(self):
        return 1
probe("with_super", seen["Uses"] is not None)
probe("without", seen["Plain"])
probe("filled", seen["Uses"].cell_contents is Uses)
