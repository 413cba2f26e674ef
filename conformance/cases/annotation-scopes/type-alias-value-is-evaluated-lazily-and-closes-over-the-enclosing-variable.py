# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 7.14 "The type statement" (the value is evaluated lazily, when __value__ is read) and 4.2.5 "Lazy evaluation"; PEP 695
# description: `type A = x` in a function reads the function's x when A.__value__ is first read: the later value; a value naming an undefined name fails only when read.
# expect: late == "later"
# expect: undefined raises NameError
def outer():
    x = "first"
    type A = x
    x = "later"
    return A.__value__
probe_call("late", outer)
type B = Undefined
probe_call("undefined", lambda: B.__value__)
