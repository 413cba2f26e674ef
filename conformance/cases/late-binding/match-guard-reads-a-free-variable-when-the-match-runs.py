# area: late-binding
# level: language
# min_version: 3.10
# spec: Language Reference 8.6.3 "Guards" (the guard expression is evaluated when the case is tried); 4.2.2 "Resolution of names"
# description: A guard reading a free variable sees the enclosing function's later rebinding on the next call.
# expect: result == ('small', 'big')
def outer():
    limit = 10
    def classify(n):
        match n:
            case int() if n > limit:
                return 'big'
            case _:
                return 'small'
    first = classify(5)
    limit = 1
    return first, classify(5)
probe_call("result", outer)
