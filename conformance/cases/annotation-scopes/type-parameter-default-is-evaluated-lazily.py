# area: annotation-scopes
# level: language
# min_version: 3.13
# spec: PEP 696 "Type Parameter Defaults" (a default is evaluated lazily in the annotation scope); Language Reference 4.2.5 "Lazy evaluation"
# description: A type parameter's default naming a class defined later is evaluated when __default__ is read: NameError before the class exists, the class afterwards.
# expect: early raises NameError
# expect: late == True
def f[T = Later]():
    pass
probe_call("early", lambda: f.__type_params__[0].__default__)
class Later:
    pass
probe_call("late", lambda: f.__type_params__[0].__default__ is Later)
