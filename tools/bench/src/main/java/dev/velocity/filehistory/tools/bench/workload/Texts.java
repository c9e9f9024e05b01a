package dev.velocity.filehistory.tools.bench.workload;

import dev.velocity.filehistory.tools.bench.text.Contents;
import dev.velocity.filehistory.tools.bench.text.Editor;

/** What a client sends, save after save: the same sequence for both designs. */
interface Texts {

    String seed();

    String next();

    static Texts of(Workload workload, int client) {
        if (workload.content() == Workload.Content.EDIT) {
            Editor editor = new Editor(Contents.seed(workload.key(), client), workload.bytes());
            return new Texts() {
                public String seed() {
                    return editor.text();
                }

                public String next() {
                    return editor.next();
                }
            };
        }
        return new Texts() {
            private int save = 0;

            public String seed() {
                return Contents.content(-1, client, workload.bytes());
            }

            public String next() {
                return Contents.content(save++, client, workload.bytes());
            }
        };
    }
}
