# area: capture
# level: language
# min_version: 3.10
# spec: Language Reference 8.6.4.9 "Mapping Patterns" (`**rest` is bound to a dict of the remaining key-value pairs); 4.2.2 "Resolution of names"
# description: A closure made after a mapping pattern captures the value pattern's name and the `**rest` dict of the other keys.
# expect: result == (1, [('a', 2), ('b', 3)], True)
def outer(subject):
    match subject:
        case {"k": v, **rest}:
            pass
    def inner():
        return v, sorted(rest.items()), type(rest) is dict
    return inner
probe_call("result", outer({"k": 1, "a": 2, "b": 3}))
