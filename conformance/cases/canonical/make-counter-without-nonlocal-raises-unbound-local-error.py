# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (an assignment makes the name local to the block); 4.2.2 "Resolution of names" (UnboundLocalError)
# description: Tutorial (seed 001) make_counter without nonlocal: `count += 1` makes count local to increment, so the call raises UnboundLocalError.
# expect: call raises UnboundLocalError
def make_counter():
    count = 0
    def increment():
        count += 1
        return count
    return increment
c = make_counter()
probe_call("call", c)
