package bench;

/** What a client sends, save after save: the same sequence for both designs. */
interface Texts {
    String seed();

    String next();

    static Texts of(Workload w, int client) {
        if (w.content() == Content.EDIT) {
            Editor e = new Editor(Contents.seed(w.key(), client), w.bytes());
            return new Texts() {
                public String seed() { return e.text(); }
                public String next() { return e.next(); }
            };
        }
        return new Texts() {
            int save = 0;
            public String seed() { return Contents.content(-1, client, w.bytes()); }
            public String next() { return Contents.content(save++, client, w.bytes()); }
        };
    }
}
