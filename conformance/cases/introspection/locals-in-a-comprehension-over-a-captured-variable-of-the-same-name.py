# area: introspection
# level: cpython-detail
# min_version: 3.0
# spec: PEP 709 (3.12: locals() in a list comprehension lists its function's variables too); Language Reference 6.2.4 (the iteration variable is the comprehension's own, and the function's variable of that name is untouched)
# description: locals() in a list comprehension whose iteration variable has the name of a function variable that a closure captures: the comprehension's names (and from 3.12 the function's), and the captured variable keeps its value.
# expect[<3.12]: result == (["a"], 0)
# expect[>=3.12]: result == (["a", "b"], 0)
def f():
    a = 0
    b = 1
    names = [sorted(k for k in locals() if k[:1] != ".") for a in range(1)][0]
    return names, (lambda: a)()
probe_call("result", f)
