# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement" ("the exception must be assigned to a different name to be able to refer to it after the except clause")
# description: A value bound to the name before the try statement is gone after the handler: reading it raises UnboundLocalError.
# expect: result raises UnboundLocalError
def f():
    e = 'before'
    try:
        raise ValueError
    except ValueError as e:
        pass
    return e
probe_call("result", f)
