# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (each comprehension runs in its own nested scope, a new one each time it is evaluated); 4.2.2 "Resolution of names"
# description: A comprehension in another's element reads the outer iteration variable; lambdas made in it read the outer variable's last value and their own run's last inner value.
# expect: table == [[0, 1, 2], [0, 2, 4]]
# expect: late == [[(1, 1), (1, 1)], [(1, 1), (1, 1)]]
def outer():
    table = [[i * j for j in range(3)] for i in range(1, 3)]
    fs = [[lambda: (i, j) for j in range(2)] for i in range(2)]
    return table, [[f() for f in row] for row in fs]
table, late = outer()
probe("table", table)
probe("late", late)
