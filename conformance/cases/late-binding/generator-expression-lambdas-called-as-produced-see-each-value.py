# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.8 "Generator expressions"; 4.2.2 "Resolution of names"
# description: Lambdas from a generator expression read its variable when called: called one by one as produced they see 0, 1, 2; called after exhausting it they all see 2.
# expect: as_produced == [0, 1, 2]
# expect: after_exhausting == [2, 2, 2]
probe("as_produced", [f() for f in (lambda: i for i in range(3))])
probe("after_exhausting", [f() for f in list(lambda: i for i in range(3))])
