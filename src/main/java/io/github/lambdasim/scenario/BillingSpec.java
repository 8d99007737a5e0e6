package io.github.lambdasim.scenario;

/** How the run is billed: whether the free tier applies and how long a billing month is. */
public record BillingSpec(boolean freeTier, long monthMicros) {
}
