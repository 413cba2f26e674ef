# area: class-cell
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (an assignment makes a name local to its block); Data model 3.3.3.6 "Creating the class object"
# description: A method that assigns __class__ reads its own local, and a nested function reads that local; other methods still see the class.
# expect: result == ("local", "local", True)
class B:
    def m(self):
        __class__ = "local"
        return __class__, (lambda: __class__)(), self.n() is B
    def n(self):
        return __class__
probe_call("result", B().m)
