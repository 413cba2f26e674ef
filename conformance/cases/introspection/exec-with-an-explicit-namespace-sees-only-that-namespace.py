# area: introspection
# level: language
# min_version: 3.0
# spec: Library "Built-in Functions": exec (with only globals given, the code runs in that dictionary, to which __builtins__ is added); Language Reference 4.2.6
# description: exec of code reading x with an explicit, empty namespace in a function whose x is a local raises NameError, and its assignment lands in that namespace only.
# expect: read raises NameError
# expect: written == (1, 2)
def read():
    x = 1
    exec("y = x", {})
def written():
    x = 1
    ns = {}
    exec("x = 2", ns)
    return x, ns["x"]
probe_call("read", read)
probe_call("written", written)
