# area: class-cell
# level: data-model
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (one implicit __class__ cell per class body, created by the compiler, filled by type.__new__)
# description: Two methods of one class, one reading __class__ and one calling super(), hold the same cell, whose contents are the class.
# expect: result == (True, True)
class A:
    def m(self):
        return __class__
    def n(self):
        return super()
probe("result", (A.m.__closure__[0] is A.n.__closure__[0], A.m.__closure__[0].cell_contents is A))
