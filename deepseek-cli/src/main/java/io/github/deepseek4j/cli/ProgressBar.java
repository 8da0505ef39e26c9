package io.github.deepseek4j.cli;

import io.github.deepseek4j.Generation;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place; silent when no terminal is attached. */
final class ProgressBar {

    private static final int WIDTH = 30;
    /** Often enough to look live, rarely enough to cost nothing beside a prefill batch. */
    private static final long PREFILL_POLL_MILLIS = 50;

    private final PrintWriter out;
    private final String label;
    private final boolean enabled = System.console() != null;

    ProgressBar(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    void update(long done, long total, String item) {
        if (!enabled || total <= 0) {
            return;
        }
        int filled = (int) (WIDTH * done / total);
        out.printf("\r%s [%s%s] %d/%d %-40.40s", label, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, item);
        out.flush();
    }

    /** Shows how far {@code generation} has computed its prompt, until it has (only on a terminal). */
    void followPrefill(Generation<?, ?> generation) throws InterruptedException {
        if (!enabled) {
            return;
        }
        for (Generation.Progress p = generation.progress(); !p.prefillDone() && !generation.isDone();
             p = generation.progress()) {
            if (p.prefilled() > 0) {
                update(p.prefilled(), p.promptTokens(), "prefill");
            }
            Thread.sleep(PREFILL_POLL_MILLIS);
        }
        done();
    }

    void done() {
        if (enabled) {
            out.print("\r" + " ".repeat(WIDTH + label.length() + 60) + "\r");
            out.flush();
        }
    }
}
