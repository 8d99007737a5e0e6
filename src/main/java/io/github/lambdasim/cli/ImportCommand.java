package io.github.lambdasim.cli;

import io.github.lambdasim.templates.ScenarioDraft;
import io.github.lambdasim.templates.TemplateImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lambdasim import TEMPLATE}: a scenario from a SAM / CloudFormation template or a serverless.yml. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Write a scenario from a deployment template: an AWS SAM or CloudFormation template (YAML or JSON) or "
                + "a Serverless Framework serverless.yml. Each function keeps its settings; its events become traffic "
                + "sources; what the template cannot say (rates, durations) is left \"(fill in: ...)\", which validate "
                + "refuses until set."},
        footer = {"", "Example: lambdasim import template.yaml --out scenarios/my-app.yaml"})
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEMPLATE", description = "template.yaml, template.json or serverless.yml.")
    Path template;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the scenario here instead of to standard output.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The scenario's name (default: the service's, the --out "
            + "file's, or the template's file name).")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String text;
        try {
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(template + ": no such file");
        }
        String file = template.getFileName().toString();
        TemplateImport t = TemplateImport.read(file, text);
        String scenarioName = name != null ? name : t.name() != null ? t.name()
                : (out != null ? out.getFileName().toString() : file).replaceFirst("\\.(ya?ml|json)$", "").replaceFirst("\\.template$", "");
        if (!io.github.lambdasim.scenario.ScenarioLoader.isValidName(scenarioName)) {
            throw new IllegalArgumentException("--name: '" + scenarioName + "' cannot name a scenario: use letters, digits, "
                    + "'.', '_' and '-'");
        }
        String yaml = ScenarioDraft.write(t, file, scenarioName);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(yaml);
        } else {
            Files.writeString(out, yaml, StandardCharsets.UTF_8);
            long toFill = yaml.lines().filter(l -> !l.startsWith("#") && l.contains("(fill in: ")).count();
            stdout.printf("%s: %d functions from %s (%s); %d values to fill in. Then: lambdasim validate %s%n", out,
                    t.functions().size(), file, t.kind(), toFill, out);
        }
        stdout.flush();
        return 0;
    }
}
