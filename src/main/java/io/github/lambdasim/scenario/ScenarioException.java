package io.github.lambdasim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be run, with every problem found in it. */
public final class ScenarioException extends RuntimeException {
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
