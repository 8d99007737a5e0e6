package io.github.lambdasim.scenario;

import io.github.lambdasim.billing.FrontDoor;
import java.util.Objects;

/**
 * The service in front of a function that receives synchronous traffic.
 *
 * @param type          API Gateway (HTTP or REST API), a function URL or an ALB
 * @param timeoutMicros its integration timeout: the caller gets 504 after this long while the
 *                      function runs on; {@link #NO_TIMEOUT} when it has none of its own
 */
public record FrontDoorSpec(FrontDoor type, long timeoutMicros) {
    public static final long NO_TIMEOUT = Long.MAX_VALUE;

    public FrontDoorSpec {
        Objects.requireNonNull(type, "type");
    }

    public boolean hasTimeout() {
        return timeoutMicros != NO_TIMEOUT;
    }
}
