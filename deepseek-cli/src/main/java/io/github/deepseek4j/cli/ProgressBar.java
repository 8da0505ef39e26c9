package io.github.deepseek4j.cli;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place; silent when no terminal is attached. */
final class ProgressBar {

    private static final int WIDTH = 30;

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

    void done() {
        if (enabled) {
            out.print("\r" + " ".repeat(WIDTH + label.length() + 60) + "\r");
            out.flush();
        }
    }
}
