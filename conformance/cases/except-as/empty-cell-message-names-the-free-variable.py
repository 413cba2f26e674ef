# area: except-as
# level: cpython-detail
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement"; CPython's NameError message for an empty free variable (reworded in 3.11)
# description: The NameError from a closure reading the deleted `as` name says it is a free variable of the enclosing scope.
# expect[<3.11]: after.message == "free variable 'e' referenced before assignment in enclosing scope"
# expect[>=3.11]: after.message == "cannot access free variable 'e' where it is not associated with a value in enclosing scope"
def outer():
    try:
        raise ValueError
    except ValueError as e:
        read = lambda: e
    return read
probe_call("after", outer())
