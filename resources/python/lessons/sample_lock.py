# The tutorial's sample_lock: the same writers, each holding one Lock around its whole line:
# lines never interleave.
from _writers import main

if __name__ == '__main__':
    main(__doc__, with_lock=True)
