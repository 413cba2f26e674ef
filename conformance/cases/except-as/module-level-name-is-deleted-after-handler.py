# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement"; 4.2.2 "Resolution of names" (a global that is not bound raises NameError)
# description: At module level the `as` name is a global; after the handler a function reading it raises NameError.
# expect: during == 'ValueError'
# expect: after raises NameError
read = lambda: type(e).__name__
try:
    raise ValueError
except ValueError as e:
    probe_call("during", read)
probe_call("after", read)
