# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement" (the name need not exist in the module beforehand)
# description: A nested function that declares a name global and assigns it creates the module variable, which did not exist before.
# expect: before == False
# expect: after == 'created'
def outer():
    def inner():
        global fresh
        fresh = 'created'
    inner()
probe("before", 'fresh' in globals())
outer()
probe("after", fresh)
