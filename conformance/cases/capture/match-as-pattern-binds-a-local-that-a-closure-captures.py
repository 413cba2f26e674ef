# area: capture
# level: language
# min_version: 3.10
# spec: Language Reference 8.6.4.2 "AS Patterns" (binds the subject to the name on the right of `as`); 4.2.2 "Resolution of names"
# description: The name after `as` in a pattern is a local of the function, captured by a nested function.
# expect: result == 20
def outer(subject):
    match subject:
        case [1 | 2 as n, _]:
            pass
    def inner():
        return n * 10
    return inner
probe_call("result", outer([2, 'x']))
