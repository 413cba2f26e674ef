# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target"
# description: An assignment expression in a module-level comprehension binds a global variable.
# expect: z == 2
[(z := i) for i in range(3)]
probe("z", z)
