# area: syntax-errors
# level: cpython-detail
# min_version: 3.6
# spec: Language Reference 7.12 "The global statement"; CPython's SyntaxError message text and line number
# description: The SyntaxError for a name read before its global declaration names it, on the line of the global statement.
# negative: SyntaxError
# expect: program.message == "name 'x' is used prior to global declaration (used-before-global-message.py, line 10)"
def f():
    print(x)
    global x
