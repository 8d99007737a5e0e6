package io.github.lambdasim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark account of README "Speed" is a valid scenario of N functions of the rate asked for. */
class AccountScenarioTest {
    @Test
    void writesNFunctionsWithTheirTraffic() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccountScenario.write(50, "2/s", new PrintStream(bytes, false, StandardCharsets.UTF_8));
        ScenarioSpec s = ScenarioLoader.parse(bytes.toString(StandardCharsets.UTF_8), "bench-50.yaml", List.of());
        assertEquals("bench-50", s.name());
        assertEquals(50, s.functions().size());
        assertEquals(50, s.traffic().size());
        assertEquals(512, s.functions().get(49).memoryMb());
        assertEquals(50 * 2 * 3600, s.expectedRequests(), 1e-6);
    }
}
