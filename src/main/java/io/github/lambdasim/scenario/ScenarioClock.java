package io.github.lambdasim.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The wall-clock time a scenario starts at ({@code start: 2026-03-01T00:00:00Z}) and the time zone
 * its clock times are read in ({@code timeZone: Europe/Paris}): the charts and metrics.csv then
 * show clock time, as CloudWatch does, and a diurnal pattern's peak is a time of day in that zone.
 * The simulation itself runs on time since the start.
 */
public record ScenarioClock(Instant start, ZoneId zone) {
    /** The start in the zone: {@code 2026-03-01T00:00:00+01:00}. */
    public ZonedDateTime zonedStart() {
        return start.atZone(zone);
    }

    /** Local midnight of the day the run starts, in the zone. */
    public ZonedDateTime startOfDay() {
        return zonedStart().toLocalDate().atStartOfDay(zone);
    }

    /** Microseconds from the start day's local midnight to the start. */
    public long sinceMidnightMicros() {
        return java.time.Duration.between(startOfDay().toInstant(), start).toNanos() / 1000;
    }

    /** The clock time {@code micros} after the start, ISO 8601 with its offset: {@code 2026-03-01T12:00:00+01:00}. */
    public String at(long micros) {
        return start.plusNanos(micros * 1000).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
