# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.2.1 "Augmented assignment statements"; 4.2.2 "Resolution of names" (UnboundLocalError)
# description: The counter written without nonlocal: n += 1 makes n local to the nested function, and reading it raises UnboundLocalError.
# expect: result raises UnboundLocalError
def make_counter():
    n = 0
    def step():
        n += 1
        return n
    return step
probe_call("result", make_counter())
