package io.github.lambdasim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Three lanes, one order: {@link FutureEvents} pops exactly the sequence a single
 * {@link EventQueue} would (by time, ties in insertion order across the lanes), whatever mix of
 * event types is pushed while popping.
 */
class FutureEventsTest {
    @Test
    void popsInTheOrderOfOneQueueWithTiesAcrossTheHeaps() {
        RandomStream r = RandomStream.of(5, "future-events-test", 0);
        EventQueue one = new EventQueue(4);
        FutureEvents two = new FutureEvents(4, new int[] {2, 5}, new int[] {0});
        long now = 0;
        int target = 0;
        for (int step = 0; step < 200_000; step++) {
            if (one.isEmpty() || r.nextDouble() < 0.52) {
                // Coarse times so that many events tie.
                long time = now + (long) (r.nextDouble() * 8);
                int type = (int) (r.nextDouble() * 7);
                one.push(time, type, target, step);
                two.push(time, type, target, step);
                target++;
            } else {
                assertEquals(one.peekTimeMicros(), two.peekTimeMicros());
                one.pop();
                two.pop();
                assertEquals(one.timeMicros(), two.timeMicros(), "step " + step);
                assertEquals(one.type(), two.type(), "step " + step);
                assertEquals(one.target(), two.target(), "step " + step);
                assertEquals(one.generation(), two.generation(), "step " + step);
                now = one.timeMicros();
            }
            assertEquals(one.size(), two.size());
        }
        assertTrue(target > 90_000);
        while (!one.isEmpty()) {
            one.pop();
            two.pop();
            assertEquals(one.target(), two.target());
        }
        assertTrue(two.isEmpty());
        assertEquals(Long.MAX_VALUE, two.peekTimeMicros());
        assertThrows(IllegalStateException.class, two::pop);
    }
}
