package io.github.lambdasim.scenario;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a scenario so that they are all reported at once. */
final class Problems {
    /** More than this many problems is noise: the rest are summarised in one line. */
    static final int MAX_REPORTED = 100;

    private final String source;
    private final List<Problem> list = new ArrayList<>();
    private int dropped;
    /** Paths whose problems are not reported (they were, once, elsewhere). */
    private List<String> muted = List.of();

    Problems(String source) {
        this.source = source;
    }

    void add(String path, YamlNode at, String message) {
        add(path, at == null ? 0 : at.line(), message);
    }

    void add(String path, int line, String message) {
        if (isMuted(path)) {
            return;
        }
        if (list.size() >= MAX_REPORTED) {
            dropped++;
            return;
        }
        for (Problem p : list) {
            if (p.path().equals(path) && p.message().equals(message)) {
                return;
            }
        }
        list.add(new Problem(source, path, line, message));
    }

    /**
     * Stops reporting problems at {@code paths} and below them ({@code functions[2].handler}
     * mutes {@code functions[2].handler.duration}) until {@link #unmute()}: a function's keys
     * taken from functionDefaults were checked there, once.
     */
    void mute(List<String> paths) {
        muted = List.copyOf(paths);
    }

    void unmute() {
        muted = List.of();
    }

    private boolean isMuted(String path) {
        for (String m : muted) {
            if (path.startsWith(m) && (path.length() == m.length() || path.charAt(m.length()) == '.'
                    || path.charAt(m.length()) == '[')) {
                return true;
            }
        }
        return false;
    }

    /** Whether further problems would only be counted: costly hints need not be computed. */
    boolean isFull() {
        return list.size() >= MAX_REPORTED;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int count() {
        return list.size();
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            List<Problem> all = new ArrayList<>(list);
            // In the order of the file (stable: problems of one line keep the order they were found).
            all.sort(java.util.Comparator.comparingInt(Problem::line));
            if (dropped > 0) {
                all.add(new Problem(source, "", 0, "... and " + dropped + " more problems"));
            }
            throw new ScenarioException(all);
        }
    }
}
