package io.github.lambdasim.cli;

import io.github.lambdasim.model.RunEstimate;
import io.github.lambdasim.model.Simulation;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ProvisionedSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.scenario.Units;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lambdasim validate}: checks a scenario and says what it describes, without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and show what it describes, without simulating. Exit code 2 if it is invalid.")
final class ValidateCommand implements Callable<Integer> {
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
        for (FunctionSpec f : s.functions()) {
            out.printf(Locale.ROOT, "  function %s: %s, %d MB, %s, timeout %s%s%s%n", f.name(), f.runtime(), f.memoryMb(),
                    f.architecture().label(), Units.formatDuration(f.timeoutMicros()),
                    f.hasReservedConcurrency() ? ", reserved concurrency " + f.reservedConcurrency() : "",
                    describe(f.provisioned()));
        }
        for (TrafficSpec t : s.traffic()) {
            out.printf(Locale.ROOT, "  traffic -> %s: %s%n", t.function(), t.pattern().describe());
        }
        for (String note : s.notes()) {
            out.println("  note: " + note);
        }
        out.printf(Locale.ROOT, "  about %,.0f requests expected%n", s.expectedRequests());
        RunEstimate e = RunEstimate.of(s, Simulation.defaultPeriodMicros(s.durationMicros()));
        out.printf(Locale.ROOT, "  a run takes roughly %s and at most %s of memory%n", RunCommand.duration(e.seconds()),
                RunCommand.bytes(e.memoryBytes()));
        String refusal = RunCommand.refusal(s, e, RunEstimate.DEFAULT_MAX_WORK);
        if (refusal != null) {
            out.println("  note: run would refuse it as it stands: " + refusal.replace("\n", "\n  "));
        }
        out.flush();
        return 0;
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
