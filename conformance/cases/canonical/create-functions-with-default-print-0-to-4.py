# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (default parameter values are evaluated when the definition is executed)
# description: Tutorial (seed 004) create_functions fixed with `value=i`: the functions print 0 1 2 3 4.
# expect: program.output == '0\n1\n2\n3\n4\n'
def create_functions():
    funcs = []
    for i in range(5):
        def func(value=i):  # Captures i immediately
            return value
        funcs.append(func)
    return funcs

for f in create_functions():
    print(f())  # 0 1 2 3 4
