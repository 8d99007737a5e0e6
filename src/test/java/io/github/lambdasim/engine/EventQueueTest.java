package io.github.lambdasim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * EventQueue pops events in (time, insertion order) order: it agrees pop for pop with a
 * java.util.PriorityQueue reference under random pushes and pops, keeps ties in insertion order,
 * grows past its initial capacity, and refuses to pop when empty.
 */
class EventQueueTest {
    private record Event(long timeMicros, long sequence, int type, int target, int generation) {
    }

    private static final Comparator<Event> ORDER =
            Comparator.comparingLong(Event::timeMicros).thenComparingLong(Event::sequence);

    @Test
    void randomPushesAndPopsMatchAReferenceQueue() {
        RandomStream random = RandomStream.of(7, "test/event-queue", 0);
        EventQueue queue = new EventQueue(4);
        PriorityQueue<Event> reference = new PriorityQueue<>(ORDER);
        long sequence = 0;
        long now = 0;
        for (int op = 0; op < 200_000; op++) {
            // Slightly more pushes than pops so the queue grows to a few thousand events; times
            // from a narrow window so ties are common, sometimes earlier than the last pop.
            if (reference.isEmpty() || random.nextBoolean(0.51)) {
                long time = now + random.nextInt(64) - (random.nextBoolean(0.05) ? 100 : 0);
                Event e = new Event(time, sequence++, random.nextInt(8), random.nextInt(1000),
                        random.nextInt(3));
                queue.push(e.timeMicros(), e.type(), e.target(), e.generation());
                reference.add(e);
            } else {
                assertEquals(reference.peek().timeMicros(), queue.peekTimeMicros());
                Event expected = reference.poll();
                queue.pop();
                assertPopped(expected, queue);
                now = expected.timeMicros();
            }
            assertEquals(reference.size(), queue.size());
        }
        assertTrue(queue.size() > 1000, "the run should have exercised a deep heap");
        while (!reference.isEmpty()) {
            queue.pop();
            assertPopped(reference.poll(), queue);
        }
        assertTrue(queue.isEmpty());
        assertEquals(Long.MAX_VALUE, queue.peekTimeMicros());
    }

    @Test
    void tiesPopInInsertionOrder() {
        EventQueue queue = new EventQueue(8);
        // Interleave two times so ties are pushed non-contiguously.
        for (int i = 0; i < 1000; i++) {
            queue.push(i % 2 == 0 ? 500 : 100, 0, i, 0);
        }
        List<Integer> targets = new ArrayList<>();
        while (!queue.isEmpty()) {
            queue.pop();
            targets.add(queue.target());
        }
        for (int k = 0; k < 500; k++) {
            assertEquals(2 * k + 1, targets.get(k), "time 100, insertion order");
            assertEquals(2 * k, targets.get(500 + k), "time 500, insertion order");
        }
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        for (int initialCapacity : new int[] {0, 1, 3}) {
            EventQueue queue = new EventQueue(initialCapacity);
            for (int i = 0; i < 10_000; i++) {
                queue.push(10_000 - i, i % 5, i, -i);
            }
            assertEquals(10_000, queue.size());
            for (int i = 9_999; i >= 0; i--) {
                queue.pop();
                assertEquals(10_000 - i, queue.timeMicros());
                assertEquals(i % 5, queue.type());
                assertEquals(i, queue.target());
                assertEquals(-i, queue.generation());
            }
            assertTrue(queue.isEmpty());
        }
    }

    @Test
    void popOnEmptyThrows() {
        EventQueue queue = new EventQueue(2);
        assertThrows(IllegalStateException.class, queue::pop);
        queue.push(5, 1, 2, 3);
        queue.pop();
        assertThrows(IllegalStateException.class, queue::pop);
        assertEquals(5, queue.timeMicros(), "a failed pop leaves the last popped event readable");
        assertEquals(Long.MAX_VALUE, queue.peekTimeMicros());
    }

    @Test
    void negativeInitialCapacityIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new EventQueue(-1));
    }

    @Test
    void clearEmptiesTheQueueAndRestartsTieBreaking() {
        EventQueue queue = new EventQueue(4);
        for (int i = 0; i < 10; i++) {
            queue.push(i, 0, i, 0);
        }
        queue.pop();
        queue.clear();
        assertTrue(queue.isEmpty());
        assertEquals(0, queue.size());
        assertEquals(Long.MAX_VALUE, queue.peekTimeMicros());
        queue.push(1, 0, 1, 0);
        queue.push(1, 0, 2, 0);
        queue.pop();
        assertEquals(1, queue.target());
        queue.pop();
        assertEquals(2, queue.target());
    }

    @Test
    void generationsLetCallersDropCancelledEvents() {
        // The pattern the class comment describes: bump the entity's counter to cancel.
        int[] generations = new int[2];
        EventQueue queue = new EventQueue(4);
        queue.push(10, 0, 0, generations[0]);
        queue.push(20, 0, 1, generations[1]);
        generations[0]++; // cancel entity 0's pending event
        queue.push(30, 0, 0, generations[0]);
        List<Long> live = new ArrayList<>();
        while (!queue.isEmpty()) {
            queue.pop();
            if (queue.generation() == generations[queue.target()]) {
                live.add(queue.timeMicros());
            }
        }
        assertEquals(List.of(20L, 30L), live);
        assertFalse(live.contains(10L));
    }

    private static void assertPopped(Event expected, EventQueue queue) {
        assertEquals(expected.timeMicros(), queue.timeMicros());
        assertEquals(expected.type(), queue.type());
        assertEquals(expected.target(), queue.target());
        assertEquals(expected.generation(), queue.generation());
    }
}
