# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 8.2 "The while statement" (the else clause runs when the condition becomes false, not after break); 4.2.2 "Resolution of names"
# description: Which closure a while loop leaves bound depends on break versus else; both read the counter's value after a rebinding that follows the loop.
# expect: broken == ('break', 200)
# expect: exhausted == ('else', 300)
def outer(limit):
    n = 0
    while n < 3:
        n += 1
        if n == limit:
            get = lambda: ('break', n)
            break
    else:
        get = lambda: ('else', n)
    n = n * 100
    return get()
probe_call("broken", outer, 2)
probe_call("exhausted", outer, 9)
