# area: class-cell
# level: language
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (the __class__ cell is filled by type.__new__ when the class object is created, before decorators run); Language Reference 8.8 "Class definitions"
# description: A class decorator that replaces the class does not change __class__ in its methods: a method called from the decorator already sees the class, and so does the original after decoration.
# expect: result == (True, True, "B")
kept = []
def replace(cls):
    kept.append(cls().who() is cls)
    kept.append(cls)
    return "replaced"
@replace
class B:
    def who(self):
        return __class__
probe("result", (kept[0], kept[1]().who() is kept[1], kept[1].__name__))
