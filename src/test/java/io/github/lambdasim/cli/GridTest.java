package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweep values: lists, and ranges that keep their upper bound. */
class GridTest {
    private static List<String> values(String text) {
        return Grid.parse(List.of("functions.api.memorySize=" + text)).get("functions.api.memorySize");
    }

    @Test
    void aRangeEndsAtItsUpperBoundEvenOffTheStep() {
        assertEquals(List.of("256", "512", "768"), values("256..768:256"));
        assertEquals(List.of("512", "768", "1024", "1280", "1536", "1792", "2048", "2304", "2560", "2816", "3008"),
                values("512..3008:256"), "3,008 is simulated, not dropped");
        assertEquals(List.of("128"), values("128..128:64"));
    }

    @Test
    void listsSplitOnTopLevelCommasOnly() {
        assertEquals(List.of("512", "{constant: 1ms}", "[1, 2]"), values("512,{constant: 1ms},[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> values("512,,1024"));
        assertThrows(IllegalArgumentException.class, () -> values("1024..512:256"));
    }
}
