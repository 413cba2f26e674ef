# area: syntax-errors
# level: language
# min_version: 3.6
# spec: Language Reference 7.12 "The global statement" (names must not be used or assigned prior to the global statement; a SyntaxError from 3.6, a SyntaxWarning before)
# description: Assigning a name before its global declaration in the same function does not compile.
# negative: SyntaxError
def outer():
    def inner():
        x = 2
        global x
    return inner
