# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 7.14 "The type statement" (it binds the name, as an assignment does); 7.12 "The global statement"
# description: In a function that declares a global, `type a = ...` rebinds the global a, not a local; the alias's value is evaluated when read.
# expect: result == ("global rebound", 0)
a = "old global"
def f():
    global a
    type a = lambda: 0
a_before = a
f()
probe("result", ("global rebound" if a is not a_before else "not rebound", a.__value__()))
