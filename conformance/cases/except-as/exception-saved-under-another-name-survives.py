# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement" ("the exception must be assigned to a different name to be able to refer to it after the except clause")
# description: Only the `as` name is deleted: a closure reading a second variable the handler assigned the exception to still sees it.
# expect: saved == 'kept'
# expect: gone raises NameError
def outer():
    try:
        raise ValueError('kept')
    except ValueError as e:
        saved = e
    return (lambda: saved.args[0]), (lambda: e)
keep, lose = outer()
probe_call("saved", keep)
probe_call("gone", lose)
