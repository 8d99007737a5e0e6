package io.github.lambdasim.scenario;

/**
 * A function's SnapStart ({@code snapStart: true}, or {@code snapStart: {restore: 250ms,
 * afterRestore: 50ms}}): its cold starts restore a snapshot instead of running init.
 *
 * @param restoreMicros      restore duration, or null for the platform preset's of the runtime
 * @param afterRestoreMicros after-restore hooks, or null for none
 */
public record SnapStartSpec(DistributionSpec restoreMicros, DistributionSpec afterRestoreMicros) {
}
