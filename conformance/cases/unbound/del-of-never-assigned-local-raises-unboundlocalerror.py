# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (a del target is bound in the block); 4.2.2 "Resolution of names"; 7.5 "The del statement"
# description: `del x` on a local that was never assigned raises UnboundLocalError, even when a global x exists.
# expect: drop raises UnboundLocalError
# expect: still == "global"
x = "global"
def f():
    del x
probe_call("drop", f)
probe("still", x)
