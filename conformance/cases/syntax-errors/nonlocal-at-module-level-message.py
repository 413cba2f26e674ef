# area: syntax-errors
# level: cpython-detail
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; CPython's SyntaxError message text and line number
# description: The SyntaxError for nonlocal at module level says so, on the line of the nonlocal statement.
# negative: SyntaxError
# expect: program.message == 'nonlocal declaration not allowed at module level (nonlocal-at-module-level-message.py, line 9)'
y = 1
nonlocal x
