# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 8.3 "The for statement" (the else clause runs when the loop is exhausted, not after break; the target keeps its last value); 4.2.2 "Resolution of names"
# description: A loop that breaks binds the closure made before the break; an exhausted loop binds the one made in its else clause; both read the loop variable's final value.
# expect: broken == ('break', 1)
# expect: exhausted == ('else', 2)
def outer(limit):
    for i in range(3):
        if i == limit:
            get = lambda: ('break', i)
            break
    else:
        get = lambda: ('else', i)
    return get()
probe_call("broken", outer, 1)
probe_call("exhausted", outer, 9)
