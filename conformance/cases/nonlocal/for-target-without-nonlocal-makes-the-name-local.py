# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (for loop targets bind); 8.3 "The for statement"
# description: A for target in a nested function without nonlocal is a local of that function; the enclosing variable keeps its value.
# expect: result == ('c', 'enclosing')
def outer():
    x = 'enclosing'
    def inner():
        for x in 'abc':
            pass
        return x
    return inner(), x
probe_call("result", outer)
