package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Environment lifecycle: requests spaced beyond the idle lifetime are all cold; spaced within it
 * they reuse one warm environment; environments are recycled at their maximum lifetime; counts
 * of created, reclaimed and alive environments add up.
 */
class EnvironmentLifecycleTest {
    private static final String SPACED = """
            name: spaced
            duration: 1d
            platform: %s
            functions:
              - name: f
                handler: {duration: 200ms}
            traffic:
              - {function: f, constant: {rate: %s}}
            """;

    @Test
    void everyRequestIsColdWhenSpacedBeyondTheIdleLifetime() {
        // Current rules reclaim idle environments after 5 to 7 minutes; requests come every 8.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(SPACED.formatted("current", "7.5/h")), 0));
        assertEquals(180, f.invocations());
        assertEquals(f.invocations(), f.coldStarts());
        assertEquals(f.environmentsCreated(), f.environmentsReclaimed() + f.environmentsAliveAtEnd());
    }

    @Test
    void requestsWithinTheIdleLifetimeReuseOneEnvironment() {
        // 2019 rules: reclaimed exactly 10 minutes after the last request; requests every 9 minutes
        // stay warm, and only recycling at the maximum lifetime (about 2 h) makes a cold start.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(SPACED.formatted("2019", "160/d")), 0));
        assertEquals(160, f.invocations());
        assertTrue(f.coldStarts() >= 9 && f.coldStarts() <= 16, "cold starts " + f.coldStarts());
        assertEquals(f.coldStarts() - 1, f.environmentsRecycled());
        assertTrue(f.environmentsAliveMean() <= 1.0);
    }

    @Test
    void idleLifetimeOverrideIsHonoured() {
        // With an idle lifetime of 20 minutes and no recycling, requests every 15 minutes are warm.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(SPACED.formatted("current", "4/h"),
                "platform={preset: current, idleLifetime: 20m, maxLifetime: 30d}"), 0));
        assertEquals(1, f.coldStarts());
        assertEquals(96, f.invocations());
    }
}
