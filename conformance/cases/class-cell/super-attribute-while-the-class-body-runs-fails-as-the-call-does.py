# area: class-cell
# level: language
# min_version: 3.0
# spec: Language Reference 6.3.1 "Attribute references" (the primary, here the call super(), is evaluated first); Library "Built-in Functions", super() (the class comes from the implicit __class__ reference, empty until the class is made)
# description: A method called while its class body still runs finds the __class__ cell empty: `super().m` fails exactly as the call `super()` does there, with RuntimeError (empty __class__ cell), since the attribute reference evaluates the call first.
# expect: attribute raises RuntimeError
class A:
    def attribute(self):
        return super().m
    probe_call("attribute", attribute, 0)
