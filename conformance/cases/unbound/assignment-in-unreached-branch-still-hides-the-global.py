# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a binding anywhere in the block makes the name local)
# description: An assignment that never runs still makes the name local, so the read raises UnboundLocalError instead of seeing the global.
# expect: read raises UnboundLocalError
x = "global"
def f():
    if False:
        x = "local"
    return x
probe_call("read", f)
