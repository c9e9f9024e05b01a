package bench;

/** How a save attempt ended. */
enum Kind { ACKNOWLEDGED, UNCHANGED, FAILED }
