package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code trace} entry replays a function's Invocations metric as CloudWatch exports it: the JSON
 * of {@code aws cloudwatch get-metric-data} (as its reference documents it: MetricDataResults with
 * Id, Label, Timestamps newest first, Values) or a console CSV of a time and a value.
 */
class CloudWatchTraceTest {
    @TempDir
    Path dir;

    private long[] counts(String file, String content) throws Exception {
        Files.writeString(dir.resolve(file), content);
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, """
                name: cw
                duration: 15m
                functions:
                  - name: api
                    handler: {duration: {constant: 20ms}}
                traffic:
                  - {function: api, trace: {file: %s}}
                """.formatted(file));
        return ((TrafficSpec.Trace) ScenarioLoader.load(scenario, List.of()).traffic().get(0).pattern()).minuteCounts();
    }

    /** Five-minute datapoints, newest first: each spread over its minutes, the remainder to the first (302 = 61, 61, 60, 60, 60). */
    @Test
    void getMetricDataAtFiveMinutesIsSpreadOverEachMinute() throws Exception {
        assertArrayEquals(new long[] {120, 120, 120, 120, 120, 300, 300, 300, 300, 300, 61, 61, 60, 60, 60}, counts("m.json", """
                {"MetricDataResults": [{"Id": "m1", "Label": "Invocations",
                  "Timestamps": ["2024-03-01T12:10:00+00:00", "2024-03-01T12:05:00+00:00", "2024-03-01T12:00:00+00:00"],
                  "Values": [302.0, 1500.0, 600.0], "StatusCode": "Complete"}], "Messages": []}
                """));
    }

    /** One-minute rows of a console CSV; a minute CloudWatch left out had no invocations. */
    @Test
    void aConsoleCsvAtOneMinuteWithAGap() throws Exception {
        assertArrayEquals(new long[] {5, 0, 7, 2}, counts("m.csv", """
                Timestamp,Invocations
                2024-03-01 12:00:00,5
                2024-03-01 12:02:00,7
                2024-03-01 12:03:00,2
                """));
    }

    @Test
    void anExportThatCannotBeReadSaysWhere() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> counts("bad.csv", """
                Timestamp,Invocations
                2024-03-01 12:00:00,5
                2024-03-01 12:01:30,many
                """));
        assertTrue(e.getMessage().contains("bad.csv:3: 'many' is not a number of invocations"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> counts("off.csv", """
                Timestamp,Invocations
                2024-03-01 12:00:00,5
                2024-03-01 12:00:30,5
                """));
        assertTrue(e.getMessage().contains("off.csv: datapoints 30 s apart; expected a period of whole minutes"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> counts("x.json", "{\"Datapoints\": []}"));
        assertTrue(e.getMessage().contains("x.json: expected the output of aws cloudwatch get-metric-data"), e.getMessage());
        assertEquals(1, e.problems().size());
    }
}
