# area: syntax-errors
# level: cpython-detail
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; CPython's SyntaxError message text and line number
# description: The SyntaxError for nonlocal without an enclosing binding names the variable, on the line of the nonlocal statement.
# negative: SyntaxError
# expect: program.message == "no binding for nonlocal 'x' found (no-binding-for-nonlocal-message.py, line 10)"
def outer():
    def inner():
        nonlocal x
        x = 2
    return inner
