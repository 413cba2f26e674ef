# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" and 4.2.5 "Lazy evaluation" (the bound of a type variable is evaluated when __bound__ is first read); PEP 695
# description: A bound naming a class defined later does not fail when the generic function is defined; reading __bound__ before the class exists raises NameError, afterwards gives the class.
# expect: early raises NameError
# expect: late == True
def f[T: Later]():
    pass
probe_call("early", lambda: f.__type_params__[0].__bound__)
class Later:
    pass
probe_call("late", lambda: f.__type_params__[0].__bound__ is Later)
