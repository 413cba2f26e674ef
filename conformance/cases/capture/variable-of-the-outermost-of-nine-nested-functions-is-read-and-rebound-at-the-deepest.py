# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the nearest enclosing function scope that binds the name, however deep); 7.13 "The nonlocal statement"
# description: Nine functions deep, the innermost reads the outermost function's variable through seven functions that do not use it, and rebinds it with nonlocal.
# expect: result == ('outermost', 'deepest')
def l1():
    x = 'outermost'
    def l2():
        def l3():
            def l4():
                def l5():
                    def l6():
                        def l7():
                            def l8():
                                def l9():
                                    nonlocal x
                                    seen = x
                                    x = 'deepest'
                                    return seen
                                return l9()
                            return l8()
                        return l7()
                    return l6()
                return l5()
            return l4()
        return l3()
    seen = l2()
    return seen, x
probe_call("result", l1)
