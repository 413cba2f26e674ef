# area: cells
# level: data-model
# min_version: 3.0
# spec: Library types.FunctionType(code, globals, name, argdefs, closure) (the closure's length must equal len(co_freevars))
# description: types.FunctionType raises ValueError for a closure tuple with more or fewer cells than the code has free variables, including any cells for code with none.
# expect: too_many raises ValueError
# expect: too_few raises ValueError
# expect: for_plain_code raises ValueError
import types
def outer():
    x = y = 1
    def inner():
        return x + y
    return inner
f = outer()
cell = f.__closure__[0]
def plain():
    return 0
probe_call("too_many", types.FunctionType, f.__code__, globals(), "f", None, f.__closure__ + (cell,))
probe_call("too_few", types.FunctionType, f.__code__, globals(), "f", None, (cell,))
probe_call("for_plain_code", types.FunctionType, plain.__code__, globals(), "p", None, (cell,))
