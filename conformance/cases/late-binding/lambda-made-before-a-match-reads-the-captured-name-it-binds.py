# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a free variable is read when the code runs; an unbound one raises NameError); 8.6.4.9 "Mapping Patterns"
# description: A lambda made before a match reads the capture pattern's name: NameError before the match runs, the matched value after.
# expect: before raises NameError
# expect: after == 'Ada'
def outer():
    get = lambda: name
    probe_call("before", get)
    match {'name': 'Ada'}:
        case {'name': name}:
            pass
    return get
probe_call("after", outer())
