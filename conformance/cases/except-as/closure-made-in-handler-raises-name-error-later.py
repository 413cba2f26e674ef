# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement"; 4.2.2 "Resolution of names"
# description: A lambda made inside the handler reads the exception while the handler runs, and raises NameError once the handler is over.
# expect: inside == 'KeyError'
# expect: after raises NameError
def outer():
    try:
        {}['missing']
    except KeyError as err:
        show = lambda: type(err).__name__
        probe_call("inside", show)
    return show
probe_call("after", outer())
