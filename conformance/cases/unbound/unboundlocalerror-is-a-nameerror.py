# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (UnboundLocalError is a subclass of NameError); Library "Built-in Exceptions"
# description: UnboundLocalError is a subclass of NameError, so `except NameError` catches a read of an unbound local.
# expect: subclass == True
# expect: caught == "UnboundLocalError"
def f():
    try:
        return x
    except NameError as e:
        return type(e).__name__
    x = 1
probe("subclass", issubclass(UnboundLocalError, NameError))
probe_call("caught", f)
