# area: syntax-errors
# level: cpython-detail
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; CPython's SyntaxError message text and line number
# description: The SyntaxError for a parameter declared nonlocal says the name is both, on the line of the nonlocal statement.
# negative: SyntaxError
# expect: program.message == "name 'x' is parameter and nonlocal (parameter-and-nonlocal-message.py, line 11)"
def outer():
    x = 1
    def inner(x):
        nonlocal x
    return inner
