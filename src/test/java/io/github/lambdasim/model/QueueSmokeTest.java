package io.github.lambdasim.model;

import io.github.lambdasim.scenario.EventSourceSpec;
import io.github.lambdasim.scenario.QueueSpec;
import io.github.lambdasim.scenario.StreamSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueSmokeTest {
    static final String YAML = """
            name: q
            duration: 10m
            seed: 1
            account: {concurrencyLimit: 3000}
            functions:
              - name: worker
                timeout: 20s
                handler: {duration: {constant: 200ms}}
              - name: enricher
                timeout: 20s
                handler: {duration: {constant: 50ms}}
            traffic: [{function: worker, poisson: {rate: 0.001/s}}]
            """;

    @Test
    void smoke() {
        var spec = EventSourcesFixture.with(YAML, List.of(new QueueSpec("orders", 30_000_000, 3, 4L * 86_400_000_000L)),
                List.of(new StreamSpec("clicks", StreamSpec.Type.KINESIS, 4, 86_400_000_000L)),
                Map.of("worker", EventSourceSpec.queue("orders", 10, 0, 0, false),
                        "enricher", EventSourceSpec.stream("clicks", 100, 0, 1, false, -1, -1)),
                List.of(TrafficSpec.into(new TrafficSpec.Into("orders", null, null, 0), 1, "orders/spike",
                                new TrafficSpec.Spike(60_000_000, 120_000_000, 3000)),
                        TrafficSpec.into(new TrafficSpec.Into(null, "clicks", null, 0.0001), 2, "clicks/poisson",
                                new TrafficSpec.Poisson(500, 0, Long.MAX_VALUE))));
        RunResult r = new Simulation(spec, 0, null, null).run();
        System.out.println("Q " + r.queues());
        System.out.println("S " + r.streams());
        System.out.println("I " + Invariants.check(r));
        for (FunctionResult f : r.functions()) {
            System.out.println(f.name() + " inv=" + f.invocations() + " conc=" + f.concurrencyMax() + " thr=" + f.throttles());
        }
        System.out.println(Invariants.check(r));
    }
}
