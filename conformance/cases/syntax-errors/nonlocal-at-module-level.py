# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (a name not bound in any nonlocal scope, or no nonlocal scope at all, is a SyntaxError)
# description: A nonlocal statement at module level does not compile.
# negative: SyntaxError
nonlocal x
