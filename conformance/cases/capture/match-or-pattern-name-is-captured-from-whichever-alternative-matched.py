# area: capture
# level: language
# min_version: 3.10
# spec: Language Reference 8.6.4.1 "OR Patterns" (each alternative binds the same names; the first that succeeds binds them); 4.2.2 "Resolution of names"
# description: A closure captures the name bound by an OR pattern, from the alternative that matched.
# expect: result == [5, 6]
def outer(subject):
    match subject:
        case (0, v) | (v, 0):
            pass
    return lambda: v
probe("result", [outer((0, 5))(), outer((6, 0))()])
