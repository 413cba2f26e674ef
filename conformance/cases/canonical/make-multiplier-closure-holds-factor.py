# area: canonical
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, __code__.co_freevars); Data model: cell objects
# description: Tutorial (seed 001) make_multiplier: co_freevars is ('factor',), __closure__[0].cell_contents is 2, and triple has its own cell. (The seed says the cells hold "the actual values"; a cell holds a variable, which can later be rebound.)
# expect: double.freevars == ('factor',)
# expect: double.closure == 1
# expect: double.cells.factor == 2
# expect: double.cell_ids.factor == 0
# expect: triple.cells.factor == 3
# expect: triple.cell_ids.factor == 1
# expect: contents == 2
def make_multiplier(factor):
    def multiply(n):
        return n * factor
    return multiply
double = make_multiplier(2)
triple = make_multiplier(3)
probe_closure("double", double)
probe_closure("triple", triple)
probe("contents", double.__closure__[0].cell_contents)
