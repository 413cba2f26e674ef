# area: annotation-scopes
# level: language
# min_version: 3.0
# spec: PEP 649 and PEP 749 (3.14: deferred evaluation of annotations); Language Reference 8.7 "Function definitions" (before 3.14, annotations are evaluated when the def statement runs)
# description: A def whose parameter annotation names an undefined name raises NameError when it runs before 3.14; from 3.14 it defines the function, and reading __annotations__ raises NameError.
# expect[<3.14]: define raises NameError
# expect[>=3.14]: define == "defined"
# expect[>=3.14]: read raises NameError
def define():
    def f(x: Undefined):
        pass
    global made
    made = f
    return "defined"
probe_call("define", define)
probe_call("read", lambda: made.__annotations__)
