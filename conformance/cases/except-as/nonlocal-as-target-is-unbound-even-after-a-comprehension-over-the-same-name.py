# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement" (the target is deleted at the end of the except clause); 6.2.4 (a comprehension runs in its own nested scope)
# description: An except clause whose target b is a nonlocal variable deletes b at its end, even when the clause ran a comprehension whose lambdas capture its own iteration variable b.
# expect: result raises NameError
def f():
    b = 0
    def g():
        nonlocal b
        try:
            raise ValueError(2)
        except Exception as b:
            [(lambda: b) for b in range(2)]
    g()
    return lambda: b
probe_call("result", f())
