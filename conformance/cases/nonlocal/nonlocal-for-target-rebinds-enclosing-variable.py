# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 8.3 "The for statement" (the target list is assigned each item)
# description: A for loop whose target is a nonlocal name leaves the enclosing variable bound to the last item.
# expect: result == 'c'
def outer():
    x = 'start'
    def loop():
        nonlocal x
        for x in 'abc':
            pass
    loop()
    return x
probe_call("result", outer)
