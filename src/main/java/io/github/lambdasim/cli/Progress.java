package io.github.lambdasim.cli;

import io.github.lambdasim.model.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on standard error, shown only once a run has taken more than two seconds and
 * only on a terminal (redirected output stays clean), redrawn at most a few times a second.
 */
final class Progress implements ProgressListener {
    private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private long lastDraw;
    private boolean shown;

    Progress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void progress(long simulatedMicros, long totalMicros) {
        long nowNanos = System.nanoTime();
        if (!terminal || nowNanos - start < SHOW_AFTER_NANOS || nowNanos - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = nowNanos;
        shown = true;
        double f = totalMicros == 0 ? 1 : Math.min(1, simulatedMicros / (double) totalMicros);
        int filled = (int) Math.round(f * WIDTH);
        double elapsed = (nowNanos - start) / 1e9;
        String eta = f > 0 ? String.format(Locale.ROOT, ", %.0f s left", elapsed * (1 - f) / f) : "";
        err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%%%s   ", label, "#".repeat(filled), " ".repeat(WIDTH - filled), f * 100, eta);
        err.flush();
    }

    void done() {
        if (shown) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 30) + "\r");
            err.flush();
        }
    }
}
