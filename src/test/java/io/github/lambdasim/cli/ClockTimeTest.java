package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.scenario.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario that starts at a clock time ({@code start:}, {@code timeZone:}): metrics.csv gives
 * each period's clock time, summary.json the start and zone, the charts' time axis clock times,
 * and a diurnal peak is a time of day in the zone.
 */
class ClockTimeTest {
    private static final String SCENARIO = """
            name: clocked
            description: Forty minutes from 09:50 in Paris.
            duration: 40m
            seed: 5
            start: 2026-03-02T09:50
            timeZone: Europe/Paris
            functions:
              - name: api
                handler: {duration: {constant: 20ms}}
            traffic:
              - {function: api, poisson: {rate: 2/s}}
            """;

    @TempDir
    Path dir;

    @Test
    void aRunWithAStartShowsClockTimeInItsFilesAndCharts() throws Exception {
        Path scenario = dir.resolve("clocked.yaml");
        Files.writeString(scenario, SCENARIO);
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(metrics.get(0).startsWith("time,periodStartSeconds,periodSeconds,function,"), metrics.get(0));
        // 09:50 in Paris on 2 March 2026 is UTC+1 (summer time starts on 29 March).
        assertTrue(metrics.get(1).startsWith("2026-03-02T09:50:00+01:00,0,60,api,"), metrics.get(1));
        assertTrue(metrics.get(metrics.size() - 1).startsWith("2026-03-02T10:29:00+01:00,2340,60,api,"));
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"start\" : \"2026-03-02T09:50:00+01:00\",\n  \"timeZone\" : \"Europe/Paris\""), summary);
        String svg = Files.readString(out.resolve("charts/invocations-api.svg"));
        assertTrue(svg.contains(">Time on Mon 2 Mar 2026 (Europe/Paris)<"), "the axis says the day and the zone");
        assertTrue(svg.contains(">10:00<") && svg.contains(">10:30<"), "ticks on round clock times");
        Files.delete(out.resolve("charts/invocations-api.svg"));
        assertEquals(0, Cli.run("report", out.toString()).exitCode());
        assertTrue(Files.readString(out.resolve("charts/invocations-api.svg")).contains(">10:30<"), "report draws it again");
    }

    @Test
    void withAStartADiurnalPeakIsATimeOfDayInTheZone() throws Exception {
        Path scenario = dir.resolve("diurnal.yaml");
        Files.writeString(scenario, SCENARIO.replace("duration: 40m", "duration: 24h").replace("start: 2026-03-02T09:50",
                "start: 2026-03-02T06:00").replace("poisson: {rate: 2/s}", "diurnal: {mean: 2/s, amplitude: 1/s, peak: 15h}"));
        ScenarioSpec spec = ScenarioLoader.load(scenario, List.of());
        TrafficSpec.Diurnal d = (TrafficSpec.Diurnal) spec.traffic().get(0).pattern();
        assertEquals(9 * Units.MICROS_PER_HOUR, d.peakMicros(), "15:00 is nine hours after a 06:00 start");
        assertEquals(3.0, d.rateAt(9 * Units.MICROS_PER_HOUR), 1e-12);
        // Without a start, the peak is time since the start, as before.
        Files.writeString(scenario, Files.readString(scenario).replace("start: 2026-03-02T06:00\n", "")
                .replace("timeZone: Europe/Paris\n", ""));
        TrafficSpec.Diurnal plain = (TrafficSpec.Diurnal) ScenarioLoader.load(scenario, List.of()).traffic().get(0).pattern();
        assertEquals(15 * Units.MICROS_PER_HOUR, plain.peakMicros());
    }

    @Test
    void aStartWithAnOffsetKeepsItAsTheZoneAndATimeZoneNeedsAStart() throws Exception {
        Path scenario = dir.resolve("offset.yaml");
        Files.writeString(scenario, SCENARIO.replace("start: 2026-03-02T09:50\ntimeZone: Europe/Paris\n",
                "start: 2026-03-02T09:50:00-05:00\n"));
        ScenarioSpec spec = ScenarioLoader.load(scenario, List.of());
        assertEquals("2026-03-02T14:50:00Z", spec.clock().start().toString());
        assertEquals("2026-03-02T09:50:00-05:00", spec.clock().at(0));
        Files.writeString(scenario, SCENARIO.replace("start: 2026-03-02T09:50\n", ""));
        Cli r = Cli.run("validate", scenario.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("offset.yaml:5: timeZone: a time zone needs a start: add start: such as "
                + "2026-03-01T00:00:00 (read in Europe/Paris)"), r.err());
    }
}
