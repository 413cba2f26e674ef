# area: introspection
# level: cpython-detail
# min_version: 3.0
# spec: Built-in functions: locals(); PEP 667 "Consistent views of namespaces" (3.13: independent snapshots)
# description: A new key written into locals() in a function is still in the next locals() before 3.13 (one shared dict), gone from 3.13 (fresh snapshot).
# expect[<3.13]: result == True
# expect[>=3.13]: result == False
def f():
    locals()['z'] = 3
    return 'z' in locals()
probe_call("result", f)
