# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement" (names listed must not be defined as formal parameters)
# description: A parameter of the function cannot also be declared global in it.
# negative: SyntaxError
x = 0
def f(x):
    global x
    x = 2
