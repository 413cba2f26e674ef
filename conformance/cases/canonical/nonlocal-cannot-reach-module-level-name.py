# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (only enclosing function scopes; a module-level name needs `global`)
# description: Tutorial (seed 004) rule: "nonlocal does not work for global-scope variables": a counter declaring a module-level total nonlocal does not compile.
# negative: SyntaxError
total = 0

def increment():
    nonlocal total
    total += 1
    return total
