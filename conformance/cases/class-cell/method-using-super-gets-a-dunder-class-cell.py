# area: class-cell
# level: data-model
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (__class__ is an implicit closure reference created by the compiler if any methods refer to __class__ or super)
# description: A method that calls zero-argument super() has a free variable __class__ whose cell holds the class being defined.
# expect: m.freevars == {"__class__"}
# expect: m.closure == 1
# expect: holds_class == True
# expect: call == "A"
class A:
    def m(self):
        return "A"
class B(A):
    def m(self):
        return super().m()
probe_closure("m", B.m)
probe("holds_class", B.m.__closure__[0].cell_contents is B)
probe_call("call", B().m)
