# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 8.6.4.4 "Capture Patterns" (a capture pattern binds the subject to the name); 4.2.1 "Binding of names"; 4.2.2 "Resolution of names"
# description: A capture pattern binds a local of the function; a nested function made after the match captures it.
# expect: result == 7
def outer(subject):
    match subject:
        case (x, 0):
            pass
    def inner():
        return x
    return inner
probe_call("result", outer((7, 0)))
