# area: class-cell
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (a nonlocal name in a class body refers to the enclosing function's variable); Data model 3.3.3.6 (the implicit __class__ cell is a separate cell of the class body)
# description: A class body that declares g nonlocal and assigns it rebinds the enclosing function's g, also when a method of the class uses __class__ (so the class body has its own implicit cell too).
# expect: result == (5, 5, True)
def h():
    g = 0
    class D:
        nonlocal g
        g = 5
        seen = g
        def m(self):
            return __class__
    return g, D.seen, D().m() is D
probe_call("result", h)
