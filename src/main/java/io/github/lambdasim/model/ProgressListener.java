package io.github.lambdasim.model;

/** Told now and then how far a run has got, so a command line can draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (simulatedMicros, totalMicros) -> { };

    void progress(long simulatedMicros, long totalMicros);
}
