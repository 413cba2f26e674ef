# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.7 "Function definitions"
# description: A nested function's recursive call reads its name when it runs, so after the enclosing function rebinds the name the call goes to the new function.
# expect: result == 101
def outer():
    def f(n):
        return 0 if n == 0 else f(n - 1) + 1
    first = f
    def f(n):
        return 100
    return first
probe_call("result", outer(), 3)
