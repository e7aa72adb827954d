# The tutorial's sample_mix: N processes print a line each, in pieces, with no lock: their
# lines can interleave.
from _writers import main

if __name__ == '__main__':
    main(__doc__, with_lock=False)
