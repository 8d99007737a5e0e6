package io.github.lambdasim.model;

import io.github.lambdasim.stats.DistributionSummary;

/**
 * What an event-driven run measured of one entry point (a traffic source) and the trees of
 * requests its arrivals caused.
 *
 * @param name           the traffic source's name
 * @param function       the function it invokes
 * @param invocation     {@code sync} or {@code async}
 * @param requests       arrivals (roots of trees)
 * @param succeeded      trees done with every request in them done
 * @param failed         trees done with some request failed or dropped
 * @param unfinished     trees not done when the run ended
 * @param retries        retries in its trees (after throttles and errors, SDK retries included)
 * @param dropped        events dropped in its trees
 * @param coldTrees      done trees with at least one cold start
 * @param responseMs     of roots that ended well: from arrival to the root request's own end (what
 *                       the traffic's caller waits for: a synchronous answer, or an event processed)
 * @param endToEndMs     of trees that succeeded: from arrival to the last request of the tree done
 * @param costUsd        its share of the run's bill: each function's charges shared among entry
 *                       points by the billed milliseconds (duration, provisioned and storage charges)
 *                       and invocations (request charges) their trees used there
 * @param monthlyCostUsd the same share of the monthly bill
 */
public record EntryPointResult(String name, String function, String invocation, long requests, long succeeded,
                               long failed, long unfinished, long retries, long dropped, long coldTrees,
                               DistributionSummary responseMs, DistributionSummary endToEndMs, double costUsd,
                               double monthlyCostUsd) {

    /** The cost of a million requests at this entry point, at the run's cost per request. */
    public double costPerMillionUsd() {
        return requests == 0 ? 0 : costUsd / requests * 1e6;
    }
}
