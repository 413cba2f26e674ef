# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.2 "Assignment statements" (a starred target takes the remaining items as a list) and 8.4 "The try statement" (finally runs, then the exception is re-raised)
# description: A starred unpacking in a finally clause run while an exception propagates rebinds the nonlocal names, and the exception then goes on.
# expect: inner raises KeyError
# expect: result == (4, [3, 3, 1])
def outer():
    a = f = None
    def inner():
        nonlocal a, f
        try:
            raise KeyError(1)
        finally:
            a, *f = (4, 3, 3, 1)
    probe_call("inner", inner)
    return lambda: (a, f)
probe_call("result", outer())
