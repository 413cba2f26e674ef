# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 8.6.4.8 "Sequence Patterns"; 4.2.1 "Binding of names" (names bound at module level are global); 4.2.2 "Resolution of names"
# description: A capture pattern in a module-level match binds a global, which a function defined before the match reads when called.
# expect: result == 2
def read():
    return y
match [1, 2]:
    case [_, y]:
        pass
probe_call("result", read)
