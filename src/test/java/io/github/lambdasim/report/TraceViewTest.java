package io.github.lambdasim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.report.data.ReportData.Trace;
import io.github.lambdasim.report.data.ReportData.TraceAttempt;
import io.github.lambdasim.report.data.ReportData.TraceRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trace waterfall: a row per attempt, throttled attempts in a row of their own, rows in the
 * order of the tree; one linear scale when the tree's work fills the time, and long idle stretches
 * cut out (and labelled) when an event waits minutes next to milliseconds of work.
 */
class TraceViewTest {
    private static final double T0 = 10_000;

    /** api (cold, 300 ms) calls payment (150 ms) and sends email, throttled {@code throttles} times then run. */
    private static Trace trace(int throttles, double backoffMs) {
        List<TraceAttempt> email = new ArrayList<>();
        double t = T0 + 300;
        double wait = 1000;
        for (int i = 0; i < throttles; i++) {
            email.add(new TraceAttempt(t, 0, t, "throttled"));
            t += Math.min(wait, backoffMs);
            wait *= 2;
        }
        email.add(new TraceAttempt(t, 0, t + 400, "ok"));
        return new Trace("api/poisson", "retried", "id", 0, List.of(
                new TraceRequest("api", "sync", -1, T0, T0 + 300, "done", List.of(new TraceAttempt(T0, 100, T0 + 300, "ok"))),
                new TraceRequest("email", "async", 0, T0 + 300, t + 400, "done", email),
                new TraceRequest("payment", "call", 0, T0 + 120, T0 + 270, "done",
                        List.of(new TraceAttempt(T0 + 120, 0, T0 + 270, "ok")))));
    }

    @Test
    void rowsFollowTheTreeAndThrottledAttemptsShareARow() {
        List<TraceView.Row> rows = TraceView.rows(trace(3, 1e9));
        assertEquals(List.of("api (request)", "payment (call)", "email (event), attempts 1–3", "email (event), attempt 4"),
                rows.stream().map(TraceView.Row::label).toList(), "children by arrival, indented under their cause");
        assertEquals(List.of(0, 1, 1, 1), rows.stream().map(TraceView.Row::depth).toList());
        assertEquals(3, rows.get(2).throttles().size());
        TraceView.Row last = rows.get(3);
        assertEquals(rows.get(2).end(), last.waitFrom(), 1e-9, "the wait for the retry starts at the last throttle");
        assertTrue(last.detail().startsWith("+7,300 ms · wait 4,000 ms · run 400 ms"), last.detail());
        assertTrue(rows.get(0).detail().contains("init 100 ms · run 200 ms"), rows.get(0).detail());
    }

    @Test
    void aShortTreeIsOnOneLinearScale() {
        String svg = TraceView.svg(trace(0, 0));
        assertFalse(svg.contains("stroke=\"#777\""), "no cut band");
        assertTrue(svg.contains(">0 ms<") && svg.contains(">200 ms<"), "ticks in ms from the arrival");
    }

    @Test
    void minutesOfWaitingAreCutOutAndLabelled() {
        Trace t = trace(10, 300_000);
        TraceView.Axis axis = axisOf(t);
        assertTrue(axis.cuts() >= 1, "a cut");
        double x = -1;
        for (double ms = t.startMs(); ms <= t.endMs(); ms += 250) {
            double next = axis.x(ms);
            assertTrue(next >= x - 1e-9, "time runs left to right at " + ms);
            x = next;
        }
        assertEquals(TraceView.TRACK_X, axis.x(t.startMs()), 1e-9);
        assertEquals(TraceView.TRACK_X + TraceView.TRACK_W, axis.x(t.endMs()), 1e-6);
        // The work (api's 300 ms) keeps a readable width on the linear part.
        assertTrue(axis.x(T0 + 300) - axis.x(T0) > 40, "api's bar: " + (axis.x(T0 + 300) - axis.x(T0)) + " px");
        String svg = TraceView.svg(t);
        assertTrue(svg.contains("font-weight=\"bold\""), "the band says how long it stands for");
        assertTrue(svg.contains(" min</text>"), "in minutes: " + svg);
        assertTrue(svg.contains("stroke=\"#777\""), "zigzag edges");
    }

    @Test
    void durationsReadInTheirUnit() {
        assertEquals("340 ms", TraceView.duration(340));
        assertEquals("45.2 s", TraceView.duration(45_200));
        assertEquals("29.5 min", TraceView.duration(1_770_000));
        assertEquals("1.5 h", TraceView.duration(5_400_000));
        assertEquals("250 ms", TraceView.tick(250, 50));
        assertEquals("312.4 s", TraceView.tick(312_400, 200));
        assertEquals("0 ms", TraceView.tick(0.0, 200));
    }

    private static TraceView.Axis axisOf(Trace t) {
        return TraceView.axis(t, TraceView.rows(t));
    }
}
