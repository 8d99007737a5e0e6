package io.github.lambdasim.cli;

import io.github.lambdasim.model.RunEstimate;
import io.github.lambdasim.model.Simulation;
import io.github.lambdasim.model.WarmStart;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.scenario.EventSourceSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.ProvisionedSpec;
import io.github.lambdasim.scenario.QueueSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.StepSpec;
import io.github.lambdasim.scenario.StreamSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.scenario.Units;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lambdasim validate}: checks a scenario and says what it describes, without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and show what it describes, without simulating. Exit code 2 if it is invalid.")
final class ValidateCommand implements Callable<Integer> {
    /** Up to this many functions, each is listed with its traffic; beyond, the busiest this many. */
    static final int LISTED = 12;

    @Mixin
    ScenarioOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioSpec s = options.load();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s is valid: %s%n", options.scenario, s.name());
        if (!s.description().isBlank()) {
            out.println("  " + s.description().strip().replace("\n", "\n  "));
        }
        out.printf(Locale.ROOT, "  %s simulated, seed %d, platform %s, region %s, account concurrency %d%n",
                Units.formatDuration(s.durationMicros()), s.seed(), s.platform().preset(), s.region(),
                s.account().concurrencyLimit());
        if (s.warmupMicros() > 0) {
            out.printf(Locale.ROOT, "  measured after a %s warm-up (simulated first, at the traffic's rates at time 0)%n",
                    io.github.lambdasim.report.data.Format.duration(s.warmupMicros() / 1e6));
        }
        for (QueueSpec q : s.queues()) {
            out.printf(Locale.ROOT, "  queue %s: visibility timeout %s, retention %s, %s%n", q.name(),
                    Units.formatDuration(q.visibilityTimeoutMicros()), Units.formatDuration(q.retentionMicros()),
                    q.hasDeadLetterQueue() ? "dead-letter queue after " + q.maxReceiveCount() + " receive"
                            + (q.maxReceiveCount() == 1 ? "" : "s") : "no dead-letter queue");
        }
        for (StreamSpec st : s.streams()) {
            out.printf(Locale.ROOT, "  stream %s: %s, %d shard%s, retention %s%n", st.name(), st.type().label(), st.shards(),
                    st.shards() == 1 ? "" : "s", Units.formatDuration(st.retentionMicros()));
        }
        if (s.functions().size() <= LISTED) {
            int[] warm = s.warmStart() ? WarmStart.environments(s) : null;
            for (int i = 0; i < s.functions().size(); i++) {
                FunctionSpec f = s.functions().get(i);
                out.println("  function " + describe(f) + eventSource(s, f.eventSource())
                        + (s.eventDriven() ? events(f, s.asyncTargets().contains(f.name())) : ""));
                out.println(quotas(s, f));
                if (warm != null) {
                    out.printf(Locale.ROOT, "    warm start: %,d environment%s initialised before the run%n", warm[i],
                            warm[i] == 1 ? "" : "s");
                }
            }
            for (TrafficSpec t : s.traffic()) {
                out.printf(Locale.ROOT, "  traffic -> %s%s: %s%s%n", t.invokes() ? t.function()
                                : (t.into().queue() != null ? "queue " : "stream ") + t.target(),
                        t.invocation() == TrafficSpec.Invocation.ASYNC ? " (async events)" : "", t.pattern().describe(),
                        into(t.into()));
            }
        } else {
            busiest(s, out);
        }
        for (String note : s.notes()) {
            out.println("  note: " + note);
        }
        RunEstimate e = RunEstimate.of(s, Simulation.defaultPeriodMicros(s.durationMicros()));
        if (!s.queues().isEmpty() || !s.streams().isEmpty()) {
            // Messages and records reach their consumers in batches: the invocations are a bound, at one a message.
            out.printf(Locale.ROOT, "  about %,.0f requests, messages and records expected from traffic, at most %,.0f "
                    + "invocations with the batches, calls and events they cause%n", s.expectedRequests(), e.requests());
        } else if (s.eventDriven()) {
            out.printf(Locale.ROOT, "  about %,.0f requests expected from traffic, %,.0f with the calls and events they cause%n",
                    s.expectedRequests(), e.requests());
        } else {
            out.printf(Locale.ROOT, "  about %,.0f requests expected%n", s.expectedRequests());
        }
        out.printf(Locale.ROOT, "  a run takes roughly %s and at most %s of memory%n", RunCommand.duration(e.seconds()),
                RunCommand.bytes(e.memoryBytes()));
        String refusal = RunCommand.refusal(s, e, RunEstimate.DEFAULT_MAX_WORK);
        if (refusal != null) {
            out.println("  note: run would refuse it as it stands: " + refusal.replace("\n", "\n  "));
        }
        out.flush();
        return 0;
    }

    /** The totals and the busiest functions of a scenario with too many functions to list. */
    private static void busiest(ScenarioSpec s, PrintWriter out) {
        Map<String, double[]> requests = new HashMap<>();
        for (TrafficSpec t : s.traffic()) {
            if (t.invokes()) {
                requests.computeIfAbsent(t.function(), k -> new double[1])[0] += t.pattern().expectedCount(s.durationMicros());
            }
        }
        List<FunctionSpec> top = s.functions().stream()
                .sorted(Comparator.comparingDouble((FunctionSpec f) -> -requests.getOrDefault(f.name(), new double[1])[0])
                        .thenComparing(FunctionSpec::name))
                .limit(LISTED).toList();
        out.printf(Locale.ROOT, "  %,d functions, %,d traffic sources; the %d busiest:%n", s.functions().size(),
                s.traffic().size(), top.size());
        for (FunctionSpec f : top) {
            out.printf(Locale.ROOT, "  function %s%s; about %,.0f requests expected%n", describe(f), eventSource(s, f.eventSource()),
                    requests.getOrDefault(f.name(), new double[1])[0]);
            out.println(quotas(s, f));
        }
        out.printf(Locale.ROOT, "  ... and %,d more functions%n", s.functions().size() - top.size());
    }

    /**
     * The platform's limits that bind function {@code f}, in one line: its concurrency (reserved, or
     * the account's unreserved pool), the requests-per-second quota and the scaling rule of the era.
     */
    static String quotas(ScenarioSpec s, FunctionSpec f) {
        PlatformSpec p = s.platform();
        int account = s.account().concurrencyLimit();
        String concurrency;
        if (f.hasReservedConcurrency()) {
            concurrency = String.format(Locale.ROOT, "concurrency %,d (reserved)", f.reservedConcurrency());
        } else {
            long reserved = s.functions().stream().filter(FunctionSpec::hasReservedConcurrency)
                    .mapToLong(FunctionSpec::reservedConcurrency).sum();
            concurrency = reserved == 0
                    ? String.format(Locale.ROOT, "concurrency %,d (the account's, shared)", account)
                    : String.format(Locale.ROOT, "concurrency %,d (the account's %,d less %,d reserved, shared)",
                    Math.max(0, account - reserved), account, reserved);
        }
        int perConcurrency = p.requestsPerSecondPerConcurrency();
        String rps = perConcurrency == 0 ? "no requests-per-second quota"
                : String.format(Locale.ROOT, "%,d synchronous requests/s on demand (%d x %,d, the account's)",
                (long) perConcurrency * account, perConcurrency, account);
        int provisioned = f.provisioned().maxLevel();
        if (perConcurrency > 0 && provisioned > 0) {
            rps += String.format(Locale.ROOT, ", %d x provisioned concurrency on provisioned environments (up to %,d/s)",
                    perConcurrency, (long) perConcurrency * provisioned);
        }
        PlatformSpec.ScalingSpec sc = p.scaling();
        String who = sc.scope() == PlatformSpec.Scope.ACCOUNT ? "shared by the account" : "per function";
        String scaling = sc.refillStepMicros() > 0
                ? String.format(Locale.ROOT, "%,d new environments at once (%s), then +%s %s", sc.burst(), who,
                        Format.number(sc.refillPerSecond() * sc.refillStepMicros() / 1e6, 0),
                        sc.refillStepMicros() == 60 * Units.MICROS_PER_SECOND ? "at the end of each minute"
                                : "at the end of each " + Units.formatDuration(sc.refillStepMicros()))
                : String.format(Locale.ROOT, "%,d new environments at once (%s), refilled at %s/s", sc.burst(), who,
                        Format.number(sc.refillPerSecond(), sc.refillPerSecond() == Math.rint(sc.refillPerSecond()) ? 0 : 2));
        return "    limits: " + concurrency + "; " + rps + "; scaling " + scaling;
    }

    private static String describe(FunctionSpec f) {
        return String.format(Locale.ROOT, "%s: %s, %d MB, %s, timeout %s%s%s", f.name(), f.runtime(), f.memoryMb(),
                f.architecture().label(), Units.formatDuration(f.timeoutMicros()),
                f.hasReservedConcurrency() ? ", reserved concurrency " + f.reservedConcurrency() : "",
                describe(f.provisioned()));
    }

    /**
     * What a function's event source reads and how: the batch size, the batching window, and the
     * most concurrent batches (a queue's cap, or a stream's shards x parallelization factor).
     */
    private static String eventSource(ScenarioSpec s, EventSourceSpec e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; reads ").append(e.isQueue() ? "queue " : "stream ").append(e.source())
                .append(String.format(Locale.ROOT, ": batches of up to %,d, window %s", e.batchSize(),
                        Units.formatDuration(e.maximumBatchingWindowMicros())));
        if (e.isQueue()) {
            sb.append(e.maximumConcurrency() > 0 ? ", at most " + e.maximumConcurrency() + " concurrent batches"
                    : ", no concurrency cap");
            if (e.reportBatchItemFailures()) {
                sb.append(", reports batch item failures");
            }
            return sb.toString();
        }
        int shards = s.streams().stream().filter(st -> st.name().equals(e.stream())).mapToInt(StreamSpec::shards)
                .findFirst().orElse(0);
        sb.append(String.format(Locale.ROOT, ", %d shard%s x %d = %,d concurrent batches", shards, shards == 1 ? "" : "s",
                e.parallelizationFactor(), (long) shards * e.parallelizationFactor()));
        if (e.bisectBatchOnFunctionError()) {
            sb.append(", bisects failing batches");
        }
        sb.append(e.maximumRetryAttempts() < 0 ? ", retries until its records expire"
                : ", " + e.maximumRetryAttempts() + " retr" + (e.maximumRetryAttempts() == 1 ? "y" : "ies"));
        if (e.maximumRecordAgeMicros() >= 0) {
            sb.append(", records kept at most ").append(Units.formatDuration(e.maximumRecordAgeMicros()));
        }
        return sb.toString();
    }

    /** A queue or stream source's partition key and share of poison records, when set. */
    private static String into(TrafficSpec.Into into) {
        if (into == null) {
            return "";
        }
        return (into.partitionKey() != null ? ", partition key " + into.partitionKey() : "")
                + (into.poisonFraction() > 0 ? ", poison records " + Format.number(into.poisonFraction() * 100, 6) + "%" : "");
    }

    /** What a function of an event-driven scenario calls, and how its asynchronous events are handled. */
    private static String events(FunctionSpec f, boolean receivesEvents) {
        StringBuilder sb = new StringBuilder();
        for (StepSpec step : f.handler().steps()) {
            if (step instanceof StepSpec.Send send) {
                sb.append(sb.length() == 0 ? "; sends " : ", ").append(send.count()).append(send.queue() != null
                        ? " message" + (send.count() == 1 ? "" : "s") + " to queue " + send.queue()
                        : " record" + (send.count() == 1 ? "" : "s") + " to stream " + send.stream());
            }
            if (step instanceof StepSpec.Invoke call) {
                sb.append(sb.length() == 0 ? "; calls " : ", ").append(String.join(" + ", call.functions()))
                        .append(" (").append(call.mode().label())
                        .append(call.calls() > 1 ? ", " + call.calls() + (call.parallel() ? " at once" : " in turn") : "")
                        .append(')');
            }
        }
        var a = f.async();
        if (!receivesEvents) {
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, "; events: %d retr%s, maximum age %s", a.maximumRetryAttempts(),
                a.maximumRetryAttempts() == 1 ? "y" : "ies", Units.formatDuration(a.maximumEventAgeMicros())));
        if (a.onSuccess() != null) {
            sb.append(", onSuccess ").append(a.onSuccess().function() != null ? a.onSuccess().function() : a.onSuccess().external());
        }
        if (a.onFailure() != null) {
            sb.append(", onFailure ").append(a.onFailure().function() != null ? a.onFailure().function() : a.onFailure().external());
        }
        return sb.toString();
    }

    private static String describe(ProvisionedSpec p) {
        if (p instanceof ProvisionedSpec.Fixed f) {
            return f.level() == 0 ? "" : ", provisioned concurrency " + f.level();
        }
        if (p instanceof ProvisionedSpec.Schedule s) {
            StringBuilder sb = new StringBuilder(", provisioned concurrency " + s.initialLevel());
            for (ProvisionedSpec.Change c : s.changes()) {
                sb.append(", ").append(c.level()).append(" at ").append(Units.formatDuration(c.atMicros()));
            }
            return sb.append(s.repeatMicros() > 0 ? ", every " + Units.formatDuration(s.repeatMicros()) : "").toString();
        }
        ProvisionedSpec.AutoScaling a = (ProvisionedSpec.AutoScaling) p;
        return ", provisioned concurrency auto-scaled " + a.min() + ".." + a.max() + " at utilization " + a.targetUtilization();
    }
}
