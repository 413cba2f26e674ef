# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.7 "Function definitions" (def binds the function name in the enclosing scope)
# description: A nested function calls itself by its own name, which it reads as a variable of the enclosing function.
# expect: result == 120
def outer():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
probe_call("result", outer(), 5)
