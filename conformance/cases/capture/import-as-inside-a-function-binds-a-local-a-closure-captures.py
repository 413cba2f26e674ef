# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 7.11 "The import statement" (import ... as and from ... import ... as bind the name in the local namespace); 4.2.1 "Binding of names"; 4.2.2 "Resolution of names"
# description: `import os as x` and `from os import path as p` in a function make x and p locals: a lambda made before the import cannot fall back to the global x (NameError), one made after captures the modules.
# expect: before raises NameError
# expect: result == ('os', True)
x = 'global'
def outer():
    probe_call("before", lambda: x)
    import os as x
    from os import path as p
    return lambda: (x.__name__, hasattr(p, 'join'))
probe_call("result", outer())
