# area: class-cell
# level: data-model
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (__class__ is an implicit closure reference to the class being defined)
# description: A method that reads __class__ gets the class whose body defined it, not the class of the instance, through a __class__ cell.
# expect: who.freevars == {"__class__"}
# expect: from_subclass == True
class A:
    def who(self):
        return __class__
class B(A):
    pass
probe_closure("who", A.who)
probe("from_subclass", B().who() is A)
