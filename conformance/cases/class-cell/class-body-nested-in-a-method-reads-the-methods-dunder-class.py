# area: class-cell
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a free name in a class body resolves in the nearest enclosing function scope); Data model 3.3.3.6 (__class__ is an implicit closure reference of the methods of a class)
# description: A class body nested in a method reads __class__ through the method's implicit closure reference: the class that defined the method.
# expect: result == True
class Outer:
    def m(self):
        class Inner:
            got = __class__
        return Inner.got is Outer
probe_call("result", Outer().m)
