# area: class-cell
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; Data model 3.3.3.6 (the implicit __class__ reference exists only for functions in a class body)
# description: A function defined outside any class reads __class__ as an ordinary global: NameError without one, the global's value with one.
# expect: before raises NameError
# expect: after == "global"
def f():
    return __class__
probe_call("before", f)
__class__ = "global"
probe_call("after", f)
