# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.5 "The del statement" (deletion of a name removes its binding from the global namespace if declared global; "If the name is unbound, a NameError exception will be raised"), 7.12 "The global statement"
# description: Deleting a global-declared name a second time, once it is gone, raises NameError (not KeyError).
# expect: first == None
# expect: second raises NameError
g = 1
def forget():
    global g
    del g
probe_call("first", forget)
probe_call("second", forget)
