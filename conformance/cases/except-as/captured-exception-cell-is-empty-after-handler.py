# area: except-as
# level: data-model
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement" (`del` of the target at the end of the handler); Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, cell objects)
# description: After the handler ends, the cell a closure shares for the `except ... as` name is empty.
# expect: fn.freevars == {'e'}
# expect: fn.closure == 1
# expect: fn.cells.e == EMPTY
def outer():
    try:
        raise KeyError('k')
    except KeyError as e:
        def read():
            return e
    return read
probe_closure("fn", outer())
