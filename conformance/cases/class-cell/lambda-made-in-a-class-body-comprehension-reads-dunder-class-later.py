# area: class-cell
# level: language
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (any function nested in the class body that refers to __class__ gets the implicit closure reference, filled when the class is created); Language Reference 6.2.4
# description: A lambda made in a class-body comprehension and called after the class exists reads __class__ as the class; called inside the comprehension, while the body runs, it raises NameError.
# expect: later == True
# expect: during raises NameError
def later():
    class D:
        vals = [(lambda: __class__) for _ in range(1)]
    return D.vals[0]() is D
def during():
    class D:
        vals = [(lambda: __class__)() for _ in range(1)]
    return D.vals
probe_call("later", later)
probe_call("during", during)
