import gc

from geo.cli import main

status = main()
# the interpreter's collections at exit would traverse every object of the loaded libraries
# only to find them alive: they skip what is frozen
gc.freeze()
raise SystemExit(status)
