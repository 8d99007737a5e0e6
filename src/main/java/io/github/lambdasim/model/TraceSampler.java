package io.github.lambdasim.model;

/** Records a few whole trees of requests, X-Ray style (see src/site/architecture.md). */
final class TraceSampler {
    void rootCreated(int req, int entry) {
    }

    void childCreated(int req, int cause) {
    }

    void finished(int req, int outcome) {
    }

    void treeDone(int root, boolean failed, boolean cold, boolean retried) {
    }
}
