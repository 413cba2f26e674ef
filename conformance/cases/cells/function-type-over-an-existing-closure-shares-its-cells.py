# area: cells
# level: data-model
# min_version: 3.0
# spec: Library types.FunctionType(code, globals, name, argdefs, closure); Data model 3.2: user-defined functions (__closure__)
# description: A function built with types.FunctionType from another closure's code and __closure__ shares its cells: a nonlocal write through the original is seen by the copy.
# expect: copy_before == 1
# expect: copy_after == 2
# expect: shared == True
import types
def outer():
    x = 1
    def get():
        return x
    def bump():
        nonlocal x
        x += 1
    return get, bump
get, bump = outer()
copy = types.FunctionType(get.__code__, globals(), "copy", None, get.__closure__)
probe_call("copy_before", copy)
bump()
probe_call("copy_after", copy)
probe("shared", copy.__closure__[0] is get.__closure__[0])
