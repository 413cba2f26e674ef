# area: introspection
# level: data-model
# min_version: 3.0
# spec: Library types.FunctionType (a function from a code object, globals, name, defaults and closure, a tuple of cells for the code's co_freevars); Data model 3.2 (cells are shared, not copied)
# description: A function made by types.FunctionType from a closure's code and __closure__ reads the same cell: a later rebinding through nonlocal shows in both.
# expect: result == (1, 2, 2)
import types
def outer():
    x = 1
    def read():
        return x
    def write():
        nonlocal x
        x = 2
    return read, write
read, write = outer()
copy = types.FunctionType(read.__code__, globals(), "copy", None, read.__closure__)
before = copy()
write()
probe("result", (before, read(), copy()))
