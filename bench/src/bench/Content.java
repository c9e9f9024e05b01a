package bench;

/** RANDOM: every save rewrites the whole file with fresh text. EDIT: every save is the client's previous text with 3 lines changed. */
enum Content { RANDOM, EDIT }
